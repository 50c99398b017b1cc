import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Every demo account's password (src/server/demo/profiles.ts). */
export const DEMO_PASSWORD = 'practice-desk';

/** Logs in through the real form and waits for the landing page of the account's role. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  // Start from no session, as a person switching accounts would after logging out.
  await page.context().clearCookies();
  await page.goto('/login');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The WCAG 2.2 AA rule tags every accessibility audit runs. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails with each violation's rule, help and first places. */
export async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
  expect(summary, `axe on ${where}`).toEqual([]);
}

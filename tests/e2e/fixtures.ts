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

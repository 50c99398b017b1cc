import { readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './fixtures.ts';

const SCENARIO = 'same-po-two-doors';

/** The new messages are checked against WCAG 2.2 AA where they appear. */
async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.help}`),
    `axe on ${where}`,
  ).toEqual([]);
}

/** Commits the first option of the step showing (a choose step), and waits for the next. */
async function answerFirstOption(page: Page, decided: number): Promise<void> {
  const form = page.locator('.step form');
  await form.getByRole('radio').first().check();
  await form.getByRole('button', { name: /^Commit/ }).click();
  await expect(page.locator('.status-bar')).toContainText(`Decisions ${decided}`);
}

test('an open assessment is sealed: no score on My progress or the team page, no practice beside it, and abandoning it is final', async ({ page, browser }) => {
  await loginAs(page, 'ben');
  await page.goto(`/train/${SCENARIO}`);
  await page.getByRole('button', { name: 'Start an assessment' }).click();
  await expect(page).toHaveURL(/\/play\//);
  const attemptId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await answerFirstOption(page, 1);

  // My progress lists it with no score part at all.
  await page.goto('/progress');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /Same PO/i }).and(page.locator(`[href="/play/${attemptId}"]`)) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell')).toHaveText([/\d{4}-\d{2}-\d{2}/, /.+/, 'assessment', '–', '–', 'In progress']);

  // Practice of the same scenario does not start, and the page says why and what to do.
  await page.goto(`/train/${SCENARIO}`);
  await expect(page.getByRole('status').filter({ hasText: 'Your assessment of this scenario is open' })).toBeVisible();
  await page.getByRole('button', { name: 'Start in practice mode' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Your assessment of this scenario is still open, so practice on it is closed');
  await expect(refusal).toContainText('Finish the assessment, or abandon it');
  await expect(refusal.getByRole('link', { name: 'Resume' })).toHaveAttribute('href', `/play/${attemptId}`);
  await expectNoViolations(page, 'the refusal to start practice');

  // A lead sees the attempt on the team page without any score part, and its debrief is sealed.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await loginAs(lead, 'lena');
  await lead.goto('/team/ben');
  const teamRow = lead.getByRole('row').filter({ has: lead.locator(`a[href="/attempts/${attemptId}"]`) });
  await expect(teamRow.getByRole('cell')).toHaveText([/\d{4}-\d{2}-\d{2}/, /.+/, 'assessment', '–', '–', '–', '–', '–', '–', 'In progress']);
  await lead.goto(`/attempts/${attemptId}`);
  await expect(lead.getByRole('status')).toHaveText(/This assessment is still open\. Its decisions, score and verdicts stay sealed/);
  await expect(lead.getByText('Step by step, beside the senior')).toHaveCount(0);
  await expectNoViolations(lead, 'the sealed debrief');
  await leadContext.close();

  // Abandoning it from the refusal ends it for good; it shows as abandoned and practice opens again.
  await refusal.getByRole('button', { name: /^Abandon the assessment attempt/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Attempt abandoned' })).toContainText('It is final, scores 0 and counts as not passed.');
  await page.goto('/progress');
  const abandoned = page.getByRole('row').filter({ has: page.locator(`[href="/attempts/${attemptId}"]`) });
  await expect(abandoned.getByRole('cell').last()).toHaveText('Abandoned');
  await page.goto(`/play/${attemptId}`);
  await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}$`));
  await expect(page.locator('.score-big')).toContainText('Abandoned');
  await page.goto(`/train/${SCENARIO}`);
  await page.getByRole('button', { name: 'Start in practice mode' }).click();
  await expect(page).toHaveURL(/\/play\//);
});

test('a trainee who has too many attempts open is told which, and can resume or abandon them', async ({ page }) => {
  const ids = readdirSync('scenarios')
    .filter((name) => name.endsWith('.yaml') && name !== 'taxonomy.yaml')
    .map((name) => name.slice(0, -5))
    .sort();
  await loginAs(page, 'ben');
  let capped = false;
  for (const id of ids) {
    await page.goto(`/train/${id}`);
    await page.getByRole('button', { name: 'Start in practice mode' }).click();
    if (/\/play\//.test(page.url())) continue;
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    if (!(await alert.textContent())?.includes('the most a trainee can have')) continue;
    capped = true;
    await expect(alert).toContainText(
      'You have 10 attempts open, and 10 is the most a trainee can have at once. Finish or abandon one of them to start another.',
    );
    await expect(alert.getByRole('listitem')).toHaveCount(10);
    await expect(alert.getByRole('link', { name: 'Resume' })).toHaveCount(10);
    await expect(alert.getByRole('button', { name: /^Abandon the/ })).toHaveCount(10);
    // Resume the newest from the list, and abandon it from its own page.
    await alert.getByRole('link', { name: 'Resume' }).first().click();
    await expect(page).toHaveURL(/\/play\//);
    await page.getByText('Abandon this attempt').click();
    await page.getByRole('button', { name: 'Abandon for good' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Attempt abandoned' })).toBeVisible();
    // One fewer open: this scenario starts now.
    await page.goto(`/train/${id}`);
    await page.getByRole('button', { name: 'Start in practice mode' }).click();
    await expect(page).toHaveURL(/\/play\//);
    break;
  }
  expect(capped).toBe(true);
});

import { expect, test } from '@playwright/test';
import { loginAs, logout } from './fixtures.ts';
import { playCase } from './play-case.ts';
import { shippedScenario } from './scenario-key.ts';

// A case whose senior path has a written note early on (choose, choose-many, write, choose, choose).
const SCENARIO = 'drop-ship-vendor-silent';
const TRAINEE = { username: 'dev', name: 'Dev Raman' };
const NOTE = `Hi, an update on your order from the review spec (${Date.now()}): the vendor has confirmed a ship date and I will write again by 14:00 today.`;

test('a trainee writes a note, a senior grades it, and the trainee sees the grade and the comment', async ({ page }) => {
  // The trainee plays the case, writing their own note to the customer.
  await loginAs(page, TRAINEE.username);
  const steps = await playCase(page, SCENARIO, 'practice', { note: NOTE });
  expect(steps.map((step) => step.kind)).toContain('write');
  await page.getByRole('link', { name: 'See your debrief' }).click();
  await expect(page.getByText('Awaiting review').first()).toBeVisible();
  const debrief = page.url();
  await logout(page);

  // The senior finds it in the review queue, ticks every rubric line met and leaves a comment.
  await loginAs(page, 'sam');
  await expect(page).toHaveURL(/\/review$/);
  await page.getByLabel('Written by').selectOption({ label: TRAINEE.name });
  await page.getByRole('button', { name: 'Show' }).click();
  const item = page.getByRole('listitem').filter({ hasText: NOTE });
  await expect(item).toBeVisible();
  await expect(item.getByText('Model answer')).toBeVisible();
  const lines = item.getByRole('group', { name: 'Rubric lines met' }).getByRole('checkbox');
  const rubricLines = await lines.count();
  expect(rubricLines).toBeGreaterThanOrEqual(3);
  for (const line of await lines.all()) await line.check();
  await item.getByLabel('Comment for the trainee').fill('Clear, specific and honest about what the vendor has promised.');
  await item.getByRole('button', { name: 'Save the grade' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Grade saved' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: NOTE })).toHaveCount(0);
  await logout(page);

  // The trainee is told on their next visit, and the debrief shows the grade and the comment.
  await loginAs(page, TRAINEE.username);
  await page.goto('/progress');
  const notice = page.getByRole('status').filter({ hasText: 'A senior has reviewed or commented on your work' });
  await expect(notice).toBeVisible();
  await notice
    .getByRole('link', { name: shippedScenario(SCENARIO).title })
    .first()
    .click();
  await expect(page).toHaveURL(debrief);
  await expect(page.getByText('Clear, specific and honest about what the vendor has promised.')).toBeVisible();
  const written = page.locator('.decision').filter({ hasText: NOTE });
  await expect(written.getByText(/^Met:/)).toHaveCount(rubricLines);
  await expect(written.getByText('Awaiting review')).toHaveCount(0);
  // Seen once, the notice goes away.
  await page.goto('/progress');
  await expect(page.getByText('A senior has reviewed or commented on your work')).toHaveCount(0);
});

import { expect, test, type Page } from '@playwright/test';
import { seniorAnswer } from '../../src/domain/engine/senior-path.ts';
import { loginAs, logout } from './fixtures.ts';
import { shippedScenario } from './scenario-key.ts';

// A case whose senior path has a written note early on (choose, choose-many, write, choose, choose).
const SCENARIO = 'drop-ship-vendor-silent';
const TRAINEE = { username: 'dev', name: 'Dev Raman' };
const NOTE = `Hi, an update on your order from the review spec (${Date.now()}): the vendor has confirmed a ship date and I will write again by 14:00 today.`;

/** Answers the step on screen the senior's way, except a written step, which gets the trainee's own note. */
async function answerStep(page: Page): Promise<void> {
  const scenario = shippedScenario(SCENARIO);
  const prompt = (await page.locator('#step-prompt').textContent())?.trim();
  const [, step] = Object.entries(scenario.steps).find(([, candidate]) => candidate.prompt.trim() === prompt) ?? [];
  if (!step) throw new Error(`prompt not found in ${SCENARIO}: ${prompt}`);
  const form = page.locator('.step form');
  const answer = seniorAnswer(step);
  if (step.kind === 'choose' && answer?.kind === 'choose') {
    await form.getByRole('radio', { name: step.options.find((option) => option.id === answer.optionId)?.text }).check();
  } else if (step.kind === 'choose-many' && answer?.kind === 'choose-many') {
    for (const option of step.options.filter((candidate) => answer.optionIds.includes(candidate.id))) await form.getByRole('checkbox', { name: option.text }).check();
  } else if (step.kind === 'write') {
    await form.getByRole('textbox').fill(NOTE);
  } else {
    throw new Error(`this story does not expect a ${step.kind} step`);
  }
  const decided = await page.locator('.status-bar').textContent();
  await form.getByRole('button', { name: /^(Commit|Send)/ }).click();
  await expect(page.locator('.status-bar')).not.toHaveText(decided ?? '');
}

test('a trainee writes a note, a senior grades it, and the trainee sees the grade and the comment', async ({ page }) => {
  // The trainee plays the case, writing their own note to the customer.
  await loginAs(page, TRAINEE.username);
  await page.goto(`/train/${SCENARIO}`);
  await page.getByRole('button', { name: 'Start in practice mode' }).click();
  await expect(page.locator('#step-prompt')).toBeVisible();
  for (let steps = 0; !(await page.locator('#ending-title').count()); steps++) {
    expect(steps).toBeLessThan(15);
    await answerStep(page);
  }
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
  await notice.getByRole('link', { name: shippedScenario(SCENARIO).title }).first().click();
  await expect(page).toHaveURL(debrief);
  await expect(page.getByText('Clear, specific and honest about what the vendor has promised.')).toBeVisible();
  const written = page.locator('.decision').filter({ hasText: NOTE });
  await expect(written.getByText(/^Met:/)).toHaveCount(rubricLines);
  await expect(written.getByText('Awaiting review')).toHaveCount(0);
  // Seen once, the notice goes away.
  await page.goto('/progress');
  await expect(page.getByText('A senior has reviewed or commented on your work')).toHaveCount(0);
});

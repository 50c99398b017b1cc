import { expect, test } from '@playwright/test';
import { loginAs } from './fixtures.ts';
import { shippedScenario } from './scenario-key.ts';

const SCENARIO = 'same-po-two-doors';

test('a trainee who fails on the first decision reads which decision cost the case, and that failing early saved no time', async ({ page }) => {
  const step = shippedScenario(SCENARIO).steps['first-look'];
  if (step?.kind !== 'choose') throw new Error('the story expects a choose step first');
  const releaseBoth = step.options.find((option) => option.id === 'release-it')!;

  await loginAs(page, 'emma');
  await page.goto(`/train/${SCENARIO}`);
  await page.getByRole('button', { name: 'Start in practice mode' }).click();
  await expect(page.locator('#step-prompt')).toBeVisible();
  await page.locator('.step form').getByRole('radio', { name: releaseBoth.text }).check();
  await page
    .locator('.step form')
    .getByRole('button', { name: /^Commit/ })
    .click();
  await expect(page.locator('#ending-title')).toBeVisible();
  await page.getByRole('link', { name: 'See your debrief' }).click();

  await expect(page).toHaveURL(/\/attempts\//);
  await expect(page.getByText('The decision that cost the case:')).toBeVisible();
  await expect(page.getByRole('link', { name: 'decision 1' })).toHaveAttribute('href', '#step-first-look');
  await expect(page.getByRole('row', { name: /Time/ })).toContainText('charged because the case still has to be worked again');
});

import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seniorAnswer } from '../../src/domain/engine/senior-path.ts';
import type { Scenario, Step } from '../../src/domain/scenario/schema.ts';
import { loginAs } from './fixtures.ts';
import { shippedScenario } from './scenario-key.ts';

const ids = readdirSync('scenarios').filter((name) => name.endsWith('.yaml') && name !== 'taxonomy.yaml').map((name) => name.slice(0, -5));

type Policy = 'senior' | 'poor';

/** Answers the step on screen: the senior's answer, or the weakest choice a hurried junior might make. */
async function answerStep(page: Page, scenario: Scenario, policy: Policy): Promise<Step> {
  const prompt = (await page.locator('#step-prompt').textContent())?.trim();
  const step = Object.values(scenario.steps).find((candidate) => candidate.prompt.trim() === prompt);
  if (!step) throw new Error(`prompt not in ${scenario.id}: ${prompt}`);
  const form = page.locator('.step form');
  const key = seniorAnswer(step);
  if (step.kind === 'choose') {
    const order = ['critical', 'wrong', 'weak', 'good', 'best'];
    const pick = policy === 'senior' ? step.options.find((option) => option.verdict === 'best') : [...step.options].sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict))[0];
    await form.getByRole('radio', { name: pick?.text ?? '', exact: true }).check();
  } else if (step.kind === 'choose-many' && key?.kind === 'choose-many') {
    const chosen = policy === 'senior' ? step.options.filter((option) => key.optionIds.includes(option.id)) : step.options.filter((option) => !key.optionIds.includes(option.id));
    for (const option of chosen) await form.getByRole('checkbox', { name: option.text, exact: true }).check();
  } else if (step.kind === 'rank' && policy === 'poor') {
    // Move the senior's first item to the bottom.
    const first = step.items.find((item) => item.id === step.answer[0]);
    for (let moves = 0; moves < step.items.length; moves++) {
      const down = form.getByRole('button', { name: `Move down: ${first?.text}`, exact: true });
      if (await down.isDisabled()) break;
      await down.click();
    }
  } else if (step.kind === 'rank') {
    for (const [target, id] of step.answer.entries()) {
      const text = step.items.find((item) => item.id === id)?.text ?? '';
      const items = form.locator('.rank-text');
      for (let guard = 0; guard < step.items.length && (await items.nth(target).textContent()) !== text; guard++) {
        await form.getByRole('button', { name: `Move up: ${text}`, exact: true }).click();
      }
    }
  } else if (step.kind === 'write') {
    await form.getByRole('textbox').fill(policy === 'senior' ? step.model : 'Will look into it.');
  }
  await form.getByRole('button', { name: /^(Commit|Send)/ }).click();
  return step;
}

for (const id of ids) {
  test(`${id}: played in the browser along the senior path it resolves; along a poor path it does not`, async ({ page }) => {
    const scenario = shippedScenario(id);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await loginAs(page, 'dev');
    for (const policy of ['senior', 'poor'] as const) {
      await page.goto(`/train/${id}`);
      await page.getByRole('button', { name: 'Start in practice mode' }).click();
      let decided = 0;
      while (!(await page.locator('#ending-title').count())) {
        await answerStep(page, scenario, policy);
        decided++;
        await expect(page.locator('.status-bar')).toContainText(`Decisions ${decided}`);
        expect(decided).toBeLessThan(40);
      }
      const ending = page.locator('section.ending');
      if (policy === 'senior') await expect(ending).toHaveClass(/resolved/);
      else await expect(ending).not.toHaveClass(/resolved/);
      await page.getByRole('link', { name: 'See your debrief' }).click();
      await expect(page.getByRole('heading', { name: 'Step by step, beside the senior' })).toBeVisible();
      if (policy === 'senior') await expect(page.locator('.score-big .value')).toHaveText('100');
    }
    expect(errors).toEqual([]);
  });
}

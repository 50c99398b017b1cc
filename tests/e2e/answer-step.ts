// Answers the step on screen as a trainee would, for the browser stories that play a case through.
import type { Page } from '@playwright/test';
import { seniorAnswer } from '../../src/domain/engine/senior-path.ts';
import type { Scenario, Step } from '../../src/domain/scenario/schema.ts';

/** Whose answers a story plays: the senior's, or the weakest choice a hurried junior might make. */
export type Policy = 'senior' | 'poor';

/** Answers the step on screen: the senior's answer, or the weakest choice a hurried junior might make. */
export async function answerStep(page: Page, scenario: Scenario, policy: Policy): Promise<Step> {
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

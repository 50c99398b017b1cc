// Playing a case in the browser as a trainee would: the one way the specs answer steps and finish a case.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { seniorAnswer } from '../../src/domain/engine/senior-path.ts';
import type { Scenario, Step } from '../../src/domain/scenario/schema.ts';
import { resolveVariant, scenarioVariants } from '../../src/domain/scenario/variants.ts';
import { shippedScenario } from './scenario-key.ts';

/**
 * The scenario as the attempt on screen plays it: the case variant it drew, read from the attempt's file in
 * the server's data directory (a trainee never sees which variant it is, so the page cannot say).
 */
export function drawnScenario(page: Page, scenario: Scenario): Scenario {
  const attemptId = /\/play\/([^/?#]+)/.exec(page.url())?.[1];
  const dataDir = process.env.E2E_DATA_DIR;
  const first = scenarioVariants(scenario)[0]?.id ?? 'standard';
  if (!attemptId || !dataDir) return resolveVariant(scenario, first);
  const root = path.join(dataDir, 'attempts');
  for (const user of readdirSync(root)) {
    try {
      const stored = JSON.parse(readFileSync(path.join(root, user, `${attemptId}.json`), 'utf8')) as { variant?: string };
      return resolveVariant(scenario, stored.variant ?? first);
    } catch {
      // Not this trainee's folder.
    }
  }
  return resolveVariant(scenario, first);
}

/** How to answer: the senior's way, or the weakest answers a hurried junior might give. */
export type Policy = 'senior' | 'poor';

export interface PlayOptions {
  policy?: Policy;
  /** The text for a written step (the senior's model answer by default, or a curt line on the poor path). */
  note?: string;
  /** Runs before each step is answered, with the step on screen (an accessibility audit, say). */
  beforeAnswer?: (step: Step) => Promise<void>;
  /** Runs once the feedback for each answered step is shown. */
  afterAnswer?: (step: Step) => Promise<void>;
}

/** The step on screen and its id, found by its prompt in the scenario file; throws when it is not there. */
export async function stepOnScreen(page: Page, scenario: Scenario): Promise<[string, Step]> {
  const prompt = (await page.locator('#step-prompt').textContent())?.trim();
  const entry = Object.entries(scenario.steps).find(([, candidate]) => candidate.prompt.trim() === prompt);
  if (!entry) throw new Error(`prompt not in ${scenario.id}: ${prompt}`);
  return entry;
}

/** Answers the step on screen with the mouse and waits for the answer to count; returns the step. */
export async function answerStep(page: Page, base: Scenario, options: PlayOptions = {}): Promise<Step> {
  const { policy = 'senior' } = options;
  const scenario = drawnScenario(page, base);
  const [, step] = await stepOnScreen(page, scenario);
  const form = page.locator('.step form');
  const key = seniorAnswer(step);
  if (step.kind === 'choose') {
    const order = ['critical', 'wrong', 'weak', 'good', 'best'];
    const pick =
      policy === 'senior'
        ? step.options.find((option) => option.verdict === 'best')
        : [...step.options].sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict))[0];
    await form.getByRole('radio', { name: pick?.text ?? '', exact: true }).check();
  } else if (step.kind === 'choose-many' && key?.kind === 'choose-many') {
    const chosen =
      policy === 'senior'
        ? step.options.filter((option) => key.optionIds.includes(option.id))
        : step.options.filter((option) => !key.optionIds.includes(option.id));
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
    await form.getByRole('textbox').fill(options.note ?? (policy === 'senior' ? step.model : 'Will look into it.'));
  }
  const decided = await page.locator('.status-bar').textContent();
  await form.getByRole('button', { name: /^(Commit|Send)/ }).click();
  await expect(page.locator('.status-bar')).not.toHaveText(decided ?? '');
  return step;
}

/**
 * Starts a shipped case from its page and answers every step until the ending shows; returns the steps
 * answered, in order. The page must be logged in as a trainee.
 */
export async function playCase(page: Page, scenarioId: string, mode: 'practice' | 'assessment', options: PlayOptions = {}): Promise<Step[]> {
  const scenario = shippedScenario(scenarioId);
  await page.goto(`/train/${scenarioId}`);
  await page.getByRole('button', { name: mode === 'practice' ? 'Start in practice mode' : 'Start an assessment' }).click();
  await expect(page.locator('#step-prompt')).toBeVisible();
  const answered: Step[] = [];
  while (!(await page.locator('#ending-title').count())) {
    expect(answered.length, `${scenarioId} should end within 40 decisions`).toBeLessThan(40);
    if (options.beforeAnswer) await options.beforeAnswer((await stepOnScreen(page, drawnScenario(page, scenario)))[1]);
    const step = await answerStep(page, scenario, options);
    answered.push(step);
    await expect(page.locator('.status-bar')).toContainText(`Decisions ${answered.length}`);
    if (options.afterAnswer) await options.afterAnswer(step);
  }
  await expect(page.locator('#ending-title')).toBeVisible();
  return answered;
}

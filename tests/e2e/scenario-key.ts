import { readFileSync } from 'node:fs';
import { checkScenarioText } from '../../src/domain/scenario/check.ts';
import { checkTaxonomyText } from '../../src/domain/scenario/check.ts';
import type { Scenario } from '../../src/domain/scenario/schema.ts';

/** A shipped scenario read from disk: the tests know the answer key, the browser never does. */
export function shippedScenario(id: string): Scenario {
  const taxonomy = checkTaxonomyText(readFileSync('scenarios/taxonomy.yaml', 'utf8')).value;
  if (!taxonomy) throw new Error('taxonomy.yaml does not check');
  const checked = checkScenarioText(readFileSync(`scenarios/${id}.yaml`, 'utf8'), { taxonomy });
  if (!checked.value) throw new Error(`${id} does not check`);
  return checked.value;
}

/** Every piece of answer-key prose in a scenario: whys, model answers, rubric lines. */
export function answerKeyTexts(scenario: Scenario): string[] {
  const texts: string[] = [];
  for (const step of Object.values(scenario.steps)) {
    if (step.kind === 'choose') for (const option of step.options) if (option.why) texts.push(option.why);
    if (step.kind !== 'choose' && step.why) texts.push(step.why);
    if (step.kind === 'choose-many') for (const option of step.options) if (option.why) texts.push(option.why);
    if (step.kind === 'write') texts.push(step.model, ...step.rubric);
  }
  return texts.map((text) => text.trim()).filter((text) => text.length >= 20);
}

import { existsSync, readFileSync } from 'node:fs';
import { checkScenarioText } from '../../src/domain/scenario/check.ts';
import { checkTaxonomyText } from '../../src/domain/scenario/check.ts';
import type { Scenario } from '../../src/domain/scenario/schema.ts';

/** The folder the e2e server serves scenarios from (a copy of scenarios/ that stories may publish into; see serve.ts). */
const servedDir = process.env.E2E_DATA_DIR ? `${process.env.E2E_DATA_DIR}-scenarios` : 'scenarios';

/** A scenario's text checked as the server checks it; throws when it has errors. */
export function scenarioFromText(text: string, name: string): Scenario {
  const taxonomy = checkTaxonomyText(readFileSync('scenarios/taxonomy.yaml', 'utf8')).value;
  if (!taxonomy) throw new Error('taxonomy.yaml does not check');
  const checked = checkScenarioText(text, { taxonomy });
  if (!checked.value) throw new Error(`${name} does not check: ${checked.findings.map((finding) => finding.message).join('; ')}`);
  return checked.value;
}

/** A scenario as the server serves it, read from disk: the tests know the answer key, the browser never does. */
export function shippedScenario(id: string): Scenario {
  const file = existsSync(`${servedDir}/${id}.yaml`) ? `${servedDir}/${id}.yaml` : `scenarios/${id}.yaml`;
  return scenarioFromText(readFileSync(file, 'utf8'), id);
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

// Shared by the tests: reads the real taxonomy, playbook slugs and fixtures, checks them, and plays answers.
import { readdirSync, readFileSync } from 'node:fs';
import { checkScenarioText, checkTaxonomyText, type Checked } from '../../src/domain/scenario/check.ts';
import { formatFinding, hasErrors, type Finding } from '../../src/domain/scenario/finding.ts';
import type { Scenario, Taxonomy } from '../../src/domain/scenario/schema.ts';
import type { Answer } from '../../src/domain/engine/answer.ts';
import type { Mode } from '../../src/domain/engine/context.ts';
import { compileScenario, startAttempt, submitAnswer, type AttemptSnapshot } from '../../src/domain/engine/machine.ts';

const root = new URL('../../', import.meta.url);
const fixturesDir = new URL('tests/fixtures/scenarios/', root);
const scenariosDir = new URL('scenarios/', root);

/** The real `scenarios/taxonomy.yaml`, as text. */
export const taxonomyText = readFileSync(new URL('taxonomy.yaml', scenariosDir), 'utf8');

/** The real taxonomy, checked; the tests cannot run without it. */
export const taxonomy: Taxonomy = (() => {
  const checked = checkTaxonomyText(taxonomyText);
  if (!checked.value) throw new Error(`taxonomy.yaml has errors:\n${lines('scenarios/taxonomy.yaml', checked.findings)}`);
  return checked.value;
})();

/** The playbook slugs in `content/playbooks/`. */
export const playbooks: string[] = readdirSync(new URL('content/playbooks/', root))
  .filter((name) => name.endsWith('.md'))
  .map((name) => name.slice(0, -3))
  .sort();

/** A fixture's text, by file name under `tests/fixtures/scenarios/`. */
export const fixtureText = (name: string): string => readFileSync(new URL(name, fixturesDir), 'utf8');

/** Checks scenario text against the real taxonomy and playbooks, as if it were the file `<fileId>.yaml`. */
export const checkText = (text: string, fileId?: string): Checked<Scenario> => checkScenarioText(text, { taxonomy, playbooks, fileId });

/** Findings as the check prints them, one per line. */
export function lines(file: string, findings: readonly Finding[]): string {
  return findings.map((finding) => formatFinding(file, finding)).join('\n');
}

/** A scenario from text that must pass the check; throws with the findings otherwise. */
export function scenarioFrom(text: string, fileId?: string): Scenario {
  const checked = checkText(text, fileId);
  if (!checked.value || hasErrors(checked.findings)) throw new Error(`not a valid scenario:\n${lines(`${fileId ?? 'scenario'}.yaml`, checked.findings)}`);
  return checked.value;
}

/** A fixture that must pass the check, by name without `.yaml`. */
export const loadFixture = (id: string): Scenario => scenarioFrom(fixtureText(`${id}.yaml`), id);

/** Every scenario file in `scenarios/` at the time the tests run (taxonomy.yaml excluded), sorted by name. */
export function shippedScenarioFiles(): { path: string; id: string; text: string }[] {
  return readdirSync(scenariosDir)
    .filter((name) => /\.ya?ml$/.test(name) && !/^taxonomy\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: `scenarios/${name}`, id: name.replace(/\.ya?ml$/, ''), text: readFileSync(new URL(name, scenariosDir), 'utf8') }));
}

/** Answers as the browser sends them, short to write in tests. */
export const choose = (optionId: string): Answer => ({ kind: 'choose', optionId });
export const many = (...optionIds: string[]): Answer => ({ kind: 'choose-many', optionIds });
export const rank = (...order: string[]): Answer => ({ kind: 'rank', order });
export const write = (text: string): Answer => ({ kind: 'write', text });

/** One answer to one step. */
export type Move = readonly [stepId: string, answer: Answer];

/** Plays answers from the start (or from `snapshot`); throws if any is refused, so a test never walks a path it did not mean to. */
export function play(scenario: Scenario, moves: readonly Move[], mode: Mode = 'practice', snapshot?: AttemptSnapshot) {
  const machine = compileScenario(scenario);
  let current = snapshot ?? startAttempt(machine, mode);
  for (const [stepId, answer] of moves) {
    const submission = submitAnswer(scenario, machine, current, stepId, answer);
    if (!submission.ok) throw new Error(`${stepId}: ${submission.code}: ${submission.reason}`);
    current = submission.snapshot;
  }
  return current;
}

/** The long way round the kitchen sink: sales, a senior, half the right people, a vague answer, a shuffled queue. */
export const KITCHEN_SINK_DETOUR: readonly Move[] = [
  ['first-look', choose('ask-sales')],
  ['sales-bounces', choose('to-senior')],
  ['loop-in', many('credit')],
  ['credit-asks-why', choose('vague')],
  ['queue', rank('credit', 'dps', 'address')],
  ['note-to-buyer', write('We will call you at three.')],
];

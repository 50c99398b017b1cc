// Strategies that read only the options (their length, position or wording), never the case file, must not pass any assessment in the library.
import { describe, expect, test } from 'vitest';
import { checkLibrary } from '../../../src/domain/scenario/library.ts';
import type { Scenario, Step } from '../../../src/domain/scenario/schema.ts';
import type { Answer } from '../../../src/domain/engine/answer.ts';
import { compileScenario, currentNode, startAttempt, submitAnswer } from '../../../src/domain/engine/machine.ts';
import { seniorAnswer, seniorPath } from '../../../src/domain/engine/senior-path.ts';
import { scoreAttempt, type Reviews } from '../../../src/domain/scoring/attempt-score.ts';
import { attemptOutcome } from '../../../src/domain/progress/attempt-outcome.ts';
import { traineeView, type Choice } from '../../../src/domain/view/trainee-view.ts';
import { seededShuffle } from '../../../src/domain/shuffle.ts';
import { playbooks, shippedScenarioFiles, taxonomyText } from '../../support/scenarios.ts';
import { variantsOf } from './variants-seam.ts';

/** Attempt ids seed the option shuffle; each seed is one attempt as a trainee would get it. */
const SEEDS = ['blind-1', 'blind-2', 'blind-3', 'blind-4', 'blind-5', 'blind-6', 'blind-7', 'blind-8'];
/** A blind player that has not ended after this many decisions is going round in a loop. */
const MAX_DECISIONS = 60;

/** Words that make an option sound careful, whatever the case says. */
const CAREFUL_WORDS = [
  'verify',
  'confirm',
  'check',
  'escalate',
  'document',
  'route',
  'hold',
  'policy',
  'review',
  'ask',
  'written',
  'in writing',
  'approval',
  'approve',
  'record',
  'note',
  'before',
  'first',
  'compliance',
  'credit',
  'senior',
  'owner',
  'evidence',
  'investigat',
  'validate',
  'audit',
  'log',
  'wait',
  'until',
  'keep',
];
const carefulness = (text: string) => {
  const lower = text.toLowerCase();
  return CAREFUL_WORDS.reduce((sum, word) => sum + lower.split(word).length - 1, 0);
};

/** What a blind player sees at a step: the options in the order the trainee's screen shows them. */
interface Shown {
  step: Step;
  choices: Choice[];
  /** Seeds the random player's pick, different for every decision of every attempt. */
  draw: string;
}

type ChoosePick = (shown: Shown) => string;
type ManyPick = (shown: Shown) => string[];
type RankPick = (shown: Shown) => string[];

const byLength = (choices: Choice[]) => [...choices].sort((a, b) => b.text.length - a.text.length);

const CHOOSE: Record<string, ChoosePick> = {
  'longest option': ({ choices }) => byLength(choices)[0]!.id,
  'shortest option': ({ choices }) => byLength(choices).at(-1)!.id,
  // A trainee who has learnt that the longest option is the trap.
  'second longest': ({ choices }) => byLength(choices)[1]!.id,
  'first as shown': ({ choices }) => choices[0]!.id,
  'last as shown': ({ choices }) => choices.at(-1)!.id,
  'most careful wording': ({ choices }) => [...choices].sort((a, b) => carefulness(b.text) - carefulness(a.text) || b.text.length - a.text.length)[0]!.id,
  'seeded random': ({ choices, draw }) => seededShuffle(choices, draw)[0]!.id,
};
const MANY: Record<string, ManyPick> = {
  'tick longest half': ({ choices }) =>
    byLength(choices)
      .slice(0, Math.ceil(choices.length / 2))
      .map((choice) => choice.id),
  'tick all': ({ choices }) => choices.map((choice) => choice.id),
  'tick none': () => [],
};
const RANK: Record<string, RankPick> = {
  'rank as shown': ({ choices }) => choices.map((choice) => choice.id),
  'rank reversed': ({ choices }) => choices.map((choice) => choice.id).reverse(),
};

interface Strategy {
  choose: string;
  many: string;
  rank: string;
}
const STRATEGIES: Strategy[] = Object.keys(CHOOSE).flatMap((choose) =>
  Object.keys(MANY).flatMap((many) => Object.keys(RANK).map((rank) => ({ choose, many, rank }))),
);

/** The answer a strategy gives, or the senior's own when `strategy` is 'key' (the harness's control). */
function answerOf(strategy: Strategy | 'key', shown: Shown): Answer {
  const { step } = shown;
  if (strategy === 'key') return seniorAnswer(step)!;
  switch (step.kind) {
    case 'choose':
      return { kind: 'choose', optionId: CHOOSE[strategy.choose]!(shown) };
    case 'choose-many':
      return { kind: 'choose-many', optionIds: MANY[strategy.many]!(shown) };
    case 'rank':
      return { kind: 'rank', order: RANK[strategy.rank]!(shown) };
    case 'write':
      return { kind: 'write', text: 'A written answer the reviewer will give full marks.' };
  }
}

/** The compiled machine and senior path of each scenario, built once for all its attempts. */
const prepared = new WeakMap<Scenario, { machine: ReturnType<typeof compileScenario>; senior: ReturnType<typeof seniorPath> }>();
const prepare = (scenario: Scenario) =>
  prepared.get(scenario) ?? prepared.set(scenario, { machine: compileScenario(scenario), senior: seniorPath(scenario) }).get(scenario)!;

interface Played {
  passed: boolean;
  ending?: string;
  score: number;
}

/** Plays one assessment attempt with the real engine, shuffle and scoring; every written answer gets full marks. */
function playAssessment(scenario: Scenario, strategy: Strategy | 'key', seed: string): Played {
  const { machine, senior } = prepare(scenario);
  let snapshot = startAttempt(machine, 'assessment');
  for (let taken = 0; snapshot.status !== 'done'; taken++) {
    if (taken >= MAX_DECISIONS) throw new Error(`${scenario.id}: no ending after ${MAX_DECISIONS} decisions`);
    const node = currentNode(snapshot);
    const view = traineeView(scenario, node, snapshot.context, seed);
    const step = scenario.steps[node]!;
    const choices = !view.step || view.step.kind === 'write' ? [] : view.step.kind === 'rank' ? view.step.items : view.step.options;
    const submission = submitAnswer(scenario, machine, snapshot, node, answerOf(strategy, { step, choices, draw: `${seed}:random:${taken}` }));
    if (!submission.ok) throw new Error(`${scenario.id} ${node}: ${submission.reason}`);
    snapshot = submission.snapshot;
  }
  const ending = currentNode(snapshot);
  // The worst case for us: every written answer meets its whole rubric.
  const reviews: Reviews = Object.fromEntries(
    snapshot.context.decisions.flatMap((decision) => {
      const step = scenario.steps[decision.stepId];
      return step?.kind === 'write' ? [[decision.stepId, step.rubric.map((_, index) => index)]] : [];
    }),
  );
  const score = scoreAttempt(scenario, senior, snapshot.context, ending, reviews);
  const outcome = attemptOutcome({ finishedAt: 'now', score });
  return { passed: outcome.words === 'Passed', ending, score: score.score };
}

const assessments = checkLibrary(taxonomyText, shippedScenarioFiles(), playbooks).files.flatMap((file) =>
  file.scenario ? variantsOf(file.scenario).map((variant) => ({ label: `${file.scenario!.id} [${variant.id}]`, scenario: variant.scenario })) : [],
);

describe('blind play through the library in assessment mode', () => {
  test('the library has scenarios to play', () => {
    expect(assessments.length).toBeGreaterThanOrEqual(19);
  });

  test('the harness can pass: the answer key passes every assessment, under every shuffle', () => {
    const failing = assessments.flatMap(({ label, scenario }) =>
      SEEDS.map((seed) => ({ seed, played: playAssessment(scenario, 'key', seed) }))
        .filter(({ played }) => !played.passed)
        .map(({ seed, played }) => `${label} ${seed}: ${played.score} at ${played.ending}`),
    );
    expect(failing).toEqual([]);
  });

  // About 5,500 attempts: allow for a machine shared with other test runs.
  test('no strategy that reads only the options passes any assessment', { timeout: 120_000 }, () => {
    const passes: string[] = [];
    const table = new Map<string, Map<string, { passed: number; played: number }>>();
    for (const strategy of STRATEGIES) {
      const column = `${strategy.many} / ${strategy.rank}`;
      const row = table.get(strategy.choose) ?? table.set(strategy.choose, new Map()).get(strategy.choose)!;
      const cell = row.get(column) ?? row.set(column, { passed: 0, played: 0 }).get(column)!;
      for (const { label, scenario } of assessments) {
        for (const seed of SEEDS) {
          const played = playAssessment(scenario, strategy, seed);
          cell.played++;
          if (played.passed) {
            cell.passed++;
            passes.push(`${strategy.choose} + ${column}: ${label} ${seed} scored ${played.score} at ${played.ending}`);
          }
        }
      }
    }
    const columns = [...table.values().next().value!.keys()];
    const width = Math.max(...[...table.keys()].map((name) => name.length));
    const header = `${'choose strategy'.padEnd(width)} | ${columns.join(' | ')}`;
    const rows = [...table].map(
      ([name, row]) =>
        `${name.padEnd(width)} | ${columns
          .map((column) => {
            const cell = row.get(column)!;
            return `${cell.passed}/${cell.played}`.padEnd(column.length);
          })
          .join(' | ')}`,
    );
    console.log(
      `Blind play: assessments passed / played (${assessments.length} scenario variants x ${SEEDS.length} shuffles per cell)\n` +
        `${header}\n${rows.join('\n')}\n${passes.length ? `Passes:\n${passes.join('\n')}` : 'No blind strategy passes any assessment.'}`,
    );
    expect(passes).toEqual([]);
  });
});

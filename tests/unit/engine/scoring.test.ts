// Scoring as scenarios/FORMAT.md defines it: step scores in [0, 1], the attempt 0-100 against the senior path.
import { describe, expect, test } from 'vitest';
import { seniorPath } from '../../../src/domain/engine/senior-path.ts';
import { currentNode, requestHint, startAttempt, compileScenario } from '../../../src/domain/engine/machine.ts';
import type { AttemptContext } from '../../../src/domain/engine/context.ts';
import { jaccard, rankAgreement, scoreChooseMany, scoreReview } from '../../../src/domain/scoring/step-score.ts';
import { scoreAttempt, seniorReviews, type Reviews } from '../../../src/domain/scoring/attempt-score.ts';
import type { ChooseManyStep, Scenario } from '../../../src/domain/scenario/schema.ts';
import { choose, fixtureText, loadFixture, many, play, rank, scenarioFrom, write, type Move, KITCHEN_SINK_DETOUR } from '../../support/scenarios.ts';

const kitchenSink = loadFixture('kitchen-sink');
const minimal = loadFixture('minimal');
const loopIn = kitchenSink.steps['loop-in'] as ChooseManyStep;

const note = "Hello Dana, credit is applying yesterday's payment; I will update you by 15:00 today.";
const seniorMoves: Move[] = [
  ['first-look', choose('check-cash')],
  ['loop-in', many('credit', 'am')],
  ['queue', rank('dps', 'credit', 'address')],
  ['note-to-buyer', write(note)],
];
/** The long way round: sales, a senior, half the right people, a vague answer, a shuffled queue. It ships late. */
const detourMoves: readonly Move[] = KITCHEN_SINK_DETOUR;
const allRubric: Reviews = { 'note-to-buyer': [0, 1] };

/** Scores moves played on a scenario from the start (optionally after hints), against its senior path. */
function scoreOf(scenario: Scenario, moves: readonly Move[], reviews: Reviews = {}, hints: string[] = []) {
  const machine = compileScenario(scenario);
  const start = hints.reduce((snapshot, stepId) => requestHint(machine, snapshot, stepId), startAttempt(machine, 'practice'));
  const snapshot = play(scenario, moves, 'practice', start);
  const ending = snapshot.status === 'done' ? currentNode(snapshot) : undefined;
  return scoreAttempt(scenario, seniorPath(scenario), snapshot.context, ending, reviews);
}

/** The senior's own context with some totals changed, to score the cost parts in isolation. */
const seniorWith = (changes: Partial<AttemptContext>): AttemptContext => ({ ...seniorPath(kitchenSink).context, ...changes });

describe('rankAgreement', () => {
  const senior = ['a', 'b', 'c', 'd'];

  test('the same order scores 1 and the reverse 0', () => {
    expect(rankAgreement(senior, ['a', 'b', 'c', 'd'])).toBe(1);
    expect(rankAgreement(senior, ['d', 'c', 'b', 'a'])).toBe(0);
  });

  test('swapping the top two costs more than swapping the bottom two', () => {
    // Pairs weigh 1 / (better senior position): three pairs at 1, two at 1/2, one at 1/3; 13/3 in all.
    const topSwapped = rankAgreement(senior, ['b', 'a', 'c', 'd']);
    const bottomSwapped = rankAgreement(senior, ['a', 'b', 'd', 'c']);
    expect(topSwapped).toBeCloseTo(10 / 13, 12);
    expect(bottomSwapped).toBeCloseTo(12 / 13, 12);
    expect(topSwapped).toBeLessThan(bottomSwapped);
  });

  test('a list of one or none agrees by definition', () => {
    expect(rankAgreement(['a'], ['a'])).toBe(1);
    expect(rankAgreement([], [])).toBe(1);
  });
});

describe('scoreChooseMany', () => {
  test('scores the Jaccard similarity with the senior set', () => {
    const score = (...ids: string[]) => scoreChooseMany(loopIn, ids).score;
    expect(score('credit', 'am')).toBe(1);
    expect(score('am', 'credit')).toBe(1);
    expect(score('credit')).toBe(1 / 2);
    expect(score('credit', 'am', 'warehouse')).toBe(2 / 3);
    expect(score('credit', 'warehouse')).toBe(1 / 3);
    expect(score('warehouse')).toBe(0);
  });

  test('ticking nothing scores 0 when the senior ticks something', () => {
    expect(scoreChooseMany(loopIn, [])).toEqual({ score: 0, critical: false });
  });

  test('ticking nothing scores 1 when the senior ticks nothing too', () => {
    expect(scoreChooseMany({ ...loopIn, answer: [] }, [])).toEqual({ score: 1, critical: false });
    expect(jaccard(new Set(), new Set())).toBe(1);
  });

  test('ticking a critical option flags a critical error, whatever else is right', () => {
    expect(scoreChooseMany(loopIn, ['credit', 'am', 'release'])).toEqual({ score: 2 / 3, critical: true });
    expect(scoreChooseMany(loopIn, ['credit', 'am']).critical).toBe(false);
  });
});

describe('scoreReview', () => {
  test('is the share of rubric lines met, ignoring repeats and lines that do not exist', () => {
    expect(scoreReview(2, [0, 1])).toBe(1);
    expect(scoreReview(2, [1])).toBe(0.5);
    expect(scoreReview(2, [1, 1, 5, -1])).toBe(0.5);
    expect(scoreReview(2, [])).toBe(0);
  });
});

describe('scoreAttempt', () => {
  test('the senior path scores 100 and passes', () => {
    const senior = seniorPath(kitchenSink);
    expect(senior.decisions.map((decision) => decision.stepId)).toEqual(['first-look', 'loop-in', 'queue', 'note-to-buyer']);
    const result = scoreAttempt(kitchenSink, senior, senior.context, senior.ending, seniorReviews(kitchenSink, senior));
    expect(result).toMatchObject({
      score: 100,
      parts: { decisions: 1, time: 1, sentiment: 1, dollars: 1 },
      critical: false,
      pendingReview: [],
      ending: 'shipped',
      result: 'resolved',
      passed: true,
      shortfalls: [],
    });
    expect(seniorReviews(kitchenSink, senior)).toEqual(allRubric);
  });

  test('playing the senior answers through the machine scores the same 100', () => {
    expect(scoreOf(kitchenSink, seniorMoves, allRubric)).toMatchObject({ score: 100, passed: true });
    expect(
      scoreOf(minimal, [
        ['look', choose('compare')],
        ['fix', choose('add-suite')],
        ['tell', choose('note')],
      ]),
    ).toMatchObject({ score: 100, passed: true });
  });

  test('a critical choice fails the attempt whatever the total', () => {
    // Without the "chose: release" branch, ticking the release beside the right people carries on to a good ending.
    const forgiving = scenarioFrom(
      fixtureText('kitchen-sink.yaml').replace('      - when: { chose: release }\n        goto: released-wrongly\n', ''),
      'kitchen-sink',
    );
    const result = scoreOf(
      forgiving,
      [
        ['first-look', choose('check-cash')],
        ['loop-in', many('credit', 'am', 'release')],
        ['credit-asks-why', choose('explain')],
        ['queue', rank('dps', 'credit', 'address')],
        ['note-to-buyer', write(note)],
      ],
      allRubric,
    );
    expect(result).toMatchObject({ score: 96, critical: true, ending: 'shipped', result: 'resolved', passed: false });
    expect(result.shortfalls).toEqual(['A critical error was made: an action that breaks a control fails the attempt whatever the score.']);
  });

  test('releasing the hold yourself is critical and ends in failure', () => {
    const result = scoreOf(kitchenSink, [['first-look', choose('release-it')]]);
    expect(result).toMatchObject({ critical: true, ending: 'released-wrongly', result: 'failed', passed: false });
    expect(result.totals).toEqual({ minutes: 5, sentiment: 55, dollars: 2500 });
  });

  test('a path ending in a failed ending does not pass, even at the pass mark', () => {
    const lenient = scenarioFrom(fixtureText('kitchen-sink.yaml').replace('  passMark: 80', '  passMark: 0'), 'kitchen-sink');
    const result = scoreOf(lenient, [
      ['first-look', choose('ask-sales')],
      ['sales-bounces', choose('wait')],
    ]);
    expect(result).toMatchObject({ ending: 'missed', result: 'failed', critical: false, passed: false });
    expect(result.shortfalls).toEqual(['The case ended in failure.']);
  });

  test('an attempt that has not ended does not pass', () => {
    const result = scoreOf(kitchenSink, seniorMoves.slice(0, 3));
    expect(result).toMatchObject({ ending: undefined, pendingReview: [], passed: false, shortfalls: ['The case is not finished yet.'] });
  });

  test('a written answer waits for review: listed as pending, scored on the rest, not passed', () => {
    const result = scoreOf(kitchenSink, seniorMoves);
    expect(result.pendingReview).toEqual(['note-to-buyer']);
    expect(result.decisions.map((decision) => decision.score)).toEqual([1, 1, 1, null]);
    expect(result).toMatchObject({ score: 100, passed: false, shortfalls: ['A written answer is waiting for a senior to review it.'] });
  });

  test('a review with every rubric line met restores 100 and the pass; half the lines costs half the decision', () => {
    expect(scoreOf(kitchenSink, seniorMoves, allRubric)).toMatchObject({ score: 100, pendingReview: [], passed: true });
    const half = scoreOf(kitchenSink, seniorMoves, { 'note-to-buyer': [1] });
    expect(half.decisions.at(-1)?.score).toBe(0.5);
    expect(half.parts.decisions).toBe(0.875);
    expect(half.score).toBe(92.5);
  });

  test("opening a hint keeps 75% of that decision's score", () => {
    const result = scoreOf(kitchenSink, seniorMoves, allRubric, ['first-look']);
    expect(result.decisions.map((decision) => decision.score)).toEqual([0.75, 1, 1, 1]);
    expect(result.parts.decisions).toBe(0.9375);
    expect(result.score).toBe(96.3);
    expect(result.passed).toBe(true);
  });

  test('time, sentiment and dollars score 1 when no worse than the senior (25 min, sentiment 60, $0)', () => {
    const senior = seniorPath(kitchenSink);
    const parts = (changes: Partial<AttemptContext>) => scoreAttempt(kitchenSink, senior, seniorWith(changes), 'shipped', allRubric).parts;
    expect(senior.context).toMatchObject({ minutes: 25, sentiment: 60, dollars: 0 });
    expect(parts({ minutes: 10, sentiment: 80 })).toEqual({ decisions: 1, time: 1, sentiment: 1, dollars: 1 });
    expect(parts({ minutes: 25, sentiment: 60, dollars: 0 })).toEqual({ decisions: 1, time: 1, sentiment: 1, dollars: 1 });
  });

  test('time, sentiment and dollars fall below 1 when worse: (senior + slack) / (yours + slack), and yours / senior', () => {
    const senior = seniorPath(kitchenSink);
    const parts = (changes: Partial<AttemptContext>) => scoreAttempt(kitchenSink, senior, seniorWith(changes), 'shipped', allRubric).parts;
    // 15 minutes and $500 of slack; sentiment is a plain ratio.
    expect(parts({ minutes: 40 }).time).toBe((25 + 15) / (40 + 15));
    expect(parts({ sentiment: 45 }).sentiment).toBe(45 / 60);
    expect(parts({ dollars: 2500 }).dollars).toBe(500 / 3000);
    expect(parts({ minutes: 40, sentiment: 45, dollars: 2500 })).toEqual({ decisions: 1, time: 40 / 55, sentiment: 0.75, dollars: 1 / 6 });
  });

  test('the detour scores each part from its own totals', () => {
    const result = scoreOf(kitchenSink, detourMoves, allRubric);
    expect(result.totals).toEqual({ minutes: 105, sentiment: 50, dollars: 0 });
    expect(result.ending).toBe('late-ship');
    expect(result.result).toBe('partial');
    // A partial ending is charged the senior's 25 minutes of rework: (25 + 15) / (105 + 25 + 15).
    expect(result.reworkMinutes).toBe(25);
    expect(result.parts.time).toBe(40 / 145);
    expect(result.parts.sentiment).toBe(50 / 60);
    // first-look 0, to-senior 0.4, one of two 0.5, vague 0.4, queue with the top two swapped 1 - 1 / 2.5, note 1
    expect(result.decisions.map((decision) => decision.score)).toEqual([0, 0.4, 0.5, 0.4, 1 - 1 / 2.5, 1]);
    // 60 × 2.9/6 + 15 × 40/145 + 15 × 5/6 + 10 × 1
    expect(result.score).toBe(55.6);
    expect(result.passed).toBe(false);
  });

  test('routing accuracy counts matched routes on the steps whose options carry routes', () => {
    const senior = scoreOf(kitchenSink, seniorMoves, allRubric);
    expect(senior.routing).toEqual({ matched: 2, routed: 2, accuracy: 1 });
    const detour = scoreOf(kitchenSink, detourMoves, allRubric);
    // sales for self 0, senior for credit 0, {credit} for {credit, sales} 0.5, credit for credit 1; queue and note carry no routes
    expect(detour.routing).toEqual({ matched: 1.5, routed: 4, accuracy: 0.375 });
    expect(detour.decisions.map((decision) => decision.routing?.escalation)).toEqual(['over', 'over', 'sideways', 'match', undefined, undefined]);
  });

  test("a scenario's own weights and pass mark are used", () => {
    const decisionsOnly = scenarioFrom(
      fixtureText('kitchen-sink.yaml').replace(
        '  weights: { decisions: 60, time: 15, sentiment: 15, dollars: 10 }\n  passMark: 80',
        '  weights: { decisions: 100, time: 0, sentiment: 0, dollars: 0 }\n  passMark: 95',
      ),
      'kitchen-sink',
    );
    const hinted = scoreOf(decisionsOnly, seniorMoves, allRubric, ['first-look']);
    expect(hinted.score).toBe(93.8);
    expect(hinted.passed).toBe(false);
    expect(hinted.shortfalls).toEqual(['The score is 93.8; passing needs 95 or more.']);

    const timeOnly = scenarioFrom(
      fixtureText('kitchen-sink.yaml').replace('decisions: 60, time: 15, sentiment: 15, dollars: 10', 'decisions: 0, time: 1, sentiment: 0, dollars: 0'),
      'kitchen-sink',
    );
    expect(scoreOf(timeOnly, detourMoves, allRubric).score).toBe(27.6);
  });

  test('without a scoring block the defaults apply: 60/15/15/10, passing at exactly 80', () => {
    expect(minimal.scoring).toBeUndefined();
    // One wrong answer in three, no cost: 2/3 of 60 plus 40 is 80, which passes.
    const oneWrong = scoreOf(minimal, [
      ['look', choose('guess')],
      ['fix', choose('add-suite')],
      ['tell', choose('note')],
    ]);
    expect(oneWrong).toMatchObject({ score: 80, passed: true, shortfalls: [] });
    const oneWrongOneWeak = scoreOf(minimal, [
      ['look', choose('guess')],
      ['fix', choose('ask-cs')],
      ['tell', choose('note')],
    ]);
    expect(oneWrongOneWeak).toMatchObject({ score: 68, passed: false });
  });
});

// Endings that cost: an ending's effect is scored like a decision's, failing early saves no time, and the
// debrief names the critical error and what a hint cost.
import { describe, expect, test } from 'vitest';
import { seniorPath } from '../../../src/domain/engine/senior-path.ts';
import { compileScenario, currentNode, requestHint, startAttempt } from '../../../src/domain/engine/machine.ts';
import { scoreAttempt, reworkFor, type Reviews } from '../../../src/domain/scoring/attempt-score.ts';
import { buildDebrief } from '../../../src/domain/view/debrief.ts';
import type { Scenario } from '../../../src/domain/scenario/schema.ts';
import { choose, fixtureText, loadFixture, many, play, rank, scenarioFrom, write, type Move } from '../../support/scenarios.ts';

const kitchenSink = loadFixture('kitchen-sink');
const note = "Hello Dana, credit is applying yesterday's payment; I will update you by 15:00 today.";
const seniorMoves: Move[] = [
  ['first-look', choose('check-cash')],
  ['loop-in', many('credit', 'am')],
  ['queue', rank('dps', 'credit', 'address')],
  ['note-to-buyer', write(note)],
];
const allRubric: Reviews = { 'note-to-buyer': [0, 1] };

function outcome(scenario: Scenario, moves: readonly Move[], hints: string[] = [], reviews: Reviews = allRubric) {
  const machine = compileScenario(scenario);
  const start = hints.reduce((snapshot, stepId) => requestHint(machine, snapshot, stepId), startAttempt(machine, 'practice'));
  const snapshot = play(scenario, moves, 'practice', start);
  const node = currentNode(snapshot);
  const senior = seniorPath(scenario);
  const score = scoreAttempt(scenario, senior, snapshot.context, scenario.endings[node] ? node : undefined, reviews);
  return { snapshot, score, debrief: buildDebrief(scenario, snapshot.context, node, score, senior, reviews) };
}

const withPenalty = scenarioFrom(
  fixtureText('kitchen-sink.yaml').replace(
    'released-wrongly:\n    result: failed\n',
    'released-wrongly:\n    result: failed\n    effect: { minutes: 90, sentiment: -30, dollars: 12000 }\n',
  ),
  'kitchen-sink',
);

describe("an ending's effect", () => {
  test("is added to the attempt's totals when the ending is reached, and recorded on the decision that led there", () => {
    const plain = outcome(kitchenSink, [['first-look', choose('release-it')]]);
    const costly = outcome(withPenalty, [['first-look', choose('release-it')]]);
    expect(currentNode(costly.snapshot)).toBe('released-wrongly');
    expect(costly.score.totals).toEqual({
      minutes: plain.score.totals.minutes + 90,
      sentiment: Math.max(0, plain.score.totals.sentiment - 30),
      dollars: plain.score.totals.dollars + 12000,
    });
    expect(costly.snapshot.context.decisions[0]?.endingEffect).toEqual({ minutes: 90, sentiment: -30, dollars: 12000 });
    expect(costly.score.parts.dollars).toBeLessThan(plain.score.parts.dollars);
    expect(costly.debrief.ending?.effect).toEqual({ minutes: 90, sentiment: -30, dollars: 12000 });
  });

  test("an ending without an effect costs nothing, and the senior path's totals are unchanged by other endings' effects", () => {
    expect(seniorPath(withPenalty).context).toEqual(seniorPath(kitchenSink).context);
    expect(outcome(kitchenSink, seniorMoves).debrief.ending?.effect).toBeUndefined();
  });
});

describe('time no longer rewards failing early', () => {
  test("a failed or partial ending is charged the senior path's minutes of rework; a resolved one is not", () => {
    expect(reworkFor('failed', 25)).toBe(25);
    expect(reworkFor('partial', 25)).toBe(25);
    expect(reworkFor('resolved', 25)).toBe(0);
    expect(reworkFor(undefined, 25)).toBe(0);
  });

  test("releasing the hold on the first step spends 5 minutes but scores the time part below the senior's", () => {
    const early = outcome(kitchenSink, [['first-look', choose('release-it')]]);
    const senior = outcome(kitchenSink, seniorMoves);
    expect(early.score.totals.minutes).toBeLessThan(senior.score.totals.minutes);
    expect(early.score.reworkMinutes).toBe(senior.score.totals.minutes);
    expect(senior.score.reworkMinutes).toBe(0);
    // (25 + 15) / (5 + 25 + 15): failing early is no longer faster than the senior.
    expect(early.score.parts.time).toBeCloseTo(40 / 45, 10);
    expect(early.score.parts.time).toBeLessThan(senior.score.parts.time);
  });
});

describe('the debrief', () => {
  test('names the critical error as the turning point', () => {
    const { debrief } = outcome(kitchenSink, [['first-look', choose('release-it')]]);
    expect(debrief.turningPoint).toMatchObject({
      kind: 'critical',
      index: 0,
      stepId: 'first-look',
      yours: ['Release the hold yourself; the customer is good for it.'],
    });
    expect(debrief.turningPoint?.why).toContain('Only credit may release a credit hold');
  });

  test('on an unresolved case with no critical error, names its lowest-scored decision; a resolved senior run names none', () => {
    const detour: Move[] = [
      ['first-look', choose('ask-sales')],
      ['sales-bounces', choose('wait')],
    ];
    const { debrief } = outcome(kitchenSink, detour);
    expect(debrief.ending?.result).toBe('failed');
    expect(debrief.turningPoint).toMatchObject({ kind: 'decisive', index: 0, stepId: 'first-look' });
    expect(outcome(kitchenSink, seniorMoves).debrief.turningPoint).toBeUndefined();
  });

  test('shows what a hint cost at the moment it applied: the score before and after', () => {
    const { debrief } = outcome(kitchenSink, seniorMoves, ['first-look']);
    expect(debrief.decisions[0]).toMatchObject({ hinted: true, hintCost: { before: 1, after: 0.75 } });
    expect(debrief.decisions[1]?.hintCost).toBeUndefined();
  });

  test('a hint on a written answer shows its cost once a senior has graded it, not before', () => {
    const machine = compileScenario(kitchenSink);
    const beforeNote = play(kitchenSink, seniorMoves.slice(0, 3));
    const hinted = play(kitchenSink, seniorMoves.slice(3), 'practice', requestHint(machine, beforeNote, 'note-to-buyer'));
    const senior = seniorPath(kitchenSink);
    const debriefWith = (reviews: Reviews) =>
      buildDebrief(
        kitchenSink,
        hinted.context,
        currentNode(hinted),
        scoreAttempt(kitchenSink, senior, hinted.context, currentNode(hinted), reviews),
        senior,
        reviews,
      );
    // Half the rubric met: 0.5 before the hint's share, three quarters of that after.
    expect(debriefWith({ 'note-to-buyer': [0] }).decisions[3]).toMatchObject({ hinted: true, hintCost: { before: 0.5, after: 0.375 } });
    expect(debriefWith({}).decisions[3]).toMatchObject({ hinted: true, pending: true });
    expect(debriefWith({}).decisions[3]?.hintCost).toBeUndefined();
  });
});

import { describe, expect, test } from 'vitest';
import { analyseItems, type AnalysedAttempt } from '../../../src/domain/authoring/item-analysis.ts';
import { currentNode } from '../../../src/domain/engine/machine.ts';
import { choose, loadFixture, many, play, rank, write, type Move } from '../../support/scenarios.ts';

const scenario = loadFixture('kitchen-sink');
const NOW = new Date('2026-05-01T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();

/** An attempt played on the real engine, with the seconds each decision took. */
function attempt(moves: Move[], seconds: number[], lastActiveHoursAgo = 48, reviews?: Record<string, number[]>): AnalysedAttempt {
  const snapshot = play(scenario, moves);
  return {
    decisions: snapshot.context.decisions,
    decidedMs: seconds.map((value) => value * 1000),
    finished: snapshot.status === 'done',
    at: currentNode(snapshot),
    lastActiveAt: hoursAgo(lastActiveHoursAgo),
    reviews,
  };
}

const seniorWay: Move[] = [
  ['first-look', choose('check-cash')],
  ['loop-in', many('credit', 'am')],
  ['queue', rank('dps', 'credit', 'address')],
  ['note-to-buyer', write('Credit is applying your payment; I will update you by 15:00.')],
];
const attempts = [
  // A: the senior path, a written note graded on its first rubric line only.
  attempt(seniorWay, [10, 20, 30, 40], 48, { 'note-to-buyer': [0] }),
  // B: asks sales, over-copies, and stops at credit-asks-why two days ago: abandoned there.
  attempt(
    [
      ['first-look', choose('ask-sales')],
      ['sales-bounces', choose('to-credit')],
      ['loop-in', many('credit', 'am', 'warehouse')],
    ],
    [20, 5, 15],
    48,
  ),
  // C: asks sales, escalates, and is standing at loop-in an hour ago: still in progress.
  attempt(
    [
      ['first-look', choose('ask-sales')],
      ['sales-bounces', choose('to-senior')],
    ],
    [30, 5],
    1,
  ),
  // D: releases the hold: a critical error and a failed ending.
  attempt([['first-look', choose('release-it')]], [40]),
  // E: copies credit only, explains, and leaves at the queue: abandoned there.
  attempt(
    [
      ['first-look', choose('check-cash')],
      ['loop-in', many('credit')],
      ['credit-asks-why', choose('explain')],
    ],
    [50, 25, 10],
    30,
  ),
];
const analysis = analyseItems(scenario, attempts, NOW);
const step = (id: string) => {
  const found = analysis.steps.find((candidate) => candidate.stepId === id);
  if (!found) throw new Error(`no analysis for ${id}`);
  return found;
};
const shares = (id: string) => Object.fromEntries(step(id).options.map((option) => [option.id, option.share]));

describe('analyseItems', () => {
  test('counts attempts as finished, in progress or abandoned (idle over 24 hours)', () => {
    expect({ attempts: analysis.attempts, finished: analysis.finished, inProgress: analysis.inProgress, abandoned: analysis.abandoned }).toEqual({
      attempts: 5,
      finished: 2,
      inProgress: 1,
      abandoned: 2,
    });
  });

  test('lists steps breadth-first from the start', () => {
    expect(analysis.steps.map((entry) => entry.stepId)).toEqual(['first-look', 'sales-bounces', 'loop-in', 'queue', 'credit-asks-why', 'note-to-buyer']);
  });

  test('first step: reached by all, the share choosing each option, the commonest wrong answer and route, the time to decide', () => {
    const first = step('first-look');
    expect([first.reached, first.decided]).toEqual([5, 5]);
    expect(shares('first-look')).toEqual({ 'ask-sales': 0.4, 'check-cash': 0.4, 'release-it': 0.2 });
    expect(first.options.find((option) => option.senior)?.id).toBe('check-cash');
    expect(first.commonWrongAnswer).toEqual({ label: 'ask-sales', count: 2, share: 0.4 });
    // release-it is wrong but routed to "self" like the senior's answer: only ask-sales is a wrong route.
    expect(first.commonWrongRoute).toEqual({ label: 'sales', count: 2, share: 0.4, escalation: 'over' });
    expect(first.averageDecidedMs).toBe(30_000);
    expect(first.medianDecidedMs).toBe(30_000);
    expect(first.abandoned).toBe(0);
  });

  test('a choose-many step: reached includes an attempt standing at it; ticks per option and exact matches', () => {
    const loopIn = step('loop-in');
    expect([loopIn.reached, loopIn.decided]).toEqual([4, 3]);
    expect(shares('loop-in')).toEqual({ credit: 1, am: 2 / 3, warehouse: 1 / 3, release: 0 });
    expect(loopIn.exact).toEqual({ label: "the senior's answer", count: 1, share: 1 / 3 });
    // One over-copied, one under-copied: a tie, and both are named.
    expect(loopIn.commonWrongAnswer).toEqual({ label: 'am + credit + warehouse / credit', count: 1, share: 1 / 3 });
    expect(loopIn.averageDecidedMs).toBe(20_000);
    // C stands here but was active an hour ago: in progress, not abandoned.
    expect(loopIn.abandoned).toBe(0);
  });

  test('abandoned attempts are counted at the step they were left on', () => {
    expect(step('credit-asks-why')).toMatchObject({ reached: 2, decided: 1, abandoned: 1 });
    expect(step('queue')).toMatchObject({ reached: 2, decided: 1, abandoned: 1 });
    expect(analysis.steps.reduce((sum, entry) => sum + entry.abandoned, 0)).toBe(analysis.abandoned);
  });

  test('a rank step: the share putting each item where the senior did', () => {
    expect(shares('queue')).toEqual({ dps: 1, credit: 1, address: 1 });
    expect(step('queue').exact?.share).toBe(1);
    expect(step('queue').commonWrongAnswer).toBeUndefined();
  });

  test('a write step: reviewed answers and the share meeting each rubric line', () => {
    const note = step('note-to-buyer');
    expect(note.reviewed).toBe(1);
    expect(note.options.map((line) => [line.text, line.share])).toEqual([
      ['Gives a concrete time for the next update', 1],
      ['Does not promise a ship date before credit decides', 0],
    ]);
    expect(note.commonWrongAnswer).toBeUndefined();
  });

  test('a step nobody reached shows zeros, not errors', () => {
    const noOne = analyseItems(scenario, [], NOW);
    expect(noOne.steps.every((entry) => entry.reached === 0 && entry.averageDecidedMs === undefined)).toBe(true);
    expect(noOne.steps[0]?.options.every((option) => option.share === null)).toBe(true);
  });

  test('decisions from older revisions: removed options are listed as such, removed steps counted apart', () => {
    const old = attempt([['first-look', choose('check-cash')]], [12]);
    const decisions = [
      { ...old.decisions[0]!, answer: { kind: 'choose' as const, optionId: 'phone-credit' } },
      { ...old.decisions[0]!, stepId: 'gone-step' },
    ];
    const result = analyseItems(scenario, [{ ...old, decisions }], NOW);
    expect(result.elsewhere).toBe(1);
    expect(result.steps[0]?.options.at(-1)).toMatchObject({ id: 'phone-credit', count: 1, removed: true });
  });
});

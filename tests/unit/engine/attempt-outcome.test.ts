import { describe, expect, test } from 'vitest';
import { attemptOutcome } from '../../../src/domain/progress/attempt-outcome.ts';
import { scenarioStatus, type AttemptSummary } from '../../../src/domain/progress/attempt-summary.ts';

const score = (over: Partial<{ passed: boolean; critical: boolean; pendingReview: string[]; shortfalls: string[] }>) => ({
  passed: false,
  critical: false,
  pendingReview: [],
  shortfalls: ['The score is 60; passing needs 80 or more.'],
  ...over,
});

describe('attemptOutcome', () => {
  test.each([
    ['an unfinished attempt', { score: score({}) }, 'info', 'In progress'],
    ['an assessment pass', { finishedAt: 'x', mode: 'assessment' as const, score: score({ passed: true, shortfalls: [] }) }, 'good', 'Passed'],
    [
      'a practice pass names its mode',
      { finishedAt: 'x', mode: 'practice' as const, score: score({ passed: true, shortfalls: [] }) },
      'good',
      'Passed in practice',
    ],
    ['a critical error, even with a review pending', { finishedAt: 'x', score: score({ critical: true, pendingReview: ['w'] }) }, 'bad', 'Critical error'],
    [
      'a pass held only by a pending review',
      { finishedAt: 'x', score: score({ pendingReview: ['w'], shortfalls: ['A written answer is waiting for a senior to review it.'] }) },
      'info',
      'Awaiting review',
    ],
    ['a low score with a review pending', { finishedAt: 'x', score: score({ pendingReview: ['w'], shortfalls: ['low', 'pending'] }) }, 'warn', 'Not passed'],
  ])('%s', (_, attempt, tone, words) => {
    expect(attemptOutcome(attempt)).toEqual({ tone, words });
  });
});

describe('scenarioStatus', () => {
  const summary = (mode: 'practice' | 'assessment', passed: boolean, finished = true) =>
    ({
      id: `${mode}-${passed}`,
      username: 'ava',
      scenarioId: 's',
      category: 'c',
      level: 1,
      mode,
      startedAt: '2026-12-01T10:00',
      finishedAt: finished ? '2026-12-01T10:20' : undefined,
      decidedMs: [],
      score: { score: passed ? 90 : 50, passed },
    }) as unknown as AttemptSummary;
  test('a practice pass alone is "practised", never "passed"', () => {
    expect(scenarioStatus([summary('practice', true)]).state).toBe('practised');
  });
  test('only an assessment pass makes the scenario passed', () => {
    expect(scenarioStatus([summary('practice', true), summary('assessment', true)]).state).toBe('passed');
    expect(scenarioStatus([summary('assessment', false)]).state).toBe('attempted');
  });
  test('an open attempt shows as in progress over a practice pass', () => {
    expect(scenarioStatus([summary('practice', true), summary('assessment', false, false)]).state).toBe('in-progress');
  });
});

import { describe, expect, test } from 'vitest';
import { attemptOutcome } from '../../../src/domain/progress/attempt-outcome.ts';

const score = (over: Partial<{ passed: boolean; critical: boolean; pendingReview: string[]; shortfalls: string[] }>) => ({
  passed: false, critical: false, pendingReview: [], shortfalls: ['The score is 60; passing needs 80 or more.'], ...over,
});

describe('attemptOutcome', () => {
  test.each([
    ['an unfinished attempt', { score: score({}) }, 'info', 'In progress'],
    ['a pass', { finishedAt: 'x', score: score({ passed: true, shortfalls: [] }) }, 'good', 'Passed'],
    ['a critical error, even with a review pending', { finishedAt: 'x', score: score({ critical: true, pendingReview: ['w'] }) }, 'bad', 'Critical error'],
    ['a pass held only by a pending review', { finishedAt: 'x', score: score({ pendingReview: ['w'], shortfalls: ['A written answer is waiting for a senior to review it.'] }) }, 'info', 'Awaiting review'],
    ['a low score with a review pending', { finishedAt: 'x', score: score({ pendingReview: ['w'], shortfalls: ['low', 'pending'] }) }, 'warn', 'Not passed'],
  ])('%s', (_, attempt, tone, words) => {
    expect(attemptOutcome(attempt)).toEqual({ tone, words });
  });
});

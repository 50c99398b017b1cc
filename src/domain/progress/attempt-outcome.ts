import type { AttemptScore } from '../scoring/attempt-score.ts';

export interface AttemptOutcome {
  tone: 'good' | 'warn' | 'bad' | 'info';
  words: string;
}

/** How an attempt stands, in the words and colour every list and debrief shows. */
export function attemptOutcome(attempt: { finishedAt?: string; abandonedAt?: string; score: Pick<AttemptScore, 'passed' | 'critical' | 'pendingReview' | 'shortfalls'> }): AttemptOutcome {
  if (!attempt.finishedAt) return { tone: 'info', words: 'In progress' };
  if (attempt.abandonedAt) return { tone: 'bad', words: 'Abandoned' };
  if (attempt.score.passed) return { tone: 'good', words: 'Passed' };
  if (attempt.score.critical) return { tone: 'bad', words: 'Critical error' };
  // Awaiting review only where the review is all that stands between the attempt and a pass.
  if (attempt.score.pendingReview.length && attempt.score.shortfalls.length === 1) return { tone: 'info', words: 'Awaiting review' };
  return { tone: 'warn', words: 'Not passed' };
}

import type { AttemptScore } from '../scoring/attempt-score.ts';

export interface AttemptOutcome {
  tone: 'good' | 'warn' | 'bad' | 'info';
  words: string;
}

type OutcomeScore = Pick<AttemptScore, 'passed' | 'critical' | 'pendingReview' | 'shortfalls'>;

/** True where a senior's review of a written answer is all that stands between the attempt and a pass. */
export const awaitsReviewOnly = (score: OutcomeScore): boolean => score.pendingReview.length > 0 && score.shortfalls.length === 1;

/** How an attempt stands, in the words and colour every list and debrief shows. */
export function attemptOutcome(attempt: { finishedAt?: string; abandonedAt?: string; mode?: 'practice' | 'assessment'; score: OutcomeScore }): AttemptOutcome {
  if (!attempt.finishedAt) return { tone: 'info', words: 'In progress' };
  if (attempt.abandonedAt) return { tone: 'bad', words: 'Abandoned' };
  // Only an assessment pass counts toward readiness, so a practice pass says where it came from.
  if (attempt.score.passed) return { tone: 'good', words: attempt.mode === 'practice' ? 'Passed in practice' : 'Passed' };
  if (attempt.score.critical) return { tone: 'bad', words: 'Critical error' };
  if (awaitsReviewOnly(attempt.score)) return { tone: 'info', words: 'Awaiting review' };
  return { tone: 'warn', words: 'Not passed' };
}

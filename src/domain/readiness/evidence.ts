import type { AttemptSummary } from '../progress/attempt-summary.ts';
import type { Evidence, SignOffFact } from './types.ts';

/** Only finished assessments count toward readiness; oldest first, so "the last N" is a slice from the end. */
export function evidenceOf(summaries: readonly AttemptSummary[], signOffs: readonly SignOffFact[] = []): Evidence {
  const assessments = summaries
    .filter((summary) => summary.mode === 'assessment' && summary.finishedAt)
    .sort((a, b) => (a.finishedAt ?? '').localeCompare(b.finishedAt ?? ''));
  return { assessments, signOffs };
}

/** The mean of a list, or null when it is empty. */
export const mean = (values: readonly number[]): number | null =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;


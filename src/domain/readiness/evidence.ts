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
export const mean = (values: readonly number[]): number | null => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null);

/**
 * One assessment per case (scenario and variant), the latest of each, in the order given: a repeat of
 * a case already assessed is played from memory of its debrief, so it is not new evidence.
 */
export function distinctCases(assessments: readonly AttemptSummary[]): AttemptSummary[] {
  const latest = new Map<string, AttemptSummary>();
  for (const summary of assessments) {
    const key = `${summary.scenarioId}\u0000${summary.variant}`;
    latest.delete(key);
    latest.set(key, summary);
  }
  return [...latest.values()];
}

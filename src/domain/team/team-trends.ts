import type { AttemptSummary } from '../progress/attempt-summary.ts';

const DAY_MS = 86_400_000;

/** One week of a team's training: what was finished that week, and who was ready at its end. */
export interface TeamWeek {
  /** The Monday the week starts on (UTC), `YYYY-MM-DD`. */
  start: string;
  /** Attempts finished in the week, practice and assessment. */
  attempts: number;
  /** Assessments finished in the week. */
  assessments: number;
  /** Share of those assessments passed, or null in a week without one. */
  passRate: number | null;
  /** Share of the assessments' routed decisions sent where the senior sent them, or null when none was routed. */
  routingAccuracy: number | null;
  /** Assessments in the week with a critical error. */
  criticalErrors: number;
  /** Trainees whose readiness verdict was "ready" at the end of the week. */
  ready: number;
}

/** The Monday (UTC) of the week a time falls in. */
export function weekStart(time: number): number {
  const day = Math.floor(time / DAY_MS);
  // 1970-01-01 was a Thursday: day 4 of a Monday-first week.
  return (day - ((day + 3) % 7)) * DAY_MS;
}

/**
 * The last `weeks` weeks up to `now`, oldest first. `readyBy` says whether a trainee with these finished
 * attempts (and sign-offs up to `until`) is ready; it is asked once per trainee per week.
 */
export function teamTrends(
  byTrainee: ReadonlyMap<string, readonly AttemptSummary[]>,
  weeks: number,
  now: Date,
  readyBy: (username: string, finished: readonly AttemptSummary[], until: string) => boolean,
): TeamWeek[] {
  const first = weekStart(now.getTime()) - (weeks - 1) * 7 * DAY_MS;
  const result: TeamWeek[] = [];
  for (let index = 0; index < weeks; index++) {
    const from = first + index * 7 * DAY_MS;
    const until = new Date(from + 7 * DAY_MS).toISOString();
    const since = new Date(from).toISOString();
    let attempts = 0;
    let ready = 0;
    const assessments: AttemptSummary[] = [];
    for (const [username, summaries] of byTrainee) {
      const finished = summaries.filter((summary) => summary.finishedAt !== undefined && summary.finishedAt < until);
      for (const summary of finished) {
        if ((summary.finishedAt ?? '') < since) continue;
        attempts++;
        if (summary.mode === 'assessment') assessments.push(summary);
      }
      if (readyBy(username, finished, until)) ready++;
    }
    const routed = assessments.reduce((sum, summary) => sum + summary.score.routing.routed, 0);
    const matched = assessments.reduce((sum, summary) => sum + summary.score.routing.matched, 0);
    result.push({
      start: since.slice(0, 10),
      attempts,
      assessments: assessments.length,
      passRate: assessments.length ? assessments.filter((summary) => summary.score.passed).length / assessments.length : null,
      routingAccuracy: routed ? matched / routed : null,
      criticalErrors: assessments.filter((summary) => summary.score.critical).length,
      ready,
    });
  }
  return result;
}

/** The trends as CSV rows, one per week, with the column names first. */
export const TREND_COLUMNS = ['week_starting', 'attempts', 'assessments', 'pass_rate', 'routing_accuracy', 'critical_errors', 'ready'] as const;

/** One week as a CSV row: shares as percentages with one decimal, blank where there is nothing to measure. */
export function trendRow(week: TeamWeek): Record<(typeof TREND_COLUMNS)[number], string | number> {
  const share = (value: number | null) => (value === null ? '' : Math.round(value * 1000) / 10);
  return {
    week_starting: week.start,
    attempts: week.attempts,
    assessments: week.assessments,
    pass_rate: share(week.passRate),
    routing_accuracy: share(week.routingAccuracy),
    critical_errors: week.criticalErrors,
    ready: week.ready,
  };
}

import type { AttemptSummary } from './attempt-summary.ts';
import { percent } from '../text/format.ts';

/** One dot of a chart over time, with the words a screen reader lists it by. */
export interface ChartPoint {
  at: string;
  value: number;
  label: string;
  href?: string;
  good?: boolean;
}

const when = (summary: AttemptSummary) => summary.finishedAt ?? summary.startedAt;
const day = (summary: AttemptSummary) => summary.finishedAt?.slice(0, 10);

/** Each finished attempt's score, filled where it passed; `title` names a scenario by its id. */
export const scorePoints = (finished: readonly AttemptSummary[], title: (scenarioId: string) => string): ChartPoint[] =>
  finished.map((summary) => ({
    at: when(summary),
    value: summary.score.score,
    label: `${day(summary)} · ${title(summary.scenarioId)} (${summary.mode}): ${Math.round(summary.score.score)}`,
    href: `/attempts/${summary.id}`,
    good: summary.score.passed,
  }));

/** Each finished attempt's routing accuracy in percent, where it routed anything; filled where every route was right. */
export const routingPoints = (finished: readonly AttemptSummary[], title: (scenarioId: string) => string): ChartPoint[] =>
  finished
    .filter((summary) => summary.score.routing.accuracy !== null)
    .map((summary) => ({
      at: when(summary),
      value: (summary.score.routing.accuracy ?? 0) * 100,
      label: `${day(summary)} · ${title(summary.scenarioId)}: ${percent(summary.score.routing.accuracy)} of ${summary.score.routing.routed} routed`,
      href: `/attempts/${summary.id}`,
      good: summary.score.routing.accuracy === 1,
    }));

import type { AttemptSummary } from '../progress/attempt-summary.ts';

/** The CSV's columns, in order: one row per attempt. */
export const ATTEMPT_COLUMNS = [
  'trainee', 'name', 'scenario', 'title', 'category', 'level', 'mode', 'started', 'finished',
  'score', 'passed', 'critical', 'routing_accuracy', 'minutes', 'sentiment', 'dollars', 'hints', 'revision',
] as const;
export type AttemptRow = Record<(typeof ATTEMPT_COLUMNS)[number], string | number>;

/** A spreadsheet runs text starting with these as a formula; such text is prefixed with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text as a spreadsheet should show it, never as a formula (CSV injection). */
export const safeText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** One attempt as a CSV row; an unfinished attempt has no score or result yet. */
export function attemptRow(summary: AttemptSummary, names: { trainee: string; title: string }): AttemptRow {
  const done = Boolean(summary.finishedAt);
  const { score } = summary;
  return {
    trainee: summary.username,
    name: safeText(names.trainee),
    scenario: summary.scenarioId,
    title: safeText(names.title),
    category: summary.category,
    level: summary.level,
    mode: summary.mode,
    started: summary.startedAt,
    finished: summary.finishedAt ?? '',
    score: done ? score.score : '',
    passed: done ? yesNo(score.passed) : '',
    critical: yesNo(score.critical),
    routing_accuracy: score.routing.accuracy === null ? '' : Math.round(score.routing.accuracy * 1000) / 10,
    minutes: score.totals.minutes,
    sentiment: score.totals.sentiment,
    dollars: score.totals.dollars,
    hints: summary.hints,
    revision: summary.revision,
  };
}

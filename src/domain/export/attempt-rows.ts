import type { AttemptSummary } from '../progress/attempt-summary.ts';

/** The CSV's columns, in order: one row per attempt. */
export const ATTEMPT_COLUMNS = [
  'trainee',
  'name',
  'scenario',
  'title',
  'category',
  'level',
  'mode',
  'variant',
  'started',
  'finished',
  'abandoned',
  'score',
  'passed',
  'critical',
  'routing_accuracy',
  'minutes',
  'sentiment',
  'dollars',
  'hints',
  'revision',
] as const;
export type AttemptRow = Record<(typeof ATTEMPT_COLUMNS)[number], string | number>;

/** A spreadsheet runs text starting with these as a formula; such text is prefixed with an apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text as a spreadsheet should show it, never as a formula (CSV injection). */
export const safeText = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/**
 * One attempt as a CSV row; an unfinished attempt has no score or result yet, and an open assessment
 * shows no score part at all.
 */
export function attemptRow(summary: AttemptSummary, names: { trainee: string; title: string }): AttemptRow {
  const done = Boolean(summary.finishedAt);
  const { score } = summary;
  const sealed = summary.sealed;
  return {
    trainee: summary.username,
    name: safeText(names.trainee),
    scenario: summary.scenarioId,
    title: safeText(names.title),
    category: summary.category,
    level: summary.level,
    mode: summary.mode,
    variant: summary.variant,
    started: summary.startedAt,
    finished: summary.finishedAt ?? '',
    abandoned: summary.abandonedAt ? 'yes' : 'no',
    score: done ? score.score : '',
    passed: done ? yesNo(score.passed) : '',
    critical: sealed ? '' : yesNo(score.critical),
    routing_accuracy: sealed || score.routing.accuracy === null ? '' : Math.round(score.routing.accuracy * 1000) / 10,
    minutes: sealed ? '' : score.totals.minutes,
    sentiment: sealed ? '' : score.totals.sentiment,
    dollars: sealed ? '' : score.totals.dollars,
    hints: summary.hints,
    revision: summary.revision,
  };
}

import type { AttemptSummary } from '../../progress/attempt-summary.ts';
import type { ReadinessPolicy } from '../policy.ts';
import { plural } from '../../text/format.ts';
import type { ChecklistLine, ReadinessContext } from '../types.ts';

export type CriticalErrorsRule = NonNullable<ReadinessPolicy['criticalErrors']>;

/** Rule: no more critical errors than allowed in the last few assessments; the latest one is the case to redo. */
export function criticalErrorsLine(rule: CriticalErrorsRule, assessments: readonly AttemptSummary[], context: ReadinessContext): ChecklistLine {
  const last = assessments.slice(-rule.lastAssessments);
  const critical = last.filter((summary) => summary.score.critical);
  const title = (id: string) => context.scenarios.find((scenario) => scenario.id === id)?.title ?? id;
  const detail =
    last.length === 0
      ? 'No assessment yet.'
      : critical.length === 0
        ? `None in the last ${plural(last.length, 'assessment')}.`
        : `${plural(critical.length, 'critical error')} in the last ${plural(last.length, 'assessment')}: ${[...new Set(critical.map((summary) => `"${title(summary.scenarioId)}"`))].join(', ')}.`;
  return {
    rule: 'critical-errors',
    title: 'Critical errors',
    requirement:
      rule.allowed === 0
        ? `No critical error in the last ${plural(rule.lastAssessments, 'assessment')}`
        : `At most ${plural(rule.allowed, 'critical error')} in the last ${plural(rule.lastAssessments, 'assessment')}`,
    met: critical.length <= rule.allowed,
    detail,
    practise: critical.at(-1)?.scenarioId,
  };
}

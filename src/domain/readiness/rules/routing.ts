import type { AttemptSummary } from '../../progress/attempt-summary.ts';
import type { RoutingResult } from '../../scoring/routing.ts';
import type { ReadinessPolicy } from '../policy.ts';
import { mean } from '../evidence.ts';
import { plural } from '../../text/format.ts';
import type { ChecklistLine } from '../types.ts';

export type RoutingRule = NonNullable<ReadinessPolicy['routing']>;

interface Routed {
  routing: RoutingResult;
  scenarioId: string;
}

/** Routed decisions of the assessments, oldest first, as scoring recorded them. */
export const routedDecisions = (assessments: readonly AttemptSummary[]): Routed[] =>
  assessments.flatMap((summary) =>
    summary.score.decisions.flatMap((decision) => (decision.routing ? [{ routing: decision.routing, scenarioId: summary.scenarioId }] : [])),
  );

/** The scenario that appears most often among the misrouted decisions. */
function mostMisrouted(routed: readonly Routed[]): string | undefined {
  const counts = new Map<string, number>();
  for (const entry of routed) if (entry.routing.escalation !== 'match') counts.set(entry.scenarioId, (counts.get(entry.scenarioId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/** Rule: routing accuracy over the last N routed decisions of assessments; fewer than N is not enough evidence. */
export function routingLine(rule: RoutingRule, assessments: readonly AttemptSummary[]): ChecklistLine {
  const last = routedDecisions(assessments).slice(-rule.lastDecisions);
  const share = mean(last.map((entry) => entry.routing.score));
  const accuracy = share === null ? null : Math.round(share * 1000) / 10;
  const enough = last.length >= rule.lastDecisions;
  const over = last.filter((entry) => entry.routing.escalation === 'over').length;
  const under = last.filter((entry) => entry.routing.escalation === 'under').length;
  const habits = [over ? `${over} sent higher than needed` : '', under ? `${under} kept at the desk that belonged elsewhere` : ''].filter(Boolean);
  const detail =
    accuracy === null
      ? 'No routed decision in an assessment yet.'
      : `${enough ? `${Math.round(accuracy)}% over the last ${plural(last.length, 'routed decision')}` : `${Math.round(accuracy)}% so far, but only ${plural(last.length, 'routed decision')} of the ${rule.lastDecisions} the rule needs`}${habits.length ? `; ${habits.join(', ')}` : ''}.`;
  const met = enough && accuracy !== null && accuracy >= rule.accuracy;
  return {
    rule: 'routing',
    title: 'Routing',
    requirement: `Routing accuracy of ${rule.accuracy}% or more over the last ${plural(rule.lastDecisions, 'routed decision')}`,
    met,
    detail,
    practise: met ? undefined : mostMisrouted(last),
    needsMoreEvidence: !met && !enough && (accuracy === null || accuracy >= rule.accuracy),
  };
}

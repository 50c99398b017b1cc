// Hand-made attempt summaries for the readiness rules: only what the rules read, with memorable defaults.
import type { AttemptSummary } from '../../../src/domain/progress/attempt-summary.ts';
import type { ScoredDecision } from '../../../src/domain/scoring/attempt-score.ts';
import type { RoutingResult } from '../../../src/domain/scoring/routing.ts';
import type { ReadinessContext } from '../../../src/domain/readiness/types.ts';

let clock = Date.parse('2026-10-01T09:00:00Z');

/** A routed decision: `match` scores 1, anything else 0. */
export const routed = (escalation: RoutingResult['escalation'] = 'match', chosen = ['credit'], senior = ['credit']): ScoredDecision => ({
  stepId: `route-${clock}`,
  kind: 'choose',
  score: escalation === 'match' ? 1 : 0,
  critical: false,
  routing: { stepId: 'route', chosen, senior, score: escalation === 'match' ? 1 : 0, escalation },
});

/** A written answer: a share of its rubric, or null while it waits for review. */
export const written = (share: number | null): ScoredDecision => ({ stepId: `note-${clock}`, kind: 'write', score: share, critical: false });

export interface SummaryOptions {
  category?: string;
  scenarioId?: string;
  mode?: 'practice' | 'assessment';
  /** The case variant; each summary is a case of its own unless told. */
  variant?: string;
  score?: number;
  passed?: boolean;
  critical?: boolean;
  finished?: boolean;
  decisions?: ScoredDecision[];
}

/** A finished assessment scoring 85 in credit-limit unless told otherwise; each one an hour after the last. */
export function summary(options: SummaryOptions = {}): AttemptSummary {
  clock += 3_600_000;
  const score = options.score ?? 85;
  const decisions = options.decisions ?? [];
  const routedList = decisions.flatMap((decision) => (decision.routing ? [decision.routing.score] : []));
  const at = new Date(clock).toISOString();
  return {
    id: `attempt-${clock}`,
    username: 'ava',
    scenarioId: options.scenarioId ?? `${options.category ?? 'credit-limit'}-case`,
    category: options.category ?? 'credit-limit',
    level: 1,
    mode: options.mode ?? 'assessment',
    variant: options.variant ?? `case-${clock}`,
    sealed: (options.mode ?? 'assessment') === 'assessment' && options.finished === false,
    startedAt: at,
    finishedAt: options.finished === false ? undefined : at,
    decidedMs: [30_000],
    hints: 0,
    revision: 'rev-1',
    score: {
      score,
      parts: { decisions: score / 100, time: 1, sentiment: 1, dollars: 1 },
      decisions,
      routing: {
        matched: routedList.reduce((a, b) => a + b, 0),
        routed: routedList.length,
        accuracy: routedList.length ? routedList.reduce((a, b) => a + b, 0) / routedList.length : null,
      },
      totals: { minutes: 30, sentiment: 60, dollars: 0 },
      senior: { minutes: 30, sentiment: 60, dollars: 0 },
      critical: options.critical ?? false,
      pendingReview: decisions.filter((decision) => decision.score === null).map((decision) => decision.stepId),
      passed: options.passed ?? (score >= 80 && !options.critical),
      shortfalls: [],
    },
  };
}

/** Two categories, each with a routed case and one with a written answer. */
export const context: ReadinessContext = {
  scenarios: [
    { id: 'credit-limit-case', title: 'Month-end credit hold', category: 'credit-limit', level: 2, routed: true, written: false },
    { id: 'credit-limit-easy', title: 'Small credit hold', category: 'credit-limit', level: 1, routed: true, written: false },
    { id: 'edi-failure-case', title: 'New store, no ship-to', category: 'edi-failure', level: 1, routed: true, written: true },
  ],
  categoryLabel: (id) => ({ 'credit-limit': 'Credit limit exceeded', 'edi-failure': 'EDI order failed' })[id] ?? id,
};

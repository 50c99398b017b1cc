import { NOT_FINISHED, type AttemptScore } from './attempt-score.ts';

/** The shortfall an abandoned attempt carries instead of "not finished". */
export const ABANDONED_SHORTFALL = 'The attempt was abandoned before the case ended; it counts as not passed.';

/**
 * What a summary carries for an assessment still being played: no score part at all (no score,
 * decisions, routing, verdicts or critical errors), so no list or export can show one by mistake.
 */
export function sealedScore(): AttemptScore {
  return {
    score: 0,
    parts: { decisions: 0, time: 0, sentiment: 0, dollars: 0 },
    decisions: [],
    routing: { matched: 0, routed: 0, accuracy: null },
    totals: { minutes: 0, sentiment: 0, dollars: 0 },
    senior: { minutes: 0, sentiment: 0, dollars: 0 },
    critical: false,
    pendingReview: [],
    passed: false,
    shortfalls: [],
  };
}

/** An abandoned attempt's score: what it earned up to the point it was given up, never a pass. */
export function abandonedScore(score: AttemptScore): AttemptScore {
  const others = score.shortfalls.filter((line) => line !== NOT_FINISHED);
  return { ...score, passed: false, shortfalls: [ABANDONED_SHORTFALL, ...others] };
}

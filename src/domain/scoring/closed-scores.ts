import { NOT_FINISHED, type AttemptScore } from './attempt-score.ts';

/** The shortfall an abandoned attempt carries instead of "not finished". */
export const ABANDONED_SHORTFALL = 'The attempt was abandoned before the case ended: it scores 0 and counts as not passed.';

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

/**
 * An abandoned attempt's score: 0 and never a pass, so stopping while ahead can never lift a best score
 * or a readiness mean. Its parts and decisions stay as played, for the debrief.
 */
export function abandonedScore(score: AttemptScore): AttemptScore {
  const others = score.shortfalls.filter((line) => line !== NOT_FINISHED);
  return { ...score, score: 0, passed: false, shortfalls: [ABANDONED_SHORTFALL, ...others] };
}

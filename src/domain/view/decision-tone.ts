/** The colour a decision's result is shown in: the player's feedback and the debrief agree on it. */
export type DecisionTone = 'good' | 'warn' | 'bad' | 'info';

/** A step score at or above this matches the senior's answer (scores are fractions, rounding aside). */
export const MATCHES_SENIOR = 0.99;
/** A step score at or above this is a near miss rather than a miss. */
export const NEAR_MISS = 0.5;

/** True when a step score counts as the senior's answer. */
export const matchesSenior = (score: number): boolean => score >= MATCHES_SENIOR;

/** The tone of a decision: a critical error is bad whatever its score; a written answer not graded yet is info. */
export function decisionTone(score: number | null, critical: boolean): DecisionTone {
  if (critical) return 'bad';
  if (score === null) return 'info';
  return matchesSenior(score) ? 'good' : score >= NEAR_MISS ? 'warn' : 'bad';
}

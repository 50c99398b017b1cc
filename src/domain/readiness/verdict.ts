import type { ReadinessPolicy, RuleId } from './policy.ts';
import type { ChecklistLine, Verdict } from './types.ts';

/** "ready" when every line is met; "close" when few are left and none the policy rules out; else "not yet". */
export function verdictOf(lines: readonly ChecklistLine[], close: ReadinessPolicy['close']): Verdict {
  const unmet = lines.filter((line) => !line.met);
  if (unmet.length === 0) return 'ready';
  const ruledOut = unmet.some((line) => close.notWhenUnmet.includes(line.rule));
  return unmet.length <= close.unmetAtMost && !ruledOut ? 'close' : 'not yet';
}

/** Which unmet line a trainee should work on first: a critical error before routing before categories. */
export const RULE_PRIORITY: readonly RuleId[] = ['critical-errors', 'routing', 'category', 'written-answers', 'sign-off'];

/** Unmet lines first, in priority order (those short only of evidence after the rest); met lines last, in the policy's order. */
export function orderLines(lines: readonly ChecklistLine[]): ChecklistLine[] {
  const rank = (line: ChecklistLine) =>
    line.met ? 2 * RULE_PRIORITY.length : RULE_PRIORITY.indexOf(line.rule) + (line.needsMoreEvidence ? RULE_PRIORITY.length : 0);
  return lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) => rank(a.line) - rank(b.line) || a.index - b.index)
    .map(({ line }) => line);
}

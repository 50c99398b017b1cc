import type { AttemptSummary } from '../progress/attempt-summary.ts';
import { mean } from '../readiness/evidence.ts';

/** A wrong route a trainee takes more than once: where they sent cases, and where the senior did. */
export interface WrongRoute {
  chosen: string[];
  senior: string[];
  times: number;
}

/** Over- and under-escalation in one category. */
export interface EscalationHabit {
  category: string;
  routed: number;
  over: number;
  under: number;
}

/** The mistakes a trainee repeats, from every attempt (practice too): routes, escalation, time to decide. */
export interface RoutingHabits {
  wrongRoutes: WrongRoute[];
  escalation: EscalationHabit[];
  /** Mean real time spent deciding a step, in milliseconds; null before any decision. */
  averageDecideMs: number | null;
  decisions: number;
}

const routeKey = (routes: readonly string[]) => [...routes].sort().join('+');

/** Counts repeated wrong routes (most frequent first) and the categories where escalation goes wrong. */
export function routingHabits(summaries: readonly AttemptSummary[]): RoutingHabits {
  const wrong = new Map<string, WrongRoute>();
  const byCategory = new Map<string, EscalationHabit>();
  const decided: number[] = [];
  for (const summary of summaries) {
    decided.push(...summary.decidedMs);
    for (const decision of summary.score.decisions) {
      const routing = decision.routing;
      if (!routing) continue;
      const habit = byCategory.get(summary.category) ?? { category: summary.category, routed: 0, over: 0, under: 0 };
      habit.routed++;
      if (routing.escalation === 'over') habit.over++;
      if (routing.escalation === 'under') habit.under++;
      byCategory.set(summary.category, habit);
      if (routing.escalation === 'match') continue;
      const key = `${routeKey(routing.chosen)}>${routeKey(routing.senior)}`;
      const entry = wrong.get(key) ?? { chosen: [...routing.chosen].sort(), senior: [...routing.senior].sort(), times: 0 };
      entry.times++;
      wrong.set(key, entry);
    }
  }
  return {
    wrongRoutes: [...wrong.values()].sort((a, b) => b.times - a.times || routeKey(a.chosen).localeCompare(routeKey(b.chosen))),
    escalation: [...byCategory.values()]
      .filter((habit) => habit.over + habit.under > 0)
      .sort((a, b) => b.over + b.under - (a.over + a.under) || a.category.localeCompare(b.category)),
    averageDecideMs: mean(decided),
    decisions: decided.length,
  };
}

import type { Scenario } from '../scenario/schema.ts';
import type { DecisionRecord } from '../engine/context.ts';
import { seniorAnswer } from '../engine/senior-path.ts';
import { jaccard } from './step-score.ts';

/** How a routed decision compares with the senior's: the routes on each side and the agreement. */
export interface RoutingResult {
  stepId: string;
  chosen: string[];
  senior: string[];
  /** 1 when the same functions were chosen; Jaccard of the route sets for choose-many. */
  score: number;
  /** `over`: sent higher than the senior would (a senior, or a function the desk could handle); `under`: kept at the desk what belonged elsewhere. */
  escalation: 'match' | 'over' | 'under' | 'sideways';
}

const routesOf = (ids: readonly string[], options: readonly { id: string; route?: string }[]): string[] => [
  ...new Set(ids.map((id) => options.find((option) => option.id === id)?.route).filter((route): route is string => Boolean(route))),
];

function escalationOf(chosen: readonly string[], senior: readonly string[]): RoutingResult['escalation'] {
  const same = chosen.length === senior.length && chosen.every((route) => senior.includes(route));
  if (same) return 'match';
  const level = (routes: readonly string[]) => (routes.includes('senior') ? 2 : routes.some((route) => route !== 'self') ? 1 : 0);
  const [mine, theirs] = [level(chosen), level(senior)];
  return mine > theirs ? 'over' : mine < theirs ? 'under' : 'sideways';
}

/** The routing result of a decision, or undefined where the step's options carry no routes. */
export function routingOf(scenario: Scenario, decision: DecisionRecord): RoutingResult | undefined {
  const step = scenario.steps[decision.stepId];
  if (!step || (step.kind !== 'choose' && step.kind !== 'choose-many')) return undefined;
  if (!step.options.some((option) => option.route)) return undefined;
  const key = seniorAnswer(step);
  const seniorIds = key?.kind === 'choose' ? [key.optionId] : key?.kind === 'choose-many' ? key.optionIds : [];
  const chosenIds = decision.answer.kind === 'choose' ? [decision.answer.optionId] : decision.answer.kind === 'choose-many' ? decision.answer.optionIds : [];
  const chosen = routesOf(chosenIds, step.options);
  const senior = routesOf(seniorIds, step.options);
  return {
    stepId: decision.stepId,
    chosen,
    senior,
    score: jaccard(new Set(chosen), new Set(senior)),
    escalation: escalationOf(chosen, senior),
  };
}

import type { EndingResult, Scenario, Step } from '../scenario/schema.ts';
import type { AttemptContext } from '../engine/context.ts';
import type { SeniorPath } from '../engine/senior-path.ts';
import { routingOf, type RoutingResult } from './routing.ts';
import { HINT_KEEPS, scoreReview } from './step-score.ts';

export const DEFAULT_WEIGHTS = { decisions: 60, time: 15, sentiment: 15, dollars: 10 } as const;
export const DEFAULT_PASS_MARK = 80;
/** Minutes and dollars of slack before a slower or costlier path starts to lose its part. */
export const MINUTES_SLACK = 15;
export const DOLLARS_SLACK = 500;
/** The shortfall of an attempt that has not reached an ending. */
export const NOT_FINISHED = 'The case is not finished yet.';

/** The rubric lines a senior ticked for each written answer, by step id. */
export type Reviews = Readonly<Record<string, readonly number[]>>;

export interface ScoredDecision {
  stepId: string;
  /** The step's kind: readiness and exports tell written answers and routing choices apart by it. */
  kind?: Step['kind'];
  /** In [0, 1] after the hint's cost; null while a written answer waits for review. */
  score: number | null;
  critical: boolean;
  routing?: RoutingResult;
}

export interface AttemptScore {
  /** 0-100, rounded. */
  score: number;
  parts: { decisions: number; time: number; sentiment: number; dollars: number };
  decisions: ScoredDecision[];
  routing: { matched: number; routed: number; accuracy: number | null };
  totals: { minutes: number; sentiment: number; dollars: number };
  senior: { minutes: number; sentiment: number; dollars: number };
  /** Minutes charged on top of `totals.minutes` because the case ended unresolved (see DECISIONS.md). */
  reworkMinutes?: number;
  critical: boolean;
  /** Written answers not yet reviewed; the score counts only what is graded until then. */
  pendingReview: string[];
  ending?: string;
  result?: EndingResult;
  passed: boolean;
  /** Why the attempt did not pass, in words for the trainee; empty when it passed. */
  shortfalls: string[];
}

/**
 * Minutes an unresolved case still costs: someone works it again, as long as the senior path takes.
 * A failed or partial ending is charged them on top of the minutes spent, so failing early never saves time.
 */
export const reworkFor = (result: EndingResult | undefined, seniorMinutes: number): number => (result === 'failed' || result === 'partial' ? seniorMinutes : 0);

/** How well a cost compares with the senior's: 1 when no worse, shrinking as it grows past the slack. */
const costPart = (mine: number, senior: number, slack: number) => Math.min(1, (senior + slack) / (mine + slack));

/** Scores an attempt against the senior path, exactly as scenarios/FORMAT.md defines it. */
export function scoreAttempt(scenario: Scenario, senior: SeniorPath, context: AttemptContext, ending: string | undefined, reviews: Reviews = {}): AttemptScore {
  const decisions: ScoredDecision[] = context.decisions.map((decision) => {
    const step = scenario.steps[decision.stepId];
    const met = reviews[decision.stepId];
    let raw = decision.score;
    if (step?.kind === 'write') raw = met ? scoreReview(step.rubric.length, met) : null;
    const score = raw === null ? null : decision.hinted ? raw * HINT_KEEPS : raw;
    return { stepId: decision.stepId, kind: step?.kind, score, critical: decision.critical, routing: routingOf(scenario, decision) };
  });
  const graded = decisions.flatMap((decision) => (decision.score === null ? [] : [decision.score]));
  const routed = decisions.flatMap((decision) => (decision.routing ? [decision.routing.score] : []));

  const totals = { minutes: context.minutes, sentiment: context.sentiment, dollars: context.dollars };
  const seniorTotals = { minutes: senior.context.minutes, sentiment: senior.context.sentiment, dollars: senior.context.dollars };
  const result = ending ? scenario.endings[ending]?.result : undefined;
  const reworkMinutes = reworkFor(result, seniorTotals.minutes);
  const parts = {
    decisions: graded.length ? graded.reduce((sum, score) => sum + score, 0) / graded.length : 0,
    time: costPart(totals.minutes + reworkMinutes, seniorTotals.minutes, MINUTES_SLACK),
    sentiment: seniorTotals.sentiment <= 0 ? 1 : Math.min(1, totals.sentiment / seniorTotals.sentiment),
    dollars: costPart(totals.dollars, seniorTotals.dollars, DOLLARS_SLACK),
  };
  const weights = scenario.scoring?.weights ?? DEFAULT_WEIGHTS;
  const weightSum = weights.decisions + weights.time + weights.sentiment + weights.dollars || 1;
  const weighted =
    (parts.decisions * weights.decisions + parts.time * weights.time + parts.sentiment * weights.sentiment + parts.dollars * weights.dollars) / weightSum;
  const score = Math.round(weighted * 1000) / 10;

  const critical = decisions.some((decision) => decision.critical);
  const passMark = scenario.scoring?.passMark ?? DEFAULT_PASS_MARK;
  const pendingReview = decisions.filter((decision) => decision.score === null).map((decision) => decision.stepId);
  const shortfalls: string[] = [];
  if (!ending) shortfalls.push(NOT_FINISHED);
  if (score < passMark) shortfalls.push(`The score is ${score}; passing needs ${passMark} or more.`);
  if (critical) shortfalls.push('A critical error was made: an action that breaks a control fails the attempt whatever the score.');
  if (result === 'failed') shortfalls.push('The case ended in failure.');
  if (pendingReview.length) shortfalls.push('A written answer is waiting for a senior to review it.');

  return {
    score,
    parts,
    decisions,
    routing: {
      matched: routed.reduce((sum, value) => sum + value, 0),
      routed: routed.length,
      accuracy: routed.length ? routed.reduce((sum, value) => sum + value, 0) / routed.length : null,
    },
    totals,
    senior: seniorTotals,
    reworkMinutes,
    critical,
    pendingReview,
    ending,
    result,
    passed: shortfalls.length === 0,
    shortfalls,
  };
}

/** Full marks for every written answer on the senior path: the senior's own model answer meets its rubric. */
export function seniorReviews(scenario: Scenario, senior: SeniorPath): Reviews {
  const reviews: Record<string, number[]> = {};
  for (const decision of senior.decisions) {
    const step = scenario.steps[decision.stepId];
    if (step?.kind === 'write') reviews[decision.stepId] = step.rubric.map((_, index) => index);
  }
  return reviews;
}

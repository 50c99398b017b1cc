import type { Effect, EndingResult, Scenario, Verdict } from '../scenario/schema.ts';
import type { AttemptContext } from '../engine/context.ts';
import type { SeniorPath } from '../engine/senior-path.ts';
import { seniorAnswer } from '../engine/senior-path.ts';
import type { AttemptScore, Reviews } from '../scoring/attempt-score.ts';
import { HINT_KEEPS } from '../scoring/step-score.ts';
import type { RoutingResult } from '../scoring/routing.ts';
import { answerTexts } from './trainee-view.ts';

/** One decision of the trainee's, set beside what the senior did at the same step. */
export interface DebriefDecision {
  index: number;
  stepId: string;
  kind: string;
  prompt: string;
  yours: string[];
  senior: string[];
  /** The senior's reasoning: the chosen option's why and, where it differs, the best option's. */
  whyYours?: string;
  whySenior?: string;
  verdict?: Verdict;
  score: number | null;
  critical: boolean;
  hinted: boolean;
  /** What opening the hint cost this decision: its score before and after the hint's share was taken off. */
  hintCost?: { before: number; after: number };
  effect: Effect;
  routing?: RoutingResult;
  decidedMs?: number;
  /** Written steps: the rubric with the lines a reviewer ticked, and the model answer. */
  rubric?: { text: string; met: boolean }[];
  model?: string;
  pending: boolean;
}

export interface SeniorStep {
  stepId: string;
  prompt: string;
  answer: string[];
  why?: string;
}

/** The decision that cost the attempt most: a critical error, or else the decision that turned the case away from a resolved ending. */
export interface TurningPoint {
  index: number;
  stepId: string;
  prompt: string;
  yours: string[];
  why?: string;
  /** `critical`: an action that breaks a control; `decisive`: the weakest call on a case that did not end resolved. */
  kind: 'critical' | 'decisive';
}

export interface Debrief {
  decisions: DebriefDecision[];
  senior: SeniorStep[];
  seniorEnding?: { title?: string; result?: EndingResult };
  ending?: { id: string; title?: string; text: string; result: EndingResult; effect?: Effect };
  turningPoint?: TurningPoint;
  score: AttemptScore;
}

/** The critical error, if any; otherwise, on a case that ended unresolved, its lowest-scored decision (the first of equals). */
function turningPointOf(decisions: readonly DebriefDecision[], result: EndingResult | undefined): TurningPoint | undefined {
  const critical = decisions.find((decision) => decision.critical);
  const weakest =
    result && result !== 'resolved'
      ? decisions
          .filter((decision) => decision.score !== null && decision.score < 1)
          .reduce<DebriefDecision | undefined>((low, decision) => (!low || (decision.score ?? 1) < (low.score ?? 1) ? decision : low), undefined)
      : undefined;
  const turning = critical ?? weakest;
  if (!turning) return undefined;
  return {
    index: turning.index,
    stepId: turning.stepId,
    prompt: turning.prompt,
    yours: turning.yours,
    why: turning.whyYours ?? turning.whySenior,
    kind: critical ? 'critical' : 'decisive',
  };
}

/** What a hint cost a decision, when one was opened and the decision is graded: the score before and after the hint's share. */
function hintCostOf(hinted: boolean, engineScore: number | null, kept: number | null | undefined): { hintCost?: { before: number; after: number } } {
  if (!hinted || kept === null || kept === undefined) return {};
  // A reviewed written answer has no engine score; its kept score is the rubric's share times HINT_KEEPS.
  return { hintCost: { before: engineScore ?? kept / HINT_KEEPS, after: kept } };
}

/** The whole debrief of an attempt: built only once the attempt has ended, so the key is no secret any more. */
export function buildDebrief(
  scenario: Scenario,
  context: AttemptContext,
  node: string,
  score: AttemptScore,
  senior: SeniorPath,
  reviews: Reviews,
  decidedMs: readonly number[] = [],
): Debrief {
  const decisions = context.decisions.map((decision, index): DebriefDecision => {
    const step = scenario.steps[decision.stepId];
    const key = step ? seniorAnswer(step) : undefined;
    const scored = score.decisions[index];
    const base = {
      index,
      stepId: decision.stepId,
      kind: decision.kind,
      prompt: step?.prompt ?? decision.stepId,
      yours: answerTexts(scenario, decision.stepId, decision.answer),
      senior: step?.kind === 'write' ? [] : answerTexts(scenario, decision.stepId, key),
      score: scored?.score ?? decision.score,
      critical: decision.critical,
      hinted: decision.hinted,
      ...hintCostOf(decision.hinted, decision.score, scored?.score),
      effect: decision.effect,
      routing: scored?.routing,
      decidedMs: decidedMs[index],
      pending: (scored?.score ?? decision.score) === null,
    };
    if (step?.kind === 'choose') {
      const mine =
        decision.answer.kind === 'choose' ? step.options.find((option) => option.id === (decision.answer as { optionId: string }).optionId) : undefined;
      const best = step.options.find((option) => option.verdict === 'best');
      return { ...base, verdict: mine?.verdict, whyYours: mine?.why, whySenior: best && best.id !== mine?.id ? best.why : undefined };
    }
    if (step?.kind === 'write') {
      const met = new Set(reviews[decision.stepId] ?? []);
      return { ...base, rubric: step.rubric.map((text, line) => ({ text, met: met.has(line) })), model: step.model, whySenior: step.why };
    }
    return { ...base, whySenior: step?.why };
  });
  const ending = scenario.endings[node];
  const seniorEnd = senior.ending ? scenario.endings[senior.ending] : undefined;
  const turningPoint = turningPointOf(decisions, ending?.result);
  return {
    decisions,
    ...(turningPoint ? { turningPoint } : {}),
    senior: senior.decisions.map((decision) => {
      const step = scenario.steps[decision.stepId];
      const best = step?.kind === 'choose' ? step.options.find((option) => option.verdict === 'best') : undefined;
      return {
        stepId: decision.stepId,
        prompt: step?.prompt ?? decision.stepId,
        answer: step?.kind === 'write' ? ['(a written note: see the model answer)'] : answerTexts(scenario, decision.stepId, decision.answer),
        why: best?.why ?? (step && step.kind !== 'choose' ? step.why : undefined),
      };
    }),
    seniorEnding: seniorEnd ? { title: seniorEnd.title, result: seniorEnd.result } : undefined,
    ending: ending
      ? { id: node, title: ending.title, text: ending.text, result: ending.result, ...(ending.effect ? { effect: ending.effect } : {}) }
      : undefined,
    score,
  };
}

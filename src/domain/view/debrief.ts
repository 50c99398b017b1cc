import type { Effect, EndingResult, Scenario, Verdict } from '../scenario/schema.ts';
import type { AttemptContext } from '../engine/context.ts';
import type { SeniorPath } from '../engine/senior-path.ts';
import { seniorAnswer } from '../engine/senior-path.ts';
import type { AttemptScore, Reviews } from '../scoring/attempt-score.ts';
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

export interface Debrief {
  decisions: DebriefDecision[];
  senior: SeniorStep[];
  seniorEnding?: { title?: string; result?: EndingResult };
  ending?: { id: string; title?: string; text: string; result: EndingResult };
  score: AttemptScore;
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
      effect: decision.effect,
      routing: scored?.routing,
      decidedMs: decidedMs[index],
      pending: (scored?.score ?? decision.score) === null,
    };
    if (step?.kind === 'choose') {
      const mine = decision.answer.kind === 'choose' ? step.options.find((option) => option.id === (decision.answer as { optionId: string }).optionId) : undefined;
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
  return {
    decisions,
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
    ending: ending ? { id: node, title: ending.title, text: ending.text, result: ending.result } : undefined,
    score,
  };
}

import type { Scenario, Step } from '../scenario/schema.ts';
import { noEffect } from '../scenario/schema.ts';
import { answerProblem, type Answer } from './answer.ts';
import { pickBranch } from './branch.ts';
import type { AttemptContext, DecisionRecord, ResolvedAnswer } from './context.ts';
import { scoreAnswer } from '../scoring/step-score.ts';

export type Resolution = ({ ok: true } & ResolvedAnswer) | { ok: false; reason: string };

const clampSentiment = (value: number) => Math.max(0, Math.min(100, value));

/** Documents a step reveals as it is entered, added once each. */
export function revealFor(scenario: Scenario, target: string, revealed: readonly string[], extra: readonly string[] = []): string[] {
  const step = scenario.steps[target];
  const next = [...revealed];
  for (const id of [...extra, ...(step?.reveal ?? [])]) if (!next.includes(id)) next.push(id);
  return next;
}

/**
 * Applies an answer to the step it was given for: scores it, adds its effect, picks where it leads, adds
 * the effect of the ending it leads to, and reveals what the next step shows. Pure; called once per
 * answer, before the machine sees it.
 */
export function resolveAnswer(scenario: Scenario, context: AttemptContext, stepId: string, answer: Answer): Resolution {
  const step: Step | undefined = scenario.steps[stepId];
  if (!step) return { ok: false, reason: `There is no step "${stepId}" in this scenario.` };
  const problem = answerProblem(step, answer);
  if (problem) return { ok: false, reason: problem };

  const { score, critical } = scoreAnswer(step, answer);
  const option = step.kind === 'choose' && answer.kind === 'choose' ? step.options.find((candidate) => candidate.id === answer.optionId) : undefined;
  const effect = option ? option.effect : step.kind === 'choose' ? noEffect : step.effect;
  const minutes = context.minutes + effect.minutes;
  const sentiment = clampSentiment(context.sentiment + effect.sentiment);
  const dollars = context.dollars + effect.dollars;
  const branches = option ? option.next : step.kind !== 'choose' ? step.next : [];
  const next = pickBranch(branches, {
    score: score ?? undefined,
    chosen: new Set(answer.kind === 'choose-many' ? answer.optionIds : answer.kind === 'choose' ? [answer.optionId] : []),
    sentiment,
    minutes,
    visited: new Set(context.decisions.map((decision) => decision.stepId)),
  });
  if (!next) return { ok: false, reason: `Step "${stepId}" has no branch for this answer; the scenario needs a final plain "goto".` };

  const hinted = context.hints.includes(stepId);
  const endingEffect = scenario.endings[next]?.effect;
  const decision: DecisionRecord = { stepId, kind: step.kind, answer, score, critical, hinted, effect, next, ...(endingEffect ? { endingEffect } : {}) };
  return {
    ok: true,
    decision,
    context: {
      ...context,
      minutes: minutes + (endingEffect?.minutes ?? 0),
      sentiment: clampSentiment(sentiment + (endingEffect?.sentiment ?? 0)),
      dollars: dollars + (endingEffect?.dollars ?? 0),
      revealed: revealFor(scenario, next, context.revealed, option?.reveal ?? []),
      decisions: [...context.decisions, decision],
    },
  };
}

/** The context an attempt starts with: the scenario's setting, plus what the first step reveals. */
export function initialContext(scenario: Scenario, mode: AttemptContext['mode']): AttemptContext {
  return {
    mode,
    minutes: 0,
    sentiment: scenario.setting.sentiment,
    dollars: 0,
    revealed: revealFor(scenario, scenario.start, []),
    decisions: [],
    hints: [],
  };
}

import type { EndingResult, Scenario, Step } from '../scenario/schema.ts';
import type { Answer } from './answer.ts';
import type { AttemptContext, DecisionRecord } from './context.ts';
import { initialContext, resolveAnswer } from './resolve.ts';

/** The senior's answer to a step, derived from the answer key; undefined if the key has none. */
export function seniorAnswer(step: Step): Answer | undefined {
  switch (step.kind) {
    case 'choose': {
      const best = step.options.find((option) => option.verdict === 'best');
      return best ? { kind: 'choose', optionId: best.id } : undefined;
    }
    case 'choose-many':
      return { kind: 'choose-many', optionIds: [...step.answer] };
    case 'rank':
      return { kind: 'rank', order: [...step.answer] };
    case 'write':
      return { kind: 'write', text: step.model };
  }
}

export interface SeniorPath {
  decisions: DecisionRecord[];
  /** The ending reached, if the path reaches one. */
  ending?: string;
  result?: EndingResult;
  context: AttemptContext;
  /** Why the path stopped short of an ending. */
  problem?: { stepId: string; reason: string };
}

/** Walks from `start` taking the senior's answer at every step until an ending (or a fault). */
export function seniorPath(scenario: Scenario): SeniorPath {
  let context = initialContext(scenario, 'playtest');
  let node = scenario.start;
  const limit = Object.keys(scenario.steps).length + 1;
  for (let taken = 0; taken < limit; taken++) {
    const ending = scenario.endings[node];
    if (ending) return { decisions: context.decisions, ending: node, result: ending.result, context };
    const step = scenario.steps[node];
    if (!step) return { decisions: context.decisions, context, problem: { stepId: node, reason: 'leads to something that is neither a step nor an ending' } };
    const answer = seniorAnswer(step);
    if (!answer) return { decisions: context.decisions, context, problem: { stepId: node, reason: 'has no "best" option' } };
    const resolution = resolveAnswer(scenario, context, node, answer);
    if (!resolution.ok) return { decisions: context.decisions, context, problem: { stepId: node, reason: resolution.reason } };
    context = resolution.context;
    node = resolution.decision.next;
  }
  return { decisions: context.decisions, context, problem: { stepId: node, reason: 'comes round in a loop: the senior path never reaches an ending' } };
}

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
  /** Why the path stopped short of an ending; `at` points at the option or `next` to blame, when there is one. */
  problem?: { stepId: string; reason: string; at?: (string | number)[] };
}

/** Where in the scenario a decision's way on is written: the chosen option's `next`, or the step's, down to the branch taken. */
export function nextPathOf(scenario: Scenario, decision: DecisionRecord): (string | number)[] {
  const step = scenario.steps[decision.stepId];
  const base: (string | number)[] = ['steps', decision.stepId];
  if (!step) return base;
  const answer = decision.answer;
  const optionIndex = step.kind === 'choose' && answer.kind === 'choose' ? step.options.findIndex((option) => option.id === answer.optionId) : -1;
  const branches = step.kind === 'choose' ? (step.options[optionIndex]?.next ?? []) : step.next;
  const at = optionIndex >= 0 ? [...base, 'options', optionIndex, 'next'] : [...base, 'next'];
  const shorthand = branches.length === 1 && !branches[0]?.when;
  const branch = branches.findIndex((candidate) => candidate.goto === decision.next);
  return shorthand || branch < 0 ? at : [...at, branch, 'goto'];
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
    if (!step) {
      const last = context.decisions.at(-1);
      const problem = last
        ? { stepId: last.stepId, reason: `leads to "${node}", which is neither a step nor an ending`, at: nextPathOf(scenario, last) }
        : { stepId: node, reason: 'starts at something that is neither a step nor an ending' };
      return { decisions: context.decisions, context, problem };
    }
    const answer = seniorAnswer(step);
    if (!answer) return { decisions: context.decisions, context, problem: { stepId: node, reason: 'has no "best" option' } };
    const resolution = resolveAnswer(scenario, context, node, answer);
    if (!resolution.ok) return { decisions: context.decisions, context, problem: { stepId: node, reason: resolution.reason } };
    context = resolution.context;
    node = resolution.decision.next;
  }
  // The loop closes at the first decision that leads back to a step the path has already been through.
  const closing = context.decisions.find((decision, index) => context.decisions.slice(0, index + 1).some((earlier) => earlier.stepId === decision.next));
  const blamed = closing ?? context.decisions.at(-1);
  return {
    decisions: context.decisions,
    context,
    problem: blamed
      ? {
          stepId: blamed.stepId,
          reason: `leads back to step "${blamed.next}", so the senior path goes round in a loop and never reaches an ending. Point the best answer here at a step further on or at an ending`,
          at: nextPathOf(scenario, blamed),
        }
      : { stepId: node, reason: 'comes round in a loop: the senior path never reaches an ending' },
  };
}

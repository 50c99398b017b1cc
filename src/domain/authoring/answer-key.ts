import type { Branch, Effect, EndingResult, Scenario, Step, StepKind, Verdict, When } from '../scenario/schema.ts';

/** Where a branch leads, in words an author reads at a glance. */
export interface BranchView {
  /** The condition in words; undefined for the plain `goto`. */
  when?: string;
  goto: string;
  /** The ending's result when the branch ends the case. */
  result?: EndingResult;
}

/** One option or item of a step with the author's key beside it. */
export interface KeyedChoice {
  id: string;
  text: string;
  route?: string;
  verdict?: Verdict;
  /** choose-many: part of the senior's answer; rank: the senior's position, from 1. */
  inAnswer?: boolean;
  position?: number;
  critical?: boolean;
  why?: string;
  effect?: Effect;
  reveal?: string[];
  /** choose options only: each option has its own branches. */
  leadsTo?: BranchView[];
}

/** A step with its whole answer key: for authors and playtests only, never for a trainee. */
export interface StepKey {
  stepId: string;
  kind: StepKind;
  prompt: string;
  hint?: string;
  reveal: string[];
  choices: KeyedChoice[];
  why?: string;
  effect?: Effect;
  /** The step's own branches (every kind but choose). */
  leadsTo: BranchView[];
  rubric?: string[];
  model?: string;
}

const WORDS: Record<keyof When, (value: number | string) => string> = {
  scoreAtLeast: (value) => `score ≥ ${value}`,
  scoreBelow: (value) => `score < ${value}`,
  chose: (value) => `ticked ${value}`,
  sentimentBelow: (value) => `sentiment < ${value}`,
  sentimentAtLeast: (value) => `sentiment ≥ ${value}`,
  minutesAtLeast: (value) => `minutes ≥ ${value}`,
  visited: (value) => `visited ${value}`,
};

/** `score ≥ 0.8 and ticked release`: a branch condition in words. */
export function whenWords(when: When | undefined): string | undefined {
  if (!when) return undefined;
  const parts = (Object.keys(WORDS) as (keyof When)[]).flatMap((key) => {
    const value = when[key];
    return value === undefined ? [] : [WORDS[key](value)];
  });
  return parts.length ? parts.join(' and ') : undefined;
}

/** Branches as words; a plain `goto` after conditions reads "otherwise". */
export function branchViews(scenario: Scenario, branches: readonly Branch[]): BranchView[] {
  return branches.map((branch) => ({
    when: whenWords(branch.when) ?? (branches.length > 1 ? 'otherwise' : undefined),
    goto: branch.goto,
    result: scenario.endings[branch.goto]?.result,
  }));
}

/** The answer key of one step, as the map and the playtest show it. */
export function stepKey(scenario: Scenario, stepId: string, step: Step): StepKey {
  const base = { stepId, kind: step.kind, prompt: step.prompt, hint: step.hint, reveal: step.reveal ?? [] };
  const option = (choice: { id: string; text: string; route?: string; why?: string }) => ({
    id: choice.id,
    text: choice.text,
    route: choice.route,
    why: choice.why,
  });
  switch (step.kind) {
    case 'choose':
      return {
        ...base,
        choices: step.options.map((choice) => ({
          ...option(choice),
          verdict: choice.verdict,
          effect: choice.effect,
          reveal: choice.reveal,
          leadsTo: branchViews(scenario, choice.next),
        })),
        leadsTo: [],
      };
    case 'choose-many':
      return {
        ...base,
        choices: step.options.map((choice) => ({ ...option(choice), inAnswer: step.answer.includes(choice.id), critical: choice.critical })),
        why: step.why,
        effect: step.effect,
        leadsTo: branchViews(scenario, step.next),
      };
    case 'rank':
      return {
        ...base,
        choices: step.items.map((item) => ({ id: item.id, text: item.text, position: step.answer.indexOf(item.id) + 1 })),
        why: step.why,
        effect: step.effect,
        leadsTo: branchViews(scenario, step.next),
      };
    case 'write':
      return { ...base, choices: [], why: step.why, effect: step.effect, leadsTo: branchViews(scenario, step.next), rubric: step.rubric, model: step.model };
  }
}

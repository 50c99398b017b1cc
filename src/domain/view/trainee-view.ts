import type { Effect, EndingResult, Scenario, Verdict } from '../scenario/schema.ts';
import { hintOffered } from '../engine/hint.ts';
import type { AttemptContext, DecisionRecord, Mode } from '../engine/context.ts';
import { seniorAnswer } from '../engine/senior-path.ts';
import { MAX_WRITTEN_ANSWER, type Answer } from '../engine/answer.ts';
import { addMinutes } from '../clock.ts';
import { seededShuffle } from '../shuffle.ts';

export interface Choice {
  id: string;
  text: string;
}

/** The current step as a trainee may see it: the question and the choices, never the key. */
export type StepView =
  | { id: string; kind: 'choose'; prompt: string; hint?: string; hintAvailable: boolean; options: Choice[] }
  | { id: string; kind: 'choose-many'; prompt: string; hint?: string; hintAvailable: boolean; options: Choice[] }
  | { id: string; kind: 'rank'; prompt: string; hint?: string; hintAvailable: boolean; items: Choice[] }
  | { id: string; kind: 'write'; prompt: string; hint?: string; hintAvailable: boolean; maxLength: number; draft?: string };

export interface VisibleDocument {
  id: string;
  kind: 'email' | 'note' | 'log' | 'call';
  from: string;
  subject?: string;
  sent?: string;
  body: string;
  /** True for a document this attempt's choices uncovered. */
  revealed: boolean;
}

/** Feedback on a committed decision (practice and playtest only): the senior's reasoning. */
export interface FeedbackView {
  stepId: string;
  prompt: string;
  yours: string[];
  senior: string[];
  verdict?: Verdict;
  /** In [0, 1]; null while a written answer waits for review. */
  score: number | null;
  critical: boolean;
  why?: string;
  effect: Effect;
  /** The senior's model answer, for a written step. */
  model?: string;
}

/** Everything the trainee's browser receives: built only by `traineeView`, so no answer-key field can slip in. */
export interface TraineeView {
  scenario: { id: string; title: string; summary: string; category: string; level: number };
  mode: Mode;
  caseFile: Pick<Scenario['case'], 'order' | 'customer' | 'queue' | 'lines' | 'holds'>;
  documents: VisibleDocument[];
  clock: string;
  deadline?: string;
  /** The customer's sentiment, shown in practice and playtest; hidden in assessment. */
  sentiment?: number;
  decided: number;
  step?: StepView;
  feedback?: FeedbackView;
  ending?: { id: string; result: EndingResult; title?: string; text: string };
}

/** The words of an answer, for showing it back. */
export function answerTexts(scenario: Scenario, stepId: string, answer: Answer | undefined): string[] {
  const step = scenario.steps[stepId];
  if (!step || !answer) return [];
  const textOf = (id: string, list: readonly Choice[]) => list.find((choice) => choice.id === id)?.text ?? id;
  switch (answer.kind) {
    case 'choose':
      return step.kind === 'choose' ? [textOf(answer.optionId, step.options)] : [];
    case 'choose-many':
      return step.kind === 'choose-many' ? answer.optionIds.map((id) => textOf(id, step.options)) : [];
    case 'rank':
      return step.kind === 'rank' ? answer.order.map((id) => textOf(id, step.items)) : [];
    case 'write':
      return [answer.text];
  }
}

/**
 * A rank step's starting order, never the answer itself where another order exists: submitting the
 * order as shown must not score full marks. An order that matches is turned by one place.
 */
export function awayFromAnswer<T extends { id: string }>(items: T[], answer: readonly string[]): T[] {
  const same = items.length > 1 && items.length === answer.length && items.every((item, index) => item.id === answer[index]);
  return same ? [...items.slice(1), items[0] as T] : items;
}

function stepView(scenario: Scenario, stepId: string, context: AttemptContext, seed: string): StepView | undefined {
  const step = scenario.steps[stepId];
  if (!step) return undefined;
  const opened = context.hints.includes(stepId);
  const common = {
    id: stepId,
    prompt: step.prompt,
    hintAvailable: hintOffered(scenario, context, stepId),
    ...(opened && step.hint ? { hint: step.hint } : {}),
  };
  // Sorted by id first, so an author reordering the file does not move options under a live attempt.
  const choices = (list: readonly Choice[]) =>
    seededShuffle(
      list.map(({ id, text }) => ({ id, text })).sort((a, b) => a.id.localeCompare(b.id)),
      `${seed}:${stepId}`,
    );
  switch (step.kind) {
    case 'choose':
      return { ...common, kind: 'choose', options: choices(step.options) };
    case 'choose-many':
      return { ...common, kind: 'choose-many', options: choices(step.options) };
    case 'rank':
      return { ...common, kind: 'rank', items: awayFromAnswer(choices(step.items), step.answer) };
    case 'write':
      return { ...common, kind: 'write', maxLength: MAX_WRITTEN_ANSWER };
  }
}

/** Feedback on one committed decision: what the trainee did beside what the senior did, and why. */
export function feedbackFor(scenario: Scenario, decision: DecisionRecord): FeedbackView | undefined {
  const step = scenario.steps[decision.stepId];
  if (!step) return undefined;
  const { answer } = decision;
  const option = step.kind === 'choose' && answer.kind === 'choose' ? step.options.find((candidate) => candidate.id === answer.optionId) : undefined;
  return {
    stepId: decision.stepId,
    prompt: step.prompt,
    yours: answerTexts(scenario, decision.stepId, decision.answer),
    senior: answerTexts(scenario, decision.stepId, seniorAnswer(step)).filter(() => step.kind !== 'write'),
    verdict: option?.verdict,
    score: decision.score,
    critical: decision.critical,
    why: option ? option.why : step.kind === 'choose' ? undefined : step.why,
    effect: decision.effect,
    model: step.kind === 'write' ? step.model : undefined,
  };
}

/**
 * What a trainee may see of an attempt: the case file, the documents revealed so far, the current
 * step's question and choices, and (in practice) feedback on the decision just committed.
 */
export function traineeView(scenario: Scenario, node: string, context: AttemptContext, seed: string): TraineeView {
  const showFeedback = context.mode !== 'assessment';
  const last = context.decisions.at(-1);
  const ending = scenario.endings[node];
  const { order, customer, queue, lines, holds } = scenario.case;
  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      category: scenario.category,
      level: scenario.level,
    },
    mode: context.mode,
    caseFile: { order, customer, queue, lines, holds },
    documents: scenario.case.documents
      .filter((document) => !document.hidden || context.revealed.includes(document.id))
      .sort((a, b) => Number(a.hidden) - Number(b.hidden) || context.revealed.indexOf(a.id) - context.revealed.indexOf(b.id))
      .map((document) => ({
        id: document.id,
        kind: document.kind,
        from: document.from,
        subject: document.subject,
        sent: document.sent,
        body: document.body,
        revealed: document.hidden,
      })),
    clock: addMinutes(scenario.setting.clock, context.minutes),
    deadline: scenario.setting.deadline,
    sentiment: showFeedback ? context.sentiment : undefined,
    decided: context.decisions.length,
    step: ending ? undefined : stepView(scenario, node, context, seed),
    feedback: showFeedback && last ? feedbackFor(scenario, last) : undefined,
    ending: ending ? { id: node, result: ending.result, title: ending.title, text: ending.text } : undefined,
  };
}

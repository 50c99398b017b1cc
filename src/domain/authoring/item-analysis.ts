import type { DecisionRecord } from '../engine/context.ts';
import { seniorAnswer } from '../engine/senior-path.ts';
import type { Answer } from '../engine/answer.ts';
import { reachableFrom } from '../scenario/graph.ts';
import type { Scenario, Step, StepKind } from '../scenario/schema.ts';
import type { Reviews } from '../scoring/attempt-score.ts';
import { routingOf, type RoutingResult } from '../scoring/routing.ts';

/** One trainee attempt as the analysis needs it (replayed on its own pinned revision). */
export interface AnalysedAttempt {
  decisions: readonly DecisionRecord[];
  /** Milliseconds to decide, one per decision, in the same order. */
  decidedMs: readonly (number | undefined)[];
  finished: boolean;
  /** The step (or ending) the attempt is at. */
  at: string;
  /** When the trainee last did anything: the last answer, or when the current step was shown. */
  lastActiveAt: string;
  reviews?: Reviews;
}

/** How often one option (or item, or rubric line) was picked among the decisions at its step. */
export interface OptionShare {
  id: string;
  text: string;
  count: number;
  /** Of the decisions at the step (of the reviewed answers, for rubric lines); null when there were none. */
  share: number | null;
  /** Part of the senior's answer: the best option, a ticked one, the item in its senior place. */
  senior: boolean;
  /** An option id the current file no longer has (answered on an older revision). */
  removed?: boolean;
}

export interface Tally {
  label: string;
  count: number;
  share: number;
}

/** What trainees did at one step. */
export interface StepAnalysis {
  stepId: string;
  kind: StepKind;
  prompt: string;
  /** Attempts that arrived at the step (answered it, or are or were left standing at it). */
  reached: number;
  decided: number;
  /**
   * choose: share choosing each option; choose-many: share ticking each; rank: share putting each item
   * where the senior did; write: share of reviewed answers meeting each rubric line.
   */
  options: OptionShare[];
  /** choose-many and rank: decisions that matched the senior's answer exactly. */
  exact?: Tally;
  /** The most common answer that was not the senior's. */
  commonWrongAnswer?: Tally;
  /** The most common routing that differed from the senior's, with its direction. */
  commonWrongRoute?: Tally & { escalation: RoutingResult['escalation'] };
  averageDecidedMs?: number;
  medianDecidedMs?: number;
  /** Unfinished attempts left standing at this step for longer than the idle limit. */
  abandoned: number;
  /** write: answers a senior has graded. */
  reviewed?: number;
}

export interface ItemAnalysis {
  attempts: number;
  finished: number;
  abandoned: number;
  /** Unfinished attempts active within the idle limit: not counted as abandoned. */
  inProgress: number;
  steps: StepAnalysis[];
  /** Decisions on steps the current file no longer has (from older revisions), left out of `steps`. */
  elsewhere: number;
}

/** An unfinished attempt idle longer than this counts as abandoned. */
export const ABANDONED_AFTER_MS = 24 * 3_600_000;

const tally = (label: string, count: number, of: number): Tally => ({ label, count, share: of ? count / of : 0 });

/** The commonest label and its count; labels tied for first are all named, joined with " / ". */
function mostCommon(labels: readonly string[]): [string, number] | undefined {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const top = Math.max(0, ...counts.values());
  const tied = [...counts].filter(([, count]) => count === top).map(([label]) => label);
  return tied.length ? [tied.join(' / '), top] : undefined;
}

/** The words of an answer for the "most common wrong answer" column; equal answers get equal words. */
function answerLabel(step: Step, answer: Answer): string {
  const textOf = (id: string) =>
    (step.kind === 'choose' || step.kind === 'choose-many' ? step.options : step.kind === 'rank' ? step.items : []).find((choice) => choice.id === id)?.id ??
    `${id} (removed)`;
  switch (answer.kind) {
    case 'choose':
      return textOf(answer.optionId);
    case 'choose-many':
      return answer.optionIds.length ? [...answer.optionIds].sort().map(textOf).join(' + ') : '(none ticked)';
    case 'rank':
      return answer.order.map(textOf).join(' > ');
    case 'write':
      return '(written)';
  }
}

const sameAnswer = (a: Answer | undefined, b: Answer): boolean => {
  if (!a || a.kind !== b.kind) return false;
  if (a.kind === 'choose' && b.kind === 'choose') return a.optionId === b.optionId;
  if (a.kind === 'choose-many' && b.kind === 'choose-many')
    return a.optionIds.length === b.optionIds.length && a.optionIds.every((id) => b.optionIds.includes(id));
  if (a.kind === 'rank' && b.kind === 'rank') return a.order.join('\u0000') === b.order.join('\u0000');
  return false;
};

const median = (values: readonly number[]): number | undefined => {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/**
 * Item analysis of a scenario from its trainees' attempts: per step, how many reached it, the share
 * choosing each option, the most common wrong answer and route, the time to decide, and where
 * attempts were abandoned. Decisions are read against the current file; options it no longer has
 * are listed as removed.
 */
export function analyseItems(scenario: Scenario, attempts: readonly AnalysedAttempt[], now: Date, abandonedAfterMs = ABANDONED_AFTER_MS): ItemAnalysis {
  const order = [...reachableFrom(scenario)].filter((id) => scenario.steps[id]);
  for (const id of Object.keys(scenario.steps)) if (!order.includes(id)) order.push(id);

  const isAbandoned = (attempt: AnalysedAttempt) => !attempt.finished && now.getTime() - new Date(attempt.lastActiveAt).getTime() > abandonedAfterMs;
  let elsewhere = 0;
  for (const attempt of attempts) for (const decision of attempt.decisions) if (!scenario.steps[decision.stepId]) elsewhere++;

  const steps = order.map((stepId): StepAnalysis => {
    const step = scenario.steps[stepId] as Step;
    const here = attempts.flatMap((attempt) =>
      attempt.decisions.flatMap((decision, index) => (decision.stepId === stepId ? [{ attempt, decision, ms: attempt.decidedMs[index] }] : [])),
    );
    const reached = attempts.filter(
      (attempt) => attempt.decisions.some((decision) => decision.stepId === stepId) || (!attempt.finished && attempt.at === stepId),
    ).length;
    const decided = here.length;
    const key = seniorAnswer(step);
    const share = (count: number, of = decided) => (of ? count / of : null);

    let options: OptionShare[];
    let exact: Tally | undefined;
    let reviewed: number | undefined;
    if (step.kind === 'choose') {
      options = step.options.map((option) => {
        const count = here.filter(({ decision }) => decision.answer.kind === 'choose' && decision.answer.optionId === option.id).length;
        return { id: option.id, text: option.text, count, share: share(count), senior: option.verdict === 'best' };
      });
      const unknown = here.flatMap(({ decision }) =>
        decision.answer.kind === 'choose' && !step.options.some((option) => option.id === (decision.answer as { optionId: string }).optionId)
          ? [decision.answer.optionId]
          : [],
      );
      for (const id of new Set(unknown)) {
        const count = unknown.filter((other) => other === id).length;
        options.push({ id, text: '(no longer in the file)', count, share: share(count), senior: false, removed: true });
      }
    } else if (step.kind === 'choose-many') {
      options = step.options.map((option) => {
        const count = here.filter(({ decision }) => decision.answer.kind === 'choose-many' && decision.answer.optionIds.includes(option.id)).length;
        return { id: option.id, text: option.text, count, share: share(count), senior: step.answer.includes(option.id) };
      });
    } else if (step.kind === 'rank') {
      options = step.items.map((item) => {
        const place = step.answer.indexOf(item.id);
        const count = here.filter(({ decision }) => decision.answer.kind === 'rank' && decision.answer.order.indexOf(item.id) === place).length;
        return { id: item.id, text: item.text, count, share: share(count), senior: true };
      });
    } else {
      const grades = here.flatMap(({ attempt }) => {
        const met = attempt.reviews?.[stepId];
        return met ? [new Set(met)] : [];
      });
      reviewed = grades.length;
      options = step.rubric.map((line, index) => {
        const count = grades.filter((met) => met.has(index)).length;
        return { id: String(index + 1), text: line, count, share: share(count, grades.length), senior: true };
      });
    }
    if (key && (step.kind === 'choose-many' || step.kind === 'rank')) {
      exact = tally("the senior's answer", here.filter(({ decision }) => sameAnswer(key, decision.answer)).length, decided);
    }

    const wrong =
      step.kind === 'write' ? [] : here.filter(({ decision }) => !sameAnswer(key, decision.answer)).map(({ decision }) => answerLabel(step, decision.answer));
    const topWrong = mostCommon(wrong);
    const routings = here.flatMap(({ decision }) => {
      const routing = routingOf(scenario, decision);
      return routing && routing.escalation !== 'match' ? [routing] : [];
    });
    const topRoute = mostCommon(routings.map((routing) => [...routing.chosen].sort().join(' + ') || '(no route)'));
    const times = here.flatMap(({ ms }) => (ms === undefined ? [] : [ms]));

    return {
      stepId,
      kind: step.kind,
      prompt: step.prompt,
      reached,
      decided,
      options,
      exact,
      commonWrongAnswer: topWrong ? tally(topWrong[0], topWrong[1], decided) : undefined,
      commonWrongRoute: topRoute
        ? {
            ...tally(topRoute[0], topRoute[1], decided),
            escalation:
              routings.find((routing) => topRoute[0].split(' / ').includes([...routing.chosen].sort().join(' + ') || '(no route)'))?.escalation ?? 'sideways',
          }
        : undefined,
      averageDecidedMs: times.length ? times.reduce((sum, ms) => sum + ms, 0) / times.length : undefined,
      medianDecidedMs: median(times),
      abandoned: attempts.filter((attempt) => isAbandoned(attempt) && attempt.at === stepId).length,
      reviewed,
    };
  });

  const abandoned = attempts.filter(isAbandoned).length;
  const finished = attempts.filter((attempt) => attempt.finished).length;
  return { attempts: attempts.length, finished, abandoned, inProgress: attempts.length - finished - abandoned, steps, elsewhere };
}

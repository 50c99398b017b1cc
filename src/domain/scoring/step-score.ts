import type { Answer } from '../engine/answer.ts';
import type { ChooseManyStep, ChooseStep, RankStep, Step, Verdict } from '../scenario/schema.ts';

/** Score of a `choose` option by its verdict. */
export const VERDICT_SCORE: Record<Verdict, number> = { best: 1, good: 0.75, weak: 0.4, wrong: 0, critical: 0 };

/** Share of a decision's score a trainee keeps after opening the step's hint. */
export const HINT_KEEPS = 0.75;

export interface StepScore {
  /** In [0, 1]; null while a written answer waits for review. */
  score: number | null;
  critical: boolean;
}

/** Jaccard similarity of two sets: 1 when equal, 0 when disjoint; two empty sets are equal. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * 1 − (weight of discordant pairs / weight of all pairs), a pair weighing 1 / (the better of its two
 * senior positions, from 1): the same order scores 1, the reverse 0, swapping the top two costs most.
 */
export function rankAgreement(senior: readonly string[], trainee: readonly string[]): number {
  const position = new Map(trainee.map((id, index) => [id, index]));
  let total = 0;
  let discordant = 0;
  for (let i = 0; i < senior.length; i++) {
    for (let j = i + 1; j < senior.length; j++) {
      const weight = 1 / (i + 1);
      total += weight;
      const a = position.get(senior[i] ?? '') ?? Infinity;
      const b = position.get(senior[j] ?? '') ?? Infinity;
      if (!(a < b)) discordant += weight;
    }
  }
  return total === 0 ? 1 : 1 - discordant / total;
}

export const scoreChoose = (step: ChooseStep, optionId: string): StepScore => {
  const option = step.options.find((candidate) => candidate.id === optionId);
  const verdict = option?.verdict ?? 'wrong';
  return { score: VERDICT_SCORE[verdict], critical: verdict === 'critical' };
};

export const scoreChooseMany = (step: ChooseManyStep, optionIds: readonly string[]): StepScore => ({
  score: jaccard(new Set(optionIds), new Set(step.answer)),
  critical: step.options.some((option) => option.critical && optionIds.includes(option.id)),
});

export const scoreRank = (step: RankStep, order: readonly string[]): StepScore => ({
  score: rankAgreement(step.answer, order),
  critical: false,
});

/** Scores an answer that fits its step (see `answerProblem`). Written answers wait for review. */
export function scoreAnswer(step: Step, answer: Answer): StepScore {
  if (step.kind === 'choose' && answer.kind === 'choose') return scoreChoose(step, answer.optionId);
  if (step.kind === 'choose-many' && answer.kind === 'choose-many') return scoreChooseMany(step, answer.optionIds);
  if (step.kind === 'rank' && answer.kind === 'rank') return scoreRank(step, answer.order);
  return { score: null, critical: false };
}

/** The share of rubric lines met, once a senior has reviewed a written answer. */
export const scoreReview = (rubricLines: number, met: readonly number[]): number =>
  rubricLines === 0 ? 1 : new Set(met.filter((index) => index >= 0 && index < rubricLines)).size / rubricLines;

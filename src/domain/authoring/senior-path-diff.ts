import type { SeniorPath } from '../engine/senior-path.ts';
import type { Answer } from '../engine/answer.ts';

/** What a senior path comes to, in the terms a reviewer compares: its decisions, ending and costs. */
export interface SeniorPathSummary {
  /** `step: answer` for each decision, in order. */
  decisions: string[];
  ending?: string;
  minutes: number;
  sentiment: number;
  dollars: number;
  /** Why the path stops short of an ending, when it does. */
  problem?: string;
}

/** One variant's senior path before and after; either side is absent when the variant is new or gone. */
export interface SeniorPathChange {
  variant: string;
  before?: SeniorPathSummary;
  after?: SeniorPathSummary;
  /** Sentences naming what changed; empty when nothing did. */
  changes: string[];
}

const answerWords = (answer: Answer): string => {
  switch (answer.kind) {
    case 'choose':
      return answer.optionId;
    case 'choose-many':
      return answer.optionIds.join(' + ') || '(none)';
    case 'rank':
      return answer.order.join(' > ');
    case 'write':
      return 'a written note';
  }
};

/** The summary of one senior path. */
export function summarisePath(path: SeniorPath): SeniorPathSummary {
  return {
    decisions: path.decisions.map((decision) => `${decision.stepId}: ${answerWords(decision.answer)}`),
    ending: path.ending,
    minutes: path.context.minutes,
    sentiment: path.context.sentiment,
    dollars: path.context.dollars,
    problem: path.problem ? `${path.problem.stepId} ${path.problem.reason}` : undefined,
  };
}

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/** Sentences for what differs between two summaries of one variant's senior path. */
function describeChanges(before: SeniorPathSummary, after: SeniorPathSummary): string[] {
  const changes: string[] = [];
  const removed = before.decisions.filter((decision) => !after.decisions.includes(decision));
  const added = after.decisions.filter((decision) => !before.decisions.includes(decision));
  if (removed.length) changes.push(`No longer decides ${removed.join('; ')}.`);
  if (added.length) changes.push(`Now decides ${added.join('; ')}.`);
  if (!removed.length && !added.length && before.decisions.join('\n') !== after.decisions.join('\n'))
    changes.push('Takes the same decisions in another order.');
  if (before.ending !== after.ending) changes.push(`Ends at ${after.ending ?? 'no ending'} instead of ${before.ending ?? 'no ending'}.`);
  if (before.minutes !== after.minutes)
    changes.push(`Takes ${after.minutes} minutes instead of ${before.minutes} (${signed(after.minutes - before.minutes)}).`);
  if (before.sentiment !== after.sentiment)
    changes.push(`Leaves the customer at sentiment ${after.sentiment} instead of ${before.sentiment} (${signed(after.sentiment - before.sentiment)}).`);
  if (before.dollars !== after.dollars) changes.push(`Spends ${after.dollars} instead of ${before.dollars} (${signed(after.dollars - before.dollars)}).`);
  if (before.problem !== after.problem && after.problem) changes.push(`Now stops short: ${after.problem}.`);
  return changes;
}

/**
 * What changed on the senior path, variant by variant: `before` and `after` map each variant id to its
 * path (absent when the scenario did not load on that side). Variants keep the order of `after`, then gone ones.
 */
export function seniorPathChanges(before: ReadonlyMap<string, SeniorPath> | undefined, after: ReadonlyMap<string, SeniorPath> | undefined): SeniorPathChange[] {
  const ids = [...new Set([...(after?.keys() ?? []), ...(before?.keys() ?? [])])];
  return ids.map((variant) => {
    const old = before?.get(variant);
    const now = after?.get(variant);
    const summaries = { before: old && summarisePath(old), after: now && summarisePath(now) };
    if (summaries.before && summaries.after) return { variant, ...summaries, changes: describeChanges(summaries.before, summaries.after) };
    return { variant, ...summaries, changes: [summaries.after ? 'A new variant.' : 'This variant is gone.'] };
  });
}

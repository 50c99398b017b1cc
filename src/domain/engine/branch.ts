import type { Branch, When } from '../scenario/schema.ts';

/** What a branch condition may look at once a decision is made. */
export interface BranchFacts {
  /** This step's score; undefined for a written answer (graded later). */
  score: number | undefined;
  chosen: ReadonlySet<string>;
  sentiment: number;
  minutes: number;
  visited: ReadonlySet<string>;
}

/** True when every condition written in `when` holds. */
export function conditionHolds(when: When | undefined, facts: BranchFacts): boolean {
  if (!when) return true;
  const { score } = facts;
  if (when.scoreAtLeast !== undefined && (score === undefined || score < when.scoreAtLeast - 1e-9)) return false;
  if (when.scoreBelow !== undefined && (score === undefined || score >= when.scoreBelow - 1e-9)) return false;
  if (when.chose !== undefined && !facts.chosen.has(when.chose)) return false;
  if (when.sentimentBelow !== undefined && !(facts.sentiment < when.sentimentBelow)) return false;
  if (when.sentimentAtLeast !== undefined && !(facts.sentiment >= when.sentimentAtLeast)) return false;
  if (when.minutesAtLeast !== undefined && !(facts.minutes >= when.minutesAtLeast)) return false;
  if (when.visited !== undefined && !facts.visited.has(when.visited)) return false;
  return true;
}

/** The first branch whose condition holds; the format requires the last to be unconditional. */
export function pickBranch(branches: readonly Branch[], facts: BranchFacts): string | undefined {
  return branches.find((branch) => conditionHolds(branch.when, facts))?.goto;
}

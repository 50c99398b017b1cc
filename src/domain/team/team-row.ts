import { assignmentProgress, type AssignmentProgress, type AssignmentRecord } from '../progress/assignments.ts';
import type { AttemptSummary } from '../progress/attempt-summary.ts';
import type { ReadinessPolicy } from '../readiness/policy.ts';
import { assessReadiness, type Readiness } from '../readiness/readiness.ts';
import { categoryStanding } from '../readiness/rules/category.ts';
import type { ReadinessContext, SignOffFact } from '../readiness/types.ts';
import { passedInAssessment } from '../progress/assignments.ts';

const WEEK_MS = 7 * 86_400_000;

/** Mastery of one category as the team matrix colours it. */
export type Mastery = 'met' | 'below' | 'weak' | 'practice' | 'none';

export interface CategoryCell {
  mastery: Mastery;
  /** Mean of the last assessments, as the readiness rule counts it; null with none. */
  mean: number | null;
  assessed: number;
  practised: number;
}

/** What a trainee's scores say: readiness and the matrix cells. Changes only when their attempts, the policy or sign-offs do. */
export interface TraineeStanding {
  readiness: Readiness;
  cells: Record<string, CategoryCell>;
  /** Scenarios passed in an assessment: what an assignment with the `pass` rule counts. */
  passed: ReadonlySet<string>;
}

/** The fields of an attempt that activity and assignments read: an attempt file or a summary will do. */
export type AttemptTimes = { scenarioId: string; startedAt: string; finishedAt?: string; abandonedAt?: string };

/** One trainee's line on the team page. */
export interface TeamRow extends TraineeStanding {
  username: string;
  name: string;
  /** When the trainee last started or finished an attempt. */
  lastActivity?: string;
  attemptsThisWeek: number;
  attempts: number;
  assignments: AssignmentProgress[];
  overdue: number;
}

/** Below this mean an unmet category shows as weak rather than nearly there. */
export const WEAK_BELOW = 60;

/** A category's cell: met by the policy's rule, below it, weak, practised only, or untouched. */
export function categoryCell(rule: ReadinessPolicy['categories'], inCategory: readonly AttemptSummary[]): CategoryCell {
  const assessments = inCategory
    .filter((summary) => summary.mode === 'assessment' && summary.finishedAt)
    .sort((a, b) => (a.finishedAt ?? '').localeCompare(b.finishedAt ?? ''));
  const practised = inCategory.length - assessments.length;
  const standing = categoryStanding(rule, assessments);
  const mastery: Mastery = standing.mean === null ? (practised ? 'practice' : 'none') : standing.met ? 'met' : standing.mean < WEAK_BELOW ? 'weak' : 'below';
  return { mastery, mean: standing.mean, assessed: standing.assessed, practised };
}

/** A trainee's readiness and matrix cells from their summaries; linear in their own attempts. */
export function traineeStanding(
  summaries: readonly AttemptSummary[],
  signOffs: readonly SignOffFact[],
  policy: ReadinessPolicy,
  context: ReadinessContext,
  categories: readonly string[],
): TraineeStanding {
  const byCategory = new Map<string, AttemptSummary[]>();
  for (const summary of summaries) {
    const list = byCategory.get(summary.category);
    if (list) list.push(summary);
    else byCategory.set(summary.category, [summary]);
  }
  const cells: Record<string, CategoryCell> = {};
  for (const category of categories) cells[category] = categoryCell(policy.categories, byCategory.get(category) ?? []);
  return { readiness: assessReadiness(policy, summaries, signOffs, context), cells, passed: passedInAssessment(summaries) };
}

/** The team page's row: the standing, plus activity and assignments, which move with the clock. */
export function teamRow(
  trainee: { username: string; name: string; team?: string },
  standing: TraineeStanding,
  attempts: readonly AttemptTimes[],
  assignments: readonly AssignmentRecord[],
  now: Date,
): TeamRow {
  let lastActivity: string | undefined;
  let attemptsThisWeek = 0;
  const weekAgo = new Date(now.getTime() - WEEK_MS).toISOString();
  for (const attempt of attempts) {
    const last = attempt.finishedAt ?? attempt.startedAt;
    if (!lastActivity || last > lastActivity) lastActivity = last;
    if (attempt.startedAt >= weekAgo) attemptsThisWeek++;
  }
  const today = now.toISOString().slice(0, 10);
  const progress = assignments
    .filter((assignment) => assignment.team === trainee.team && (!assignment.assignee || assignment.assignee === trainee.username))
    .map((assignment) => assignmentProgress(assignment, attempts, standing.passed, today));
  return {
    username: trainee.username,
    name: trainee.name,
    ...standing,
    lastActivity,
    attemptsThisWeek,
    attempts: attempts.length,
    assignments: progress,
    overdue: progress.filter((entry) => entry.overdue).length,
  };
}

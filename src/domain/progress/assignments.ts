import type { AttemptSummary } from './attempt-summary.ts';

/**
 * When a scenario of an assignment counts as done: `pass`, an assessment pass, whenever it was (a pass
 * before the assignment counts); `finish`, any attempt finished after the assignment was made.
 */
export type AssignmentRule = 'pass' | 'finish';

/** The rule in words, for the lead who picks it and the trainee who works to it. */
export const ASSIGNMENT_RULE_WORDS: Record<AssignmentRule, string> = {
  pass: 'Done when passed in an assessment (a pass from before the assignment counts)',
  finish: 'Done when finished again, practice or assessment, after it was assigned',
};

/** An assignment as stored: a scenario or an ordered path, for one trainee or the whole team. */
export interface AssignmentRecord {
  id: string;
  team: string;
  assignee?: string;
  title: string;
  scenarioIds: string[];
  due: string;
  createdAt: string;
  /** Assignments made before rules existed count a scenario as done once finished after they were made. */
  rule?: AssignmentRule;
}

export interface AssignmentProgress {
  assignment: AssignmentRecord;
  /** Scenario ids of the path finished since the assignment was made. */
  done: string[];
  /** The next scenario of the path to work, if any is left. */
  next?: string;
  complete: boolean;
  overdue: boolean;
}

/** The assignments that apply to a trainee. */
export const assignmentsFor = (username: string, team: string | undefined, all: readonly AssignmentRecord[]): AssignmentRecord[] =>
  all.filter((assignment) => assignment.team === team && (!assignment.assignee || assignment.assignee === username));

/** The rule an assignment counts by. */
export const ruleOf = (assignment: Pick<AssignmentRecord, 'rule'>): AssignmentRule => assignment.rule ?? 'finish';

/** How far a trainee is through an assignment, by the assignment's rule; an abandoned attempt never counts. */
export function assignmentProgress(
  assignment: AssignmentRecord,
  attempts: readonly Pick<AttemptSummary, 'scenarioId' | 'startedAt' | 'finishedAt' | 'abandonedAt'>[],
  passedInAssessment: ReadonlySet<string>,
  today: string,
): AssignmentProgress {
  const finished =
    ruleOf(assignment) === 'pass'
      ? passedInAssessment
      : new Set(
          attempts
            .filter((attempt) => attempt.finishedAt && !attempt.abandonedAt && attempt.startedAt >= assignment.createdAt)
            .map((attempt) => attempt.scenarioId),
        );
  const done = assignment.scenarioIds.filter((id) => finished.has(id));
  const next = assignment.scenarioIds.find((id) => !finished.has(id));
  const complete = next === undefined;
  return { assignment, done, next, complete, overdue: !complete && assignment.due < today };
}

/** "Due 2026-12-04", or once the day has passed "Overdue: due 2026-12-04" (the due day itself is not overdue). */
export const dueWords = (due: string, overdue: boolean): string => (overdue ? `Overdue: due ${due}` : `Due ${due}`);

/** The scenarios a trainee has passed in an assessment, at any time. */
export const passedInAssessment = (summaries: readonly Pick<AttemptSummary, 'scenarioId' | 'mode' | 'finishedAt' | 'score'>[]): Set<string> =>
  new Set(summaries.filter((summary) => summary.finishedAt && summary.mode === 'assessment' && summary.score.passed).map((summary) => summary.scenarioId));

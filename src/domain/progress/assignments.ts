import type { AttemptSummary } from './attempt-summary.ts';

/** An assignment as stored: a scenario or an ordered path, for one trainee or the whole team. */
export interface AssignmentRecord {
  id: string;
  team: string;
  assignee?: string;
  title: string;
  scenarioIds: string[];
  due: string;
  createdAt: string;
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

/** How far a trainee is through an assignment: a scenario counts once finished (not abandoned) after it was assigned. */
export function assignmentProgress(assignment: AssignmentRecord, attempts: readonly Pick<AttemptSummary, 'scenarioId' | 'startedAt' | 'finishedAt' | 'abandonedAt'>[], today: string): AssignmentProgress {
  const finished = new Set(
    attempts.filter((attempt) => attempt.finishedAt && !attempt.abandonedAt && attempt.startedAt >= assignment.createdAt).map((attempt) => attempt.scenarioId),
  );
  const done = assignment.scenarioIds.filter((id) => finished.has(id));
  const next = assignment.scenarioIds.find((id) => !finished.has(id));
  const complete = next === undefined;
  return { assignment, done, next, complete, overdue: !complete && assignment.due < today };
}

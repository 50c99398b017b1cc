import type { Desk } from '../desk.ts';
import type { SignOff, User } from '../db/schema.ts';
import type { AttemptSummary } from '../../domain/progress/attempt-summary.ts';
import { assignmentProgress, passedInAssessment, assignmentsFor, type AssignmentProgress } from '../../domain/progress/assignments.ts';
import { assessReadiness, type Readiness } from '../../domain/readiness/readiness.ts';
import { routingHabits, type RoutingHabits } from '../../domain/team/routing-habits.ts';
import { readinessContext } from './readiness-context.ts';
import { summariesOf } from './team-overview.ts';

/** Everything a lead sees about one trainee. */
export interface TraineeDetail {
  trainee: User;
  /** Newest first. */
  summaries: AttemptSummary[];
  readiness: Readiness;
  habits: RoutingHabits;
  assignments: AssignmentProgress[];
  signOffs: SignOff[];
}

/** A trainee's readiness against the policy in force, from their summaries. */
export function readinessOf(desk: Desk, username: string, summaries: readonly AttemptSummary[]): Readiness {
  const signOffs = desk.store.accounts.data.signOffs.filter((signOff) => signOff.trainee === username);
  return assessReadiness(desk.readiness.policy, summaries, signOffs, readinessContext(desk.catalog));
}

/** One trainee's page; the caller has already checked that the viewer leads the trainee's team. */
export async function traineeDetail(desk: Desk, trainee: User, now = new Date()): Promise<TraineeDetail> {
  const summaries = (await summariesOf(desk, desk.attempts.attemptsOf(trainee.username))).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const today = now.toISOString().slice(0, 10);
  return {
    trainee,
    summaries,
    readiness: readinessOf(desk, trainee.username, summaries),
    habits: routingHabits(summaries),
    assignments: assignmentsFor(trainee.username, trainee.team, desk.store.accounts.data.assignments).map((assignment) => assignmentProgress(assignment, summaries, passedInAssessment(summaries), today)),
    signOffs: desk.store.accounts.data.signOffs.filter((signOff) => signOff.trainee === trainee.username),
  };
}

import type { SignOff, User } from '../db/schema.ts';
import type { AttemptSummary } from '../../domain/progress/attempt-summary.ts';
import { assignmentProgress, passedInAssessment, assignmentsFor, type AssignmentProgress } from '../../domain/progress/assignments.ts';
import { assessReadiness, type Readiness } from '../../domain/readiness/readiness.ts';
import { routingHabits, type RoutingHabits } from '../../domain/team/routing-habits.ts';
import { readinessContext } from './readiness-context.ts';
import { summariesOf, type TeamDeps } from './team-overview.ts';
import type { AttemptService } from '../attempts/attempt-service.ts';

/** What a trainee's readiness is worked out from. */
export type ReadinessDeps = Pick<TeamDeps, 'store' | 'readiness' | 'catalog'>;

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
export function readinessOf(desk: ReadinessDeps, username: string, summaries: readonly AttemptSummary[]): Readiness {
  const signOffs = desk.store.signOffs.ofTrainee(username);
  return assessReadiness(desk.readiness.policy, summaries, signOffs, readinessContext(desk.catalog));
}

/** One trainee's page; the caller has already checked that the viewer leads the trainee's team. */
export async function traineeDetail(
  desk: ReadinessDeps & { attempts: Pick<AttemptService, 'summary' | 'attemptsOf'> },
  trainee: User,
  now = new Date(),
): Promise<TraineeDetail> {
  const summaries = (await summariesOf(desk, desk.attempts.attemptsOf(trainee.username))).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const today = now.toISOString().slice(0, 10);
  return {
    trainee,
    summaries,
    readiness: readinessOf(desk, trainee.username, summaries),
    habits: routingHabits(summaries),
    assignments: assignmentsFor(trainee.username, trainee.team, desk.store.assignments.list()).map((assignment) =>
      assignmentProgress(assignment, summaries, passedInAssessment(summaries), today),
    ),
    signOffs: desk.store.signOffs.ofTrainee(trainee.username),
  };
}

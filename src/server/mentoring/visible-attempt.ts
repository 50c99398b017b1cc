import type { DeskStore } from '../db/desk-store.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { AttemptFile, User } from '../db/schema.ts';
import { canSeeTraineeWork, type Viewer } from '../../domain/people/roles.ts';
import { MentoringError } from './mentoring-error.ts';
import { isSealed } from '../../domain/progress/open-attempts.ts';

/** What finding an attempt and its owner takes. */
export interface AttemptLookup {
  store: Pick<DeskStore, 'attempts'>;
  accounts: Pick<AccountService, 'find'>;
}

/** An attempt the viewer may see, with its owner; anything else is "not found", so ids are not confirmed. */
export function visibleAttempt({ store, accounts }: AttemptLookup, viewer: Viewer, attemptId: string): { attempt: AttemptFile; owner: User } {
  const attempt = store.attempts.get(attemptId);
  const owner = attempt ? accounts.find(attempt.username) : undefined;
  if (!attempt || !owner || !canSeeTraineeWork(viewer, owner)) throw new MentoringError('NOT_FOUND', 'There is no such attempt among those you can see.');
  return { attempt, owner };
}

/** The answer the attempt committed at a step, or undefined when it never answered there. */
export const answerAt = (attempt: AttemptFile, stepId: string) =>
  attempt.events.find((event) => event.type === 'answer' && event.stepId === stepId) as Extract<AttemptFile['events'][number], { type: 'answer' }> | undefined;

/** A visible attempt that is not an open assessment: grades and comments on those wait until it ends. */
export function unsealedAttempt(desk: AttemptLookup, viewer: Viewer, attemptId: string): { attempt: AttemptFile; owner: User } {
  const found = visibleAttempt(desk, viewer, attemptId);
  if (isSealed(found.attempt)) {
    throw new MentoringError(
      'FORBIDDEN',
      'This assessment is still open. Its answers can be graded and commented on once the trainee finishes or abandons it.',
    );
  }
  return found;
}

import type { DeskStore } from '../db/desk-store.ts';
import type { AccountService } from '../auth/accounts.ts';
import type { ScenarioCatalog } from '../scenarios/catalog.ts';
import type { SignOff } from '../db/schema.ts';
import { canReview, canSeeTraineeWork, type Viewer } from '../../domain/people/roles.ts';
import type { SignOffInput } from '../../domain/mentoring/feedback.ts';
import { MentoringError } from './mentoring-error.ts';

/** What sign-offs take: where they are kept, the trainees, and the categories of the taxonomy. */
export interface SignOffDeps {
  store: Pick<DeskStore, 'signOffs'>;
  accounts: Pick<AccountService, 'find'>;
  catalog: Pick<ScenarioCatalog, 'taxonomy'>;
}

/** Sign-offs the viewer may see (a lead: their team's), newest first. */
export function visibleSignOffs(desk: Omit<SignOffDeps, 'catalog'>, viewer: Viewer): SignOff[] {
  return desk.store.signOffs
    .list()
    .filter((signOff) => {
      const trainee = desk.accounts.find(signOff.trainee);
      return trainee && canSeeTraineeWork(viewer, trainee);
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * Signs a trainee off for a category with a note: one sign-off per trainee and category, so
 * signing again replaces the note. The readiness policy may require it.
 */
export async function signOff(desk: SignOffDeps, viewer: Viewer, input: SignOffInput, now = new Date()): Promise<SignOff> {
  if (!canReview(viewer)) throw new MentoringError('FORBIDDEN', 'Only senior specialists sign trainees off.');
  const trainee = desk.accounts.find(input.trainee);
  if (!trainee || trainee.role !== 'trainee' || !canSeeTraineeWork(viewer, trainee))
    throw new MentoringError('NOT_FOUND', `There is no trainee "${input.trainee}".`);
  if (!desk.catalog.taxonomy?.categories.some((term) => term.id === input.category))
    throw new MentoringError('BAD_REQUEST', `"${input.category}" is not a category in taxonomy.yaml.`);
  const signed: SignOff = { trainee: trainee.username, category: input.category, by: viewer.username, note: input.note, at: now.toISOString() };
  return desk.store.signOffs.put(signed);
}

/** Withdraws a sign-off given by mistake. */
export async function withdrawSignOff(desk: Pick<SignOffDeps, 'store'>, viewer: Viewer, key: { trainee: string; category: string }): Promise<void> {
  if (!canReview(viewer)) throw new MentoringError('FORBIDDEN', 'Only senior specialists withdraw sign-offs.');
  if (!(await desk.store.signOffs.remove(key))) throw new MentoringError('NOT_FOUND', 'That sign-off does not exist (it may have been withdrawn already).');
}

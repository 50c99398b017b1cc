import type { Desk } from '../desk.ts';
import type { SignOff } from '../db/schema.ts';
import { canReview, canSeeTraineeWork, type Viewer } from '../../domain/people/roles.ts';
import type { SignOffInput } from '../../domain/mentoring/feedback.ts';
import { MentoringError } from './mentoring-error.ts';

/** Sign-offs the viewer may see (a lead: their team's), newest first. */
export function visibleSignOffs(desk: Desk, viewer: Viewer): SignOff[] {
  return desk.store.accounts.data.signOffs
    .filter((signOff) => {
      const trainee = desk.accounts.find(signOff.trainee);
      return trainee && canSeeTraineeWork(viewer, trainee);
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/** Writes the accounts file after `change`, undoing it (with `undo`) if the write fails. */
async function commit(desk: Desk, change: () => void, undo: () => void): Promise<void> {
  change();
  try {
    await desk.store.saveAccounts();
  } catch (error) {
    undo();
    throw error;
  }
}

/**
 * Signs a trainee off for a category with a note: one sign-off per trainee and category, so
 * signing again replaces the note. The readiness policy may require it.
 */
export async function signOff(desk: Desk, viewer: Viewer, input: SignOffInput, now = new Date()): Promise<SignOff> {
  if (!canReview(viewer)) throw new MentoringError('FORBIDDEN', 'Only senior specialists sign trainees off.');
  const trainee = desk.accounts.find(input.trainee);
  if (!trainee || trainee.role !== 'trainee' || !canSeeTraineeWork(viewer, trainee)) throw new MentoringError('NOT_FOUND', `There is no trainee "${input.trainee}".`);
  if (!desk.catalog.taxonomy?.categories.some((term) => term.id === input.category)) throw new MentoringError('BAD_REQUEST', `"${input.category}" is not a category in taxonomy.yaml.`);
  const list = desk.store.accounts.data.signOffs;
  const signed: SignOff = { trainee: trainee.username, category: input.category, by: viewer.username, note: input.note, at: now.toISOString() };
  const index = list.findIndex((entry) => entry.trainee === signed.trainee && entry.category === signed.category);
  const before = index >= 0 ? list[index] : undefined;
  await commit(
    desk,
    () => (before ? list.splice(index, 1, signed) : list.push(signed)),
    () => {
      const at = list.indexOf(signed);
      if (at >= 0) before ? list.splice(at, 1, before) : list.splice(at, 1);
    },
  );
  return signed;
}

/** Withdraws a sign-off given by mistake. */
export async function withdrawSignOff(desk: Desk, viewer: Viewer, key: { trainee: string; category: string }): Promise<void> {
  if (!canReview(viewer)) throw new MentoringError('FORBIDDEN', 'Only senior specialists withdraw sign-offs.');
  const list = desk.store.accounts.data.signOffs;
  const index = list.findIndex((entry) => entry.trainee === key.trainee && entry.category === key.category);
  const entry = list[index];
  if (!entry) throw new MentoringError('NOT_FOUND', 'That sign-off does not exist (it may have been withdrawn already).');
  await commit(desk, () => list.splice(index, 1), () => list.splice(index, 0, entry));
}

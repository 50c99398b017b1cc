import type { Desk } from '../desk.ts';
import type { AttemptFile, User } from '../db/schema.ts';
import { isSealed, openAssessmentOf, type AttemptRef } from '../../domain/progress/open-attempts.ts';
import type { AttemptError } from './attempt-error.ts';
import type { DeskStore } from '../db/desk-store.ts';

/** An open attempt as the scenario page lists it, with where to resume it. */
export interface OpenAttemptView {
  id: string;
  scenarioId: string;
  title: string;
  mode: AttemptFile['mode'];
  started: string;
  resumeHref: string;
}

/** Why a start or an abandon was refused, in words for the trainee, with the open attempts to resume or abandon. */
export interface AttemptRefusalView {
  message: string;
  blocking: OpenAttemptView[];
}

/** Open attempts with their scenario titles, as the page shows them. */
export function openAttemptViews(desk: Desk, refs: readonly AttemptRef[]): OpenAttemptView[] {
  return refs.map((ref) => ({
    id: ref.id,
    scenarioId: ref.scenarioId,
    title: desk.catalog.get(ref.scenarioId)?.scenario.title ?? ref.scenarioId,
    mode: ref.mode,
    started: ref.startedAt.slice(0, 16).replace('T', ' '),
    resumeHref: `/play/${ref.id}`,
  }));
}

const ATTEMPT_CODES: readonly unknown[] = ['NOT_FOUND', 'BAD_REQUEST', 'FORBIDDEN', 'CONFLICT'];

/** A refusal the trainee can read; anything else (a failed write) is not ours to word, so it goes on up. */
const refusalOf = (desk: Desk, error: unknown): AttemptRefusalView => {
  // Recognised by code, not instanceof: the built bundle has its own copy of the class (decision 002).
  if (!ATTEMPT_CODES.includes((error as { code?: unknown }).code)) throw error;
  const { message, refusal } = error as AttemptError;
  return { message, blocking: openAttemptViews(desk, refusal?.blocking ?? []) };
};

/** Starts an attempt for the trainee, or says why not (the open-attempt rules), never a server error. */
export async function startAttempt(
  desk: Desk,
  user: User,
  scenarioId: string,
  mode: AttemptFile['mode'],
): Promise<{ attempt: AttemptFile } | { refused: AttemptRefusalView }> {
  try {
    return { attempt: await desk.attempts.start(user, scenarioId, mode) };
  } catch (error) {
    return { refused: refusalOf(desk, error) };
  }
}

/** Abandons one of the trainee's own open attempts; someone else's id is "not found", as if it did not exist. */
export async function abandonOwnAttempt(desk: Desk, user: User, attemptId: string): Promise<{ attempt: AttemptFile } | { refused: AttemptRefusalView }> {
  const attempt = desk.store.attempts.get(attemptId);
  if (!attempt || attempt.username !== user.username) return { refused: { message: 'There is no such attempt among yours.', blocking: [] } };
  try {
    return { attempt: await desk.attempts.abandon(attempt) };
  } catch (error) {
    return { refused: refusalOf(desk, error) };
  }
}

/** The trainee's open assessment of a scenario, which keeps practice on it closed; undefined when there is none. */
export function sealingAssessment(desk: Desk, username: string, scenarioId: string): OpenAttemptView | undefined {
  const open = openAssessmentOf(desk.store.attempts.of(username), scenarioId);
  return open ? openAttemptViews(desk, [open])[0] : undefined;
}

/**
 * Why the viewer may not see an attempt's debrief yet, or undefined when they may: an open assessment
 * is sealed to everyone, and while a trainee's assessment of a scenario is open their other debriefs of
 * it (which show its key) are closed to them.
 */
export function debriefSeal(desk: { store: Pick<DeskStore, 'attempts'> }, viewerUsername: string, attempt: AttemptFile): string | undefined {
  const mine = viewerUsername === attempt.username;
  if (isSealed(attempt)) {
    return mine
      ? 'This assessment is still open. Its debrief opens when you finish or abandon it.'
      : 'This assessment is still open. Its decisions, score and verdicts stay sealed until the trainee finishes or abandons it.';
  }
  const open = mine ? openAssessmentOf(desk.store.attempts.of(viewerUsername), attempt.scenarioId) : undefined;
  if (open) return 'Your assessment of this scenario is open, so your debriefs of it are closed until it ends: they show the answers it asks for.';
  return undefined;
}

import type { AccountService } from '../auth/accounts.ts';
import type { AttemptService } from '../attempts/attempt-service.ts';
import type { AttemptFile, DecisionComment, User } from '../db/schema.ts';
import type { LoadedScenario, ScenarioCatalog } from '../scenarios/catalog.ts';
import { addComment } from './comment-service.ts';
import { readCommentForm, readReviewForm } from './mentoring-forms.ts';
import { MentoringError, statusOf } from './mentoring-error.ts';
import { saveReview, type ReviewDeps } from './review-service.ts';
import { visibleAttempt } from './visible-attempt.ts';
import { attemptOutcome, awaitsReviewOnly, type AttemptOutcome } from '../../domain/progress/attempt-outcome.ts';
import { debriefSeal } from '../attempts/open-attempts.ts';
import { canAddToThread } from '../../domain/mentoring/feedback.ts';
import { canReview, type Viewer } from '../../domain/people/roles.ts';
import type { Debrief } from '../../domain/view/debrief.ts';

/** What the debrief page reads and writes: the attempts, their owners, the attempt service and the taxonomy's labels. */
export interface DebriefDeps extends ReviewDeps {
  accounts: Pick<AccountService, 'find'>;
  attempts: Pick<AttemptService, 'run' | 'debrief'>;
  catalog: Pick<ScenarioCatalog, 'labels'>;
}

/** Everything the debrief page renders for one viewer. */
export interface DebriefView {
  attempt: AttemptFile;
  owner: User;
  debrief: Debrief;
  loaded: LoadedScenario;
  outcome: AttemptOutcome;
  /** A senior's review of a written answer is all that stands between this attempt and a pass. */
  awaitingReview: boolean;
  /** The drawn variant's title, for seniors and leads; a trainee never sees which variant they drew. */
  variantTitle?: string;
  /** The viewer is the trainee who made the attempt. */
  mine: boolean;
  /** The viewer grades written answers here (a senior, not on their own attempt). */
  grader: boolean;
  /** The refusal of a form just posted, shown above the debrief with `status`. */
  formError?: string;
  status: number;
  comments(stepId: string): DecisionComment[];
  /** The viewer may add to the thread on this decision. */
  threadOpen(stepId: string): boolean;
  nameOf(username: string): string;
}

export type DebriefPage = { kind: 'not-found' } | { kind: 'redirect'; location: string } | ({ kind: 'page' } & DebriefView);

/** Applies a posted review or comment; the step to return to, or the refusal. */
async function applyForm(desk: DebriefDeps, viewer: Viewer, attempt: AttemptFile, form: FormData): Promise<{ stepId: string } | { error: MentoringError }> {
  form.set('attemptId', attempt.id);
  try {
    if (form.get('intent') === 'review') {
      const input = readReviewForm(form);
      if (!input.ok) throw new MentoringError('BAD_REQUEST', input.message);
      await saveReview(desk, viewer, input.value);
      return { stepId: input.value.stepId };
    }
    const input = readCommentForm(form);
    if (!input.ok) throw new MentoringError('BAD_REQUEST', input.message);
    return { stepId: (await addComment(desk, viewer, input.value)).stepId };
  } catch (failure) {
    if (!(failure instanceof MentoringError)) throw failure;
    return { error: failure };
  }
}

/**
 * The debrief of an attempt the viewer may see: a finished attempt's path beside the senior's, with
 * reviews and comment threads. A posted grade or comment is applied first (each service checks who may
 * do what); the trainee's own visit marks their feedback seen. A trainee mid-case goes back to the case.
 * The form (a POST's) is read only once the attempt is found: a not-found page is a rewrite, which needs the body unread.
 */
export async function debriefPage(desk: DebriefDeps, viewer: Viewer, attemptId: string, readForm?: () => Promise<FormData>): Promise<DebriefPage> {
  let found: ReturnType<typeof visibleAttempt>;
  try {
    found = visibleAttempt(desk, viewer, attemptId);
  } catch (failure) {
    if (failure instanceof MentoringError) return { kind: 'not-found' };
    throw failure;
  }
  const { attempt, owner } = found;
  const mine = viewer.username === attempt.username;
  // The key is shown only once the case is over.
  if (!attempt.finishedAt && mine) return { kind: 'redirect', location: `/play/${attempt.id}` };
  // An open assessment, and a trainee's other debriefs of a scenario while its assessment is open, are sealed.
  if (debriefSeal(desk, viewer.username, attempt)) return { kind: 'redirect', location: `/attempts/${attempt.id}/sealed` };
  let formError: string | undefined;
  let status = 200;
  if (readForm) {
    const result = await applyForm(desk, viewer, attempt, await readForm());
    if ('stepId' in result) return { kind: 'redirect', location: `/attempts/${attempt.id}#step-${encodeURIComponent(result.stepId)}` };
    status = statusOf(result.error);
    formError = result.error.message;
  }
  if (mine && attempt.unseenFeedback) {
    await desk.store.attempts.update(attempt.id, (stored) => {
      stored.unseenFeedback = false;
    });
  }
  const { debrief, loaded } = await desk.attempts.debrief(attempt);
  const comments = (stepId: string) => attempt.comments.filter((comment) => comment.stepId === stepId);
  return {
    kind: 'page',
    attempt,
    owner,
    debrief,
    loaded,
    outcome: attemptOutcome({ finishedAt: attempt.finishedAt, abandonedAt: attempt.abandonedAt, mode: attempt.mode, score: debrief.score }),
    awaitingReview: Boolean(attempt.finishedAt) && !attempt.abandonedAt && awaitsReviewOnly(debrief.score),
    variantTitle: !mine && loaded.scenario.variant ? loaded.variants.find((variant) => variant.id === loaded.scenario.variant)?.title : undefined,
    mine,
    grader: canReview(viewer) && !mine,
    formError,
    status,
    comments,
    threadOpen: (stepId) => canAddToThread(viewer, owner, comments(stepId)),
    nameOf: (username) => desk.accounts.find(username)?.name ?? username,
  };
}

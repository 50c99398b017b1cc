import { randomBytes } from 'node:crypto';
import type { DecisionComment } from '../db/schema.ts';
import { canAddToThread, type CommentInput } from '../../domain/mentoring/feedback.ts';
import type { Viewer } from '../../domain/people/roles.ts';
import { canSeeTraineeWork } from '../../domain/people/roles.ts';
import { MentoringError } from './mentoring-error.ts';
import { answerAt, unsealedAttempt, type AttemptLookup } from './visible-attempt.ts';

/**
 * Adds a comment to the thread on one decision. Seniors and leads who may see the attempt start
 * threads; the trainee replies to them. A comment from anyone but the trainee raises their notice.
 */
export async function addComment(desk: AttemptLookup, viewer: Viewer, input: CommentInput, now = new Date()): Promise<DecisionComment> {
  const { attempt, owner } = unsealedAttempt(desk, viewer, input.attemptId);
  if (!answerAt(attempt, input.stepId)) throw new MentoringError('BAD_REQUEST', 'Comments go on a decision the attempt made; that step was not answered.');
  const thread = attempt.comments.filter((comment) => comment.stepId === input.stepId);
  if (!canAddToThread(viewer, owner, thread)) {
    throw new MentoringError(
      'FORBIDDEN',
      viewer.username === owner.username
        ? 'You can reply once a senior or your lead has commented on this decision.'
        : "Only seniors and team leads comment on trainees' decisions.",
    );
  }
  const comment: DecisionComment = {
    id: `c-${randomBytes(6).toString('hex')}`,
    stepId: input.stepId,
    author: viewer.username,
    text: input.text,
    at: now.toISOString(),
  };
  await desk.store.attempts.update(attempt.id, (stored) => {
    stored.comments.push(comment);
    if (viewer.username !== owner.username) stored.unseenFeedback = true;
  });
  return comment;
}

/** A thread whose last word is the trainee's: a reply waiting for an answer. */
export interface OpenReply {
  attemptId: string;
  scenarioId: string;
  stepId: string;
  trainee: string;
  text: string;
  at: string;
}

/** Trainee replies nobody has answered yet, oldest first, among the attempts the viewer may see. */
export function openReplies(desk: AttemptLookup, viewer: Viewer): OpenReply[] {
  const replies: OpenReply[] = [];
  for (const attempt of desk.store.attempts.all()) {
    if (!attempt.comments.length) continue;
    const owner = desk.accounts.find(attempt.username);
    if (!owner || !canSeeTraineeWork(viewer, owner) || viewer.username === owner.username) continue;
    const last = new Map<string, DecisionComment>();
    for (const comment of attempt.comments) last.set(comment.stepId, comment);
    for (const comment of last.values()) {
      if (comment.author === owner.username)
        replies.push({
          attemptId: attempt.id,
          scenarioId: attempt.scenarioId,
          stepId: comment.stepId,
          trainee: owner.username,
          text: comment.text,
          at: comment.at,
        });
    }
  }
  return replies.sort((a, b) => a.at.localeCompare(b.at));
}

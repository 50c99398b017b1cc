import { z } from 'zod';
import type { Viewer } from '../people/roles.ts';
import { canComment } from '../people/roles.ts';

/** The longest comment or review note accepted, in characters. */
export const MAX_COMMENT = 2000;

const ref = z.string().trim().min(1).max(100);

/** A senior's grade of one written answer, as the review form sends it. */
export const reviewInputSchema = z.strictObject({
  attemptId: ref,
  stepId: ref,
  /** Indexes of the rubric lines met, from 0. */
  met: z.array(z.coerce.number().int().min(0).max(49)).max(50),
  comment: z.string().trim().max(MAX_COMMENT, `Keep the comment under ${MAX_COMMENT} characters.`),
});
export type ReviewInput = z.output<typeof reviewInputSchema>;

/** A comment on one decision of an attempt, as the debrief's form sends it. */
export const commentInputSchema = z.strictObject({
  attemptId: ref,
  stepId: ref,
  text: z.string().trim().min(1, 'Write a comment before you send it.').max(MAX_COMMENT, `Keep the comment under ${MAX_COMMENT} characters.`),
});
export type CommentInput = z.output<typeof commentInputSchema>;

/** A sign-off of a trainee for a category, as the sign-off form sends it. */
export const signOffInputSchema = z.strictObject({
  trainee: ref,
  category: ref,
  note: z
    .string()
    .trim()
    .min(1, 'Say in a line what you saw: the note is what a lead reads.')
    .max(MAX_COMMENT, `Keep the note under ${MAX_COMMENT} characters.`),
});
export type SignOffInput = z.output<typeof signOffInputSchema>;

/**
 * Who may add to the thread on a decision: seniors and leads who may see the attempt start one; the
 * trainee replies on their own attempt where someone else has already commented.
 */
export function canAddToThread(viewer: Viewer, owner: { username: string; team?: string }, thread: readonly { author: string }[]): boolean {
  if (viewer.username === owner.username) return thread.some((comment) => comment.author !== owner.username);
  return viewer.role !== 'trainee' && canComment(viewer, owner);
}

import type { z } from 'zod';
import {
  reviewInputSchema,
  commentInputSchema,
  signOffInputSchema,
  type ReviewInput,
  type CommentInput,
  type SignOffInput,
} from '../../domain/mentoring/feedback.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const parse = <T>(schema: z.ZodType<T, unknown>, value: unknown): Parsed<T> => {
  const result = schema.safeParse(value);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, message: result.error.issues[0]?.message ?? 'The form was not filled in as expected.' };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

/** The review form's fields, checked. */
export const readReviewForm = (form: FormData): Parsed<ReviewInput> =>
  parse(reviewInputSchema, {
    attemptId: text(form, 'attemptId'),
    stepId: text(form, 'stepId'),
    met: form.getAll('met').map(String),
    comment: text(form, 'comment'),
  });

/** The comment form's fields, checked. */
export const readCommentForm = (form: FormData): Parsed<CommentInput> =>
  parse(commentInputSchema, { attemptId: text(form, 'attemptId'), stepId: text(form, 'stepId'), text: text(form, 'text') });

/** The sign-off form's fields, checked. */
export const readSignOffForm = (form: FormData): Parsed<SignOffInput> =>
  parse(signOffInputSchema, { trainee: text(form, 'trainee'), category: text(form, 'category'), note: text(form, 'note') });

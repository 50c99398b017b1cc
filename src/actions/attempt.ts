import { defineAction, ActionError } from 'astro:actions';
import { z } from 'zod';
import { MAX_WRITTEN_ANSWER, answerSchema } from '../domain/engine/answer.ts';
import { viewUpdate } from '../domain/view/view-update.ts';
import { getDesk } from '../server/desk.ts';
import { requireUser, toActionError } from './action-errors.ts';

const attemptRef = {
  attemptId: z.string().min(1).max(80),
  stepId: z.string().min(1).max(100),
  /** Documents the browser already shows: only the others are sent back. */
  knownDocuments: z.array(z.string().min(1).max(100)).max(100).default([]),
};

/** The trainee's own attempt: another user's id answers 404, as if it did not exist. */
async function ownAttempt(context: Parameters<typeof requireUser>[0], attemptId: string) {
  const user = requireUser(context);
  const desk = await getDesk();
  const attempt = desk.store.attempts.get(attemptId);
  if (!attempt || attempt.username !== user.username) {
    throw new ActionError({ code: 'NOT_FOUND', message: 'There is no such attempt among yours.' });
  }
  return { desk, attempt };
}

export const attempt = {
  /** Applies an answer on the server, stores it durably, and only then answers with the new view. */
  answer: defineAction({
    input: z.strictObject({ ...attemptRef, answer: answerSchema }),
    handler: async (input, context) => {
      const { desk, attempt } = await ownAttempt(context, input.attemptId);
      const { outcome, view } = await desk.attempts.answer(attempt, input.stepId, input.answer).catch(toActionError);
      return { outcome, view: viewUpdate(view, input.knownDocuments) };
    },
  }),
  /** Keeps the written answer being drafted on the server, as the trainee types. */
  draft: defineAction({
    input: z.strictObject({
      attemptId: attemptRef.attemptId,
      stepId: attemptRef.stepId,
      text: z.string().max(MAX_WRITTEN_ANSWER, `A written answer holds at most ${MAX_WRITTEN_ANSWER} characters.`),
    }),
    handler: async (input, context) => {
      const { desk, attempt } = await ownAttempt(context, input.attemptId);
      return desk.attempts.saveDraft(attempt, input.stepId, input.text).catch(toActionError);
    },
  }),
  /** Opens the current step's hint, in practice mode. */
  hint: defineAction({
    input: z.strictObject(attemptRef),
    handler: async (input, context) => {
      const { desk, attempt } = await ownAttempt(context, input.attemptId);
      return { view: viewUpdate(await desk.attempts.hint(attempt, input.stepId).catch(toActionError), input.knownDocuments) };
    },
  }),
};

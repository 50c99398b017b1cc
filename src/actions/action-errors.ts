import { ActionError } from 'astro:actions';
import type { ActionAPIContext } from 'astro:actions';
import type { User } from '../server/db/schema.ts';

/** The signed-in user, or the 401 an action answers without one. */
export function requireUser(context: ActionAPIContext): User {
  const user = context.locals.user;
  if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'Your session has ended. Log in again to continue.' });
  return user;
}

/**
 * Turns a service error into an action error: known problems keep their message (written for the
 * user); anything else is logged here and the browser gets a generic sentence, never internal text.
 */
export function toActionError(error: unknown): never {
  if (error instanceof ActionError) throw error;
  const code = (error as { code?: unknown }).code;
  const message = (error as Error).message;
  if (code === 'NOT_FOUND' || code === 'BAD_REQUEST' || code === 'FORBIDDEN' || code === 'CONFLICT') {
    throw new ActionError({ code, message });
  }
  console.error('Action failed:', error);
  throw new ActionError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side and nothing was saved. Try again in a moment.' });
}

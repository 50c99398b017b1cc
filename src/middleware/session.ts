import { defineMiddleware } from 'astro:middleware';
import { getDesk } from '../server/desk.ts';
import { SESSION_COOKIE } from '../server/auth/sessions.ts';

/** Fills `locals.user` from the session cookie; authorization itself happens in each page and action. */
export const loadSession = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const token = context.cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const desk = await getDesk();
    const user = desk.sessions.userFor(token);
    if (user) {
      context.locals.user = user;
      context.locals.sessionToken = token;
    }
  }
  return next();
});

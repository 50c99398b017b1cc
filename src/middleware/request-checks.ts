import { defineMiddleware } from 'astro:middleware';
import { getDesk } from '../server/desk.ts';
import { malformedActionBody, writeRateRefusal } from '../server/http/request-checks.ts';

/**
 * Refuses writes past an account's rate (429) before any page runs, and answers an action whose JSON body
 * does not parse with 400 instead of Astro's 500 (caught as it happens, so a good body is parsed once).
 */
export const requestChecks = defineMiddleware(async (context, next) => {
  if (context.isPrerendered || context.request.method !== 'POST') return next();
  const pathname = context.url.pathname;
  const refusal = writeRateRefusal(await getDesk(), context.locals.user, context.request.method, pathname);
  if (refusal) return refusal;
  try {
    return await next();
  } catch (error) {
    const bad = malformedActionBody(error, pathname);
    if (!bad) throw error;
    return bad;
  }
});

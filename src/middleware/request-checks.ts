import { defineMiddleware } from 'astro:middleware';
import { getDesk } from '../server/desk.ts';
import { malformedActionBody, writeRateRefusal } from '../server/http/request-checks.ts';

/** Refuses an action body that is not JSON (400) and writes past an account's rate (429), before any page or action runs. */
export const requestChecks = defineMiddleware(async (context, next) => {
  if (context.isPrerendered || context.request.method !== 'POST') return next();
  const pathname = context.url.pathname;
  const refusal =
    (await malformedActionBody(context.request, pathname)) ??
    writeRateRefusal(await getDesk(), context.locals.user, context.request.method, pathname);
  return refusal ?? next();
});

import type { User } from '../db/schema.ts';
import type { Desk } from '../desk.ts';
import { routeFor } from './routes.ts';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * A 400 in the shape Astro's action client reads, for the error an action's body that is not JSON throws
 * (Astro itself would answer 500 with the parser's text); undefined for any other error.
 */
export function malformedActionBody(error: unknown, pathname: string): Response | undefined {
  if (!pathname.startsWith('/_actions/') || (error as Error | undefined)?.name !== 'SyntaxError') return undefined;
  const message = "The request body is not valid JSON. Send the action's input as a JSON object.";
  return new Response(JSON.stringify({ type: 'AstroActionError', code: 'BAD_REQUEST', status: 400, message }), {
    status: 400,
    headers: { 'Content-Type': 'application/json', ...noStore },
  });
}

const page = (title: string, message: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Exception Desk</title></head><body><main><h1>${title}</h1><p>${message}</p><p><a href="/">Go to your start page</a></p></main></body></html>`;

/**
 * A 429 with Retry-After when a signed-in account posts one kind of repeatable write faster than the
 * limit (decision 009); undefined when the write may go on.
 */
export function writeRateRefusal(desk: Desk, user: User | undefined, method: string, pathname: string): Response | undefined {
  if (!user || method !== 'POST') return undefined;
  const { writes } = routeFor(pathname);
  if (!writes) return undefined;
  const wait = desk.writeRate.take(user.username, writes);
  if (wait === 0) return undefined;
  const limit = desk.config.DESK_WRITE_LIMIT;
  const message = `Too many ${writes} in a short time: each account may make ${limit} a minute. Nothing was saved. Wait ${wait} second${wait === 1 ? '' : 's'}, then go back and try again.`;
  return new Response(page('Slow down', message), {
    status: 429,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(wait), ...noStore },
  });
}

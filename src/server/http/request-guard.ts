import type { IncomingMessage, ServerResponse } from 'node:http';
import { hashThreadsBusy } from '../auth/hash-threads.ts';
import { LARGEST_BODY_BYTES, routeFor } from './routes.ts';

/** The largest request body the server reads for forms and actions; a route may name its own (routes.ts). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** What astro.config.mjs gives Astro's adapter: the largest any route takes; each route's own is enforced here first. */
export const ADAPTER_BODY_LIMIT_BYTES = Math.max(BODY_LIMIT_BYTES, LARGEST_BODY_BYTES);

const refuse = (response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}, json = false) =>
  response
    .writeHead(status, {
      'Content-Type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...headers,
    })
    .end(json ? JSON.stringify({ error: message }) : `${message}\n`);

const tooLarge = (response: ServerResponse, limit: number, json: boolean) =>
  refuse(response, 413, `The request body is larger than the ${Math.round(limit / 1024)} KB this address accepts. Send less.`, { Connection: 'close' }, json);

/**
 * What the Node server checks before a request reaches the static files or Astro: the method the path
 * serves (405 with Allow otherwise; OPTIONS answers with Allow), a login while every password thread is
 * busy (429), and the body's size (413, whether it is
 * declared in Content-Length or sent in chunks). A chunked body within the limit is read here and handed
 * on whole (Astro's Node adapter takes `request.body` when it is set). Returns whether to go on.
 */
export function admitRequest(request: IncomingMessage, response: ServerResponse): boolean | Promise<boolean> {
  const method = request.method ?? 'GET';
  const pathname = (request.url ?? '/').split('?')[0] ?? '/';
  const route = routeFor(pathname);
  const allowed = route.methods;
  const json = route.json ?? false;
  if (!allowed.includes(method)) {
    const allow = allowed.join(', ');
    if (method === 'OPTIONS') response.writeHead(204, { Allow: allow }).end();
    else refuse(response, 405, `${pathname} does not take ${method.slice(0, 20)} requests; it takes ${allow}.`, { Allow: allow }, json);
    return false;
  }
  if (method === 'GET' || method === 'HEAD') return true;
  if (busyLogin(pathname, response)) return false;
  const limit = route.bodyLimit ?? BODY_LIMIT_BYTES;
  const declared = request.headers['content-length'];
  if (declared !== undefined) {
    if (Number(declared) > limit) {
      tooLarge(response, limit, json);
      return false;
    }
    return true;
  }
  if (request.headers['transfer-encoding'] === undefined) return true;
  return readChunked(request, response, limit, json);
}

const BUSY_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Log in · Exception Desk</title></head><body><main><h1>Log in</h1>' +
  '<p>The server is checking many logins at this moment. Try again in a second.</p><p><a href="/login">Back to the login form</a></p></main></body></html>';

/**
 * A login while every password thread is busy would be refused anyway (decision 008): refused here, before
 * Astro reads or renders anything, so a flood of them costs the main thread next to nothing.
 */
function busyLogin(pathname: string, response: ServerResponse): boolean {
  if ((pathname !== '/login' && pathname !== '/login/') || !hashThreadsBusy()) return false;
  response
    .writeHead(429, {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': '1',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    })
    .end(BUSY_PAGE);
  return true;
}

function readChunked(request: IncomingMessage, response: ServerResponse, limit: number, json: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      chunks.length = 0;
      // The rest is read and dropped, and the answer sent once the client has finished sending: answering
      // (and closing) while it still writes would reach it as a broken pipe instead of a 413.
      request.resume();
      request.once('end', () => tooLarge(response, limit, json));
      resolve(false);
    };
    request.on('data', onData);
    request.once('end', () => {
      if (size > limit) return;
      (request as IncomingMessage & { body?: Buffer }).body = Buffer.concat(chunks);
      resolve(true);
    });
    request.once('error', () => resolve(false));
  });
}

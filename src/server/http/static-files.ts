import { readdirSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

/** Hashed build output: its name changes with its content, so browsers may keep it for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else in public/ (the favicon): an hour, then revalidated with its ETag. */
const FOR_AN_HOUR = 'public, max-age=3600';

/** URL path to file, for every file under the folder, listed once. */
function listFiles(clientDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(`/${path.relative(clientDir, full).split(path.sep).join('/')}`, full);
    }
  };
  walk(clientDir);
  return files;
}

/**
 * The built client files (decision 003): which paths are files is listed once at start, so every other
 * request goes straight to the app without a file-system lookup; a listed file is served by sirv, with
 * ETag, 304 and byte ranges. Returns whether it took the request.
 */
export function staticFiles(clientDir: string): (request: IncomingMessage, response: ServerResponse) => boolean {
  const files = listFiles(clientDir);
  const serve = sirv(clientDir, { etag: true, extensions: [], dotfiles: false });
  const gone = (pathname: string, response: ServerResponse) => {
    files.delete(pathname);
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
  };
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    const file = files.get(pathname);
    if (!file) return false;
    // A rebuild under a running server can remove a listed file: it answers 404, never crashes.
    void stat(file).then(
      () => {
        response.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? IMMUTABLE : FOR_AN_HOUR);
        response.setHeader('X-Content-Type-Options', 'nosniff');
        // Removed between that check and the read: the response is cut short, the server goes on.
        response.once('pipe', (source: NodeJS.ReadableStream) => source.once('error', () => response.destroy()));
        serve(request, response, () => gone(pathname, response));
      },
      () => gone(pathname, response),
    );
    return true;
  };
}

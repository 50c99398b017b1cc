import { createReadStream, readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

interface StaticFile {
  file: string;
  type: string;
  size: number;
  immutable: boolean;
}

/**
 * The built client files, listed once at start: a request for one of them is answered from this map,
 * and every other request goes straight to the app without a file-system lookup (see DECISIONS.md).
 */
export function staticFiles(clientDir: string): (request: IncomingMessage, response: ServerResponse) => boolean {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const stats = statSync(full);
      if (stats.isDirectory()) walk(full);
      else {
        const url = `/${path.relative(clientDir, full).split(path.sep).join('/')}`;
        files.set(url, { file: full, type: TYPES[path.extname(name)] ?? 'application/octet-stream', size: stats.size, immutable: url.startsWith('/_astro/') });
      }
    }
  };
  walk(clientDir);
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    const found = files.get(pathname);
    if (!found) return false;
    const head = () =>
      response.writeHead(200, {
        'Content-Type': found.type,
        'Content-Length': found.size,
        'Cache-Control': found.immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
      });
    if (request.method === 'HEAD') {
      head().end();
      return true;
    }
    // A rebuild under a running server can remove a listed file: answer 404 or cut the response, never crash.
    createReadStream(found.file)
      .on('open', head)
      .on('error', () => {
        files.delete(pathname);
        if (!response.headersSent) response.writeHead(404).end();
        else response.destroy();
      })
      .pipe(response);
    return true;
  };
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROUTES, routeFor } from '../../../src/server/http/routes.ts';

const pagesDir = new URL('../../../src/pages/', import.meta.url).pathname;

/** Each page or endpoint under src/pages as Astro names its route, with the methods its code serves. */
async function servedRoutes(): Promise<Map<string, string[]>> {
  const served = new Map<string, string[]>();
  for (const entry of await readdir(pagesDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const route =
      `/${path
        .relative(pagesDir, file)
        .replace(/\.(astro|ts)$/, '')
        .replace(/(^|\/)index$/, '')}`.replace(/\/$/, '') || '/';
    const source = await readFile(file, 'utf8');
    const methods = entry.name.endsWith('.astro')
      ? // A page takes posts when it reads the method itself, or hands authorizeReviewer or authorizeAuthorForm a form handler.
        [
          'GET',
          'HEAD',
          ...(source.includes("Astro.request.method === 'POST'") || /authorize(Reviewer|AuthorForm)\(\s*Astro,\s*async/.test(source) ? ['POST'] : []),
        ]
      : [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].flatMap((match) => (match[1] === 'GET' ? ['GET', 'HEAD'] : [match[1]!]));
    served.set(route, methods);
  }
  return served;
}

describe('the route table', () => {
  test('names exactly the methods each page and endpoint serves', async () => {
    const served = await servedRoutes();
    for (const [route, methods] of served)
      expect({ route, methods: [...routeFor(route.replace(/\[\w+\]/g, 'x')).methods].sort() }).toEqual({ route, methods: [...methods].sort() });
    for (const route of Object.keys(ROUTES).filter((name) => !name.startsWith('/_actions/')))
      expect(served.has(route), `${route} is in the table but not in src/pages`).toBe(true);
  });

  test('a trailing slash and a concrete id match their route; other paths take GET and HEAD', () => {
    expect(routeFor('/train/same-po-two-doors/').route).toBe('/train/[id]');
    expect(routeFor('/_actions/attempt.answer').methods).toEqual(['POST']);
    expect(routeFor('/train/a/b').methods).toEqual(['GET', 'HEAD']);
  });
});

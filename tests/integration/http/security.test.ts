import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeDataDir } from '../../bench/data.ts';
import { startServer, type RunningServer } from '../../support/server.ts';

type Who = 'none' | 'trainee' | 'senior' | 'lead';
const USERS: Record<Exclude<Who, 'none'>, string> = { trainee: 'emma', senior: 'sam', lead: 'lena' };
const PASSWORD = 'practice-desk';

let server: RunningServer;
let dir: string;
const cookies: Partial<Record<Who, string>> = {};
let otherAttempt = '';

async function logIn(username: string, password = PASSWORD, origin?: string) {
  const response = await request(`${server.base}/login`, {
    method: 'POST',
    headers: { origin: origin ?? server.base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }).toString(),
  });
  return { status: response.statusCode, cookie: String(response.headers['set-cookie'] ?? ''), text: await response.body.text() };
}

async function get(pathname: string, who: Who) {
  const response = await request(`${server.base}${pathname}`, { headers: cookies[who] ? { cookie: cookies[who] } : {} });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-security-'));
  server = await startServer(dir, 4731, true);
  for (const [role, username] of Object.entries(USERS)) cookies[role as Who] = (await logIn(username)).cookie.split(';')[0];
  const progress = await get('/progress', 'trainee');
  void progress;
  const ava = (await logIn('ava')).cookie.split(';')[0];
  const avaProgress = await request(`${server.base}/progress`, { headers: { cookie: ava ?? '' } });
  otherAttempt = /href="\/attempts\/([^"]+)"/.exec(await avaProgress.body.text())?.[1] ?? '';
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Every page and endpoint, and the status each caller gets: 303 is the way to the login page. */
const ROUTES: [string, Record<Who, number>][] = [
  ['/train', { none: 303, trainee: 200, senior: 403, lead: 403 }],
  ['/train/same-po-two-doors', { none: 303, trainee: 200, senior: 403, lead: 403 }],
  ['/progress', { none: 303, trainee: 200, senior: 403, lead: 403 }],
  ['/playbooks', { none: 303, trainee: 200, senior: 200, lead: 200 }],
  ['/playbooks/glossary', { none: 303, trainee: 200, senior: 200, lead: 200 }],
  ['/team', { none: 303, trainee: 403, senior: 403, lead: 200 }],
  ['/team/ava', { none: 303, trainee: 403, senior: 403, lead: 200 }],
  ['/team/assignments', { none: 303, trainee: 403, senior: 403, lead: 200 }],
  ['/team/export.csv', { none: 303, trainee: 403, senior: 403, lead: 200 }],
  ['/team/export.xapi.json', { none: 303, trainee: 403, senior: 403, lead: 200 }],
  ['/review', { none: 303, trainee: 403, senior: 200, lead: 200 }],
  ['/review/sign-offs', { none: 303, trainee: 403, senior: 200, lead: 200 }],
  ['/author', { none: 303, trainee: 403, senior: 200, lead: 200 }],
  ['/author/same-po-two-doors', { none: 303, trainee: 403, senior: 200, lead: 200 }],
  ['/author/same-po-two-doors/analysis', { none: 303, trainee: 403, senior: 200, lead: 200 }],
  ['/author/same-po-two-doors/playtest', { none: 303, trainee: 403, senior: 200, lead: 403 }],
  ['/author/new', { none: 303, trainee: 403, senior: 200, lead: 403 }],
  ['/author/same-po-two-doors/review', { none: 303, trainee: 403, senior: 200, lead: 200 }],
  ['/author/same-po-two-doors/history', { none: 303, trainee: 403, senior: 200, lead: 200 }],
  ['/author/same-po-two-doors/source.yaml', { none: 303, trainee: 403, senior: 200, lead: 200 }],
  ['/author/same-po-two-doors/draft.json', { none: 401, trainee: 403, senior: 200, lead: 403 }],
  // No draft of it exists: a draft playtest has nothing to play.
  ['/author/same-po-two-doors/playtest?draft=1', { none: 303, trainee: 403, senior: 404, lead: 403 }],
];

describe('every route against every role', () => {
  for (const [route, expected] of ROUTES) {
    test(route, async () => {
      const statuses = Object.fromEntries(await Promise.all((Object.keys(expected) as Who[]).map(async (who) => [who, (await get(route, who)).status])));
      expect(statuses).toEqual(expected);
    });
  }

  test("another trainee's attempt is not found for a trainee, and visible to the senior and the team's lead", async () => {
    expect(otherAttempt).not.toBe('');
    const statuses = Object.fromEntries(
      await Promise.all((['none', 'trainee', 'senior', 'lead'] as Who[]).map(async (who) => [who, (await get(`/attempts/${otherAttempt}`, who)).status])),
    );
    expect(statuses).toEqual({ none: 303, trainee: 404, senior: 200, lead: 200 });
  });
});

describe('sessions and headers', () => {
  test('the session cookie is HttpOnly, SameSite=Lax and scoped to the site', async () => {
    const { cookie } = await logIn('farid');
    expect(cookie).toMatch(/^desk_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
  });

  test('a cross-origin form post is refused', async () => {
    const result = await logIn('farid', PASSWORD, 'http://evil.example');
    expect(result.status).toBe(403);
    expect(result.cookie).toBe('');
  });

  test('wrong passwords slow an account down from that address, even for the right password, and say for how long', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) statuses.push((await logIn('chloe', 'wrong password!')).status);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toContain(429);
    const blocked = await logIn('chloe');
    expect(blocked.status).toBe(429);
    expect(blocked.text).toMatch(/Too many failed attempts for this account from your address. Try again in \d+ seconds?\./);
  });

  test('security headers on every page, and no caching of authenticated pages', async () => {
    const login = await get('/login', 'none');
    const page = await get('/train', 'trainee');
    for (const response of [login, page]) {
      expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
    }
    expect(page.headers['cache-control']).toBe('no-store');
  });
});

describe('behind a proxy that ends TLS', () => {
  test('with an https public address the session cookie is marked Secure', async () => {
    const proxied = await mkdtemp(path.join(os.tmpdir(), 'desk-proxied-'));
    await makeDataDir(proxied, [], 1, 0);
    const behindProxy = await startServer(proxied, 4732, false, { DESK_PUBLIC_URL: 'https://desk.example.com/' });
    try {
      const response = await request(`${behindProxy.base}/login`, {
        method: 'POST',
        headers: { origin: behindProxy.base, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 't0000', password: 'bench-password' }).toString(),
      });
      await response.body.dump();
      const cookie = String(response.headers['set-cookie'] ?? '');
      expect(cookie).toMatch(/^desk_session=/);
      expect(cookie).toContain('Secure');
    } finally {
      await behindProxy.stop();
      await rm(proxied, { recursive: true, force: true });
    }
  }, 60_000);
});

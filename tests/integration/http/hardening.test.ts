import { execFile } from 'node:child_process';
import { chmod, lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ScenarioCatalog } from '../../../src/server/scenarios/catalog.ts';
import { defaultLibraryPaths } from '../../../src/server/scenarios/library-files.ts';
import { makeDataDir, type BenchUser } from '../../bench/data.ts';
import { startServer, type RunningServer } from '../../support/server.ts';

const root = new URL('../../../', import.meta.url).pathname;
const SCENARIO = 'same-po-two-doors';
const WRITE_LIMIT = 5;
/** What an answer must never show: a stack frame or the name of an internal error. */
const INTERNAL = /\bat \S+ \(|TypeError|SyntaxError|RangeError|Unexpected token|JSON\.parse|exceeded/;

let server: RunningServer;
let dir: string;
let users: BenchUser[];
let lead: BenchUser;

const cookie = (user: BenchUser) => `desk_session=${user.token}`;

async function send(
  pathname: string,
  options: { method?: string; user?: BenchUser; type?: string; body?: string | Readable; headers?: Record<string, string> } = {},
) {
  const response = await request(`${server.base}${pathname}`, {
    method: (options.method ?? 'GET') as 'GET',
    headers: {
      origin: server.base,
      ...(options.type ? { 'content-type': options.type } : {}),
      ...(options.user ? { cookie: cookie(options.user) } : {}),
      ...options.headers,
    },
    body: options.body,
  });
  const text = await response.body.text();
  return { status: response.statusCode, headers: response.headers, text };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** Every entry under a folder with its permission bits, the folder included. */
async function modes(folder: string): Promise<Map<string, { dir: boolean; mode: number }>> {
  const found = new Map([[folder, { dir: true, mode: (await lstat(folder)).mode & 0o777 }]]);
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    found.set(full, { dir: entry.isDirectory(), mode: (await lstat(full)).mode & 0o777 });
  }
  return found;
}

const loose = async (folder: string) =>
  [...(await modes(folder))].filter(([, entry]) => entry.mode !== (entry.dir ? 0o700 : 0o600)).map(([name, entry]) => `${name} ${entry.mode.toString(8)}`);

beforeAll(async () => {
  const catalog = new ScenarioCatalog(defaultLibraryPaths(), () => {});
  await catalog.reload();
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-hardening-'));
  ({ users, lead } = await makeDataDir(dir, catalog.list(), 3, 0));
  // A data directory as an older version left it: readable by everyone.
  for (const [name, entry] of await modes(dir)) await chmod(name, entry.dir ? 0o755 : 0o644);
  server = await startServer(dir, 4745, false, { DESK_WRITE_LIMIT: String(WRITE_LIMIT) });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}-backups`, { recursive: true, force: true });
});

describe('after login, next stays on this site', () => {
  test('a tab in next (which browsers drop) does not lead to another host', async () => {
    const answer = await send('/login?next=%2F%09%2Fhost/path', { user: users[0] });
    expect(answer.status).toBe(303);
    const location = String(answer.headers.location);
    expect(new URL(location, server.base).origin).toBe(server.base);
    // eslint-disable-next-line no-control-regex -- a redirect must carry no control character
    expect(location).not.toMatch(/[\u0000-\u001f]/);
  });

  test.each([
    ['CR and LF', '%2F%0D%0ASet-Cookie:%20x=1'],
    ['a backslash', '%2F%5Cevil.example'],
    ['another origin', 'https%3A%2F%2Fevil.example%2F'],
  ])('next with %s falls back to the start page, never a 500', async (_, next) => {
    const answer = await send(`/login?next=${next}`, { user: users[0] });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/train');
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  test('a same-site path with its query is kept', async () => {
    const answer = await send('/login?next=%2Fprogress%3Ftab%3D2', { user: users[0] });
    expect(answer.headers.location).toBe('/progress?tab=2');
  });
});

describe('bad requests get a 4xx without internal text', () => {
  test('malformed JSON to an action is a 400', async () => {
    const answer = await send('/_actions/attempt.answer', { method: 'POST', user: users[0], type: 'application/json', body: '{"attemptId": "x",' });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('not valid JSON');
    expect(answer.text).not.toMatch(INTERNAL);
  });

  test('a chunked body over the limit is a 413, as with a Content-Length', async () => {
    const chunks = function* () {
      for (let n = 0; n < 40; n++) yield Buffer.alloc(4096, 'a');
    };
    const answer = await send('/_actions/attempt.answer', { method: 'POST', user: users[0], type: 'application/json', body: Readable.from(chunks()) });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('larger than the 64 KB');
    expect(answer.text).not.toMatch(INTERNAL);
  });

  test('a chunked body within the limit still reaches the action', async () => {
    const body = JSON.stringify({ attemptId: 'no-such-attempt', stepId: 'first-look', answer: { kind: 'choose', optionId: 'x' } });
    const answer = await send('/_actions/attempt.answer', {
      method: 'POST',
      user: users[0],
      type: 'application/json',
      body: Readable.from([Buffer.from(body)]),
    });
    expect(answer.status).toBe(404);
    expect(answer.text).toContain('There is no such attempt among yours.');
  });

  test.each([
    ['TRACE', '/', 'GET, HEAD'],
    ['TRACE', '/login', 'GET, HEAD, POST'],
    ['PUT', `/train/${SCENARIO}`, 'GET, HEAD, POST'],
    ['DELETE', '/progress', 'GET, HEAD'],
    ['POST', '/progress', 'GET, HEAD'],
    ['GET', '/logout', 'POST'],
    ['GET', '/_actions/attempt.answer', 'POST'],
    ['PATCH', '/favicon.svg', 'GET, HEAD'],
  ])('%s %s is a 405 naming what it takes', async (method, pathname, allow) => {
    const answer = await send(pathname, { method, user: users[0] });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe(allow);
    expect(answer.text).not.toMatch(INTERNAL);
  });
});

describe("data files are private to the server's user", () => {
  test('an older data directory is tightened at start, new files are written 0600 in 0700 folders, and a backup keeps them so', async () => {
    expect(await loose(dir)).toEqual([]);
    const started = await send(`/train/${SCENARIO}`, {
      method: 'POST',
      user: users[1],
      type: 'application/x-www-form-urlencoded',
      body: form({ mode: 'practice' }),
    });
    expect(started.status).toBe(303);
    expect(await loose(dir)).toEqual([]);
    const out = `${dir}-backups`;
    await promisify(execFile)(path.join(root, 'node_modules/.bin/node'), ['src/cli/db-backup.ts', '--out', out], {
      cwd: root,
      env: { ...process.env, DESK_DATA_DIR: dir },
    });
    const backup = await modes(out);
    expect([...backup.values()].filter((entry) => !entry.dir).length).toBeGreaterThan(3);
    expect(await loose(out)).toEqual([]);
  });
});

describe('repeatable writes are rate-limited per account', () => {
  const attemptsOf = async (user: BenchUser) =>
    (await readdir(path.join(dir, 'attempts', user.username)).catch(() => [])).filter((name) => name.endsWith('.json')).length;

  test('starting cases past the limit answers 429 with Retry-After and saves nothing', async () => {
    const trainee = users[2]!;
    const before = await attemptsOf(trainee);
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<typeof send>> | undefined;
    // A different case each time: one scenario allows only one open attempt per mode, which is not what this tests.
    const cases = [
      'same-po-two-doors',
      'credit-hold-month-end',
      'card-auth-expired',
      'tax-exempt-school',
      'past-due-account-hold',
      'wrong-valve-plant-down',
      'hazmat-honolulu-batteries',
    ];
    for (let n = 0; n <= WRITE_LIMIT; n++) {
      const answer = await send(`/train/${cases[n]}`, {
        method: 'POST',
        user: trainee,
        type: 'application/x-www-form-urlencoded',
        body: form({ mode: 'practice' }),
      });
      statuses.push(answer.status);
      refused = answer;
    }
    expect(statuses).toEqual([...Array<number>(WRITE_LIMIT).fill(303), 429]);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused?.text).toContain(`Too many case starts in a short time: each account may make ${WRITE_LIMIT} a minute. Nothing was saved.`);
    expect(await attemptsOf(trainee)).toBe(before + WRITE_LIMIT);
    // Another account is not held back by this one.
    const other = await send(`/train/${SCENARIO}`, {
      method: 'POST',
      user: users[0],
      type: 'application/x-www-form-urlencoded',
      body: form({ mode: 'practice' }),
    });
    expect(other.status).toBe(303);
  });

  test("a lead's assignment changes are limited the same way", async () => {
    const statuses: number[] = [];
    for (let n = 0; n <= WRITE_LIMIT; n++) {
      statuses.push(
        (
          await send('/team/assignments', {
            method: 'POST',
            user: lead,
            type: 'application/x-www-form-urlencoded',
            body: form({ intent: 'remove', id: `none-${n}` }),
          })
        ).status,
      );
    }
    expect(statuses).toEqual([...Array<number>(WRITE_LIMIT).fill(404), 429]);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ScenarioCatalog } from '../../../src/server/scenarios/catalog.ts';
import { defaultLibraryPaths } from '../../../src/server/scenarios/library-files.ts';
import { makeDataDir, type BenchUser } from '../../bench/data.ts';
import { startServer, type RunningServer } from '../../support/server.ts';

let server: RunningServer;
let dir: string;
let mine: BenchUser;
let theirs: BenchUser;
let myAttempt: string;
let theirAttempt: string;
const SCENARIO = 'same-po-two-doors';

async function call(pathname: string, body: string | object, user?: BenchUser, type = 'application/json') {
  const response = await request(`${server.base}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': type, origin: server.base, ...(user ? { cookie: `desk_session=${user.token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.statusCode, text: await response.body.text(), location: response.headers.location as string | undefined };
}

let other: { id: string; start: string };

async function startAttempt(user: BenchUser, mode = 'practice', scenarioId = SCENARIO): Promise<string> {
  const result = await call(`/train/${scenarioId}`, `mode=${mode}`, user, 'application/x-www-form-urlencoded');
  expect(result.status).toBe(303);
  return (result.location ?? '').replace('/play/', '');
}

beforeAll(async () => {
  const catalog = new ScenarioCatalog(defaultLibraryPaths(), () => {});
  await catalog.reload();
  const another = catalog.list().find((loaded) => loaded.scenario.id !== SCENARIO)!.scenario;
  other = { id: another.id, start: another.start };
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-bad-input-'));
  const { users } = await makeDataDir(dir, catalog.list(), 2, 0);
  [mine, theirs] = users as [BenchUser, BenchUser];
  server = await startServer(dir, 4721);
  myAttempt = await startAttempt(mine);
  theirAttempt = await startAttempt(theirs);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const answer = (extra: object = {}) => ({ attemptId: myAttempt, stepId: 'first-look', answer: { kind: 'choose', optionId: 'x' }, ...extra });

describe('the answer action refuses bad input with a 4xx and a message', () => {
  test.each([
    ['wrong types', { attemptId: 5, stepId: [], answer: 'yes' }, 400, 'expected string'],
    ['missing fields', {}, 400, 'expected string, received undefined'],
    ['an unknown answer kind', answer({ answer: { kind: 'guess', optionId: 'x' } }), 400, 'Invalid input'],
    ['extra keys', answer({ admin: true }), 400, 'admin'],
    ['an unknown attempt id', answer({ attemptId: 'no-such-attempt' }), 404, 'There is no such attempt among yours.'],
  ])('%s', async (_, body, status, message) => {
    const result = await call('/_actions/attempt.answer', body, mine);
    expect(result.status).toBe(status);
    expect(result.text).toContain(message);
  });

  test("another trainee's attempt id is answered as not found", async () => {
    const result = await call('/_actions/attempt.answer', answer({ attemptId: theirAttempt }), mine);
    expect(result.status).toBe(404);
    expect(result.text).toContain('There is no such attempt among yours.');
  });

  test('an option that is not on the current step', async () => {
    const view = await request(`${server.base}/play/${myAttempt}`, { headers: { cookie: `desk_session=${mine.token}` } });
    const html = await view.body.text();
    const stepId = /&quot;step&quot;:\[0,\{&quot;id&quot;:\[0,&quot;([a-z0-9-]+)&quot;/.exec(html)?.[1] ?? 'unknown';
    const result = await call('/_actions/attempt.answer', answer({ stepId, answer: { kind: 'choose', optionId: 'not-an-option' } }), mine);
    expect(result.status).toBe(400);
    expect(result.text).toContain('\\"not-an-option\\" is not one of this step\'s options.');
  });

  test('an answer for a step that is not the current one changes nothing and returns the current state', async () => {
    const result = await call('/_actions/attempt.answer', answer({ stepId: 'some-later-step' }), mine);
    expect(result.status).toBe(200);
    expect(result.text).toContain('stale');
  });

  test('no session is a 401 that says to log in again', async () => {
    const result = await call('/_actions/attempt.answer', answer(), undefined);
    expect(result.status).toBe(401);
    expect(result.text).toContain('Log in again');
  });

  test('an oversized body is refused with 413', async () => {
    const result = await call('/_actions/attempt.answer', answer({ stepId: 'x'.repeat(100_000) }), mine);
    expect(result.status).toBe(413);
  });

  test('a hint in assessment mode is refused with the reason', async () => {
    // Another scenario: an assessment does not start beside the practice attempt already open on this one.
    const attemptId = await startAttempt(mine, 'assessment', other.id);
    const result = await call('/_actions/attempt.hint', { attemptId, stepId: other.start }, mine);
    expect(result.status).toBe(400);
    expect(result.text).toContain('Hints are not available in assessment mode.');
  });
});

describe('forms refuse bad input with a 4xx and a message', () => {
  test('login with a missing password', async () => {
    const result = await call('/login', 'username=ava', undefined, 'application/x-www-form-urlencoded');
    expect(result.status).toBe(400);
    expect(result.text).toContain('Enter your password.');
  });

  test('starting a case in a mode that does not exist', async () => {
    const result = await call(`/train/${SCENARIO}`, 'mode=exam', mine, 'application/x-www-form-urlencoded');
    expect(result.status).toBe(400);
    expect(result.text).toContain('Choose practice or assessment to start.');
  });

  test('starting a scenario that does not exist', async () => {
    const result = await call('/train/no-such-case', 'mode=practice', mine, 'application/x-www-form-urlencoded');
    expect(result.status).toBe(404);
  });

  test('the server is still up after all of it', async () => {
    const response = await request(`${server.base}/login`);
    expect(response.statusCode).toBe(200);
    await response.body.dump();
  });
});

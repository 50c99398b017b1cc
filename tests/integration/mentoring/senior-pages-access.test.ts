// Access control of every senior page and form, over HTTP against the real server with the demo team:
// trainees get the 403 page and never an answer key, leads read but do not grade, playtest or sign off.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer, sessionCookie } from '../../support/server.ts';
import { scenarioFrom, shippedScenarioFiles } from '../../support/scenarios.ts';

const SCENARIO = 'same-po-two-doors';
const scenario = scenarioFrom(shippedScenarioFiles().find((file) => file.id === SCENARIO)?.text ?? '', SCENARIO);
const first = scenario.steps[scenario.start];
if (first?.kind !== 'choose') throw new Error(`${SCENARIO} should start with a choose step`);
/** The best first option's "why": answer-key text no trainee may load before answering. */
const KEY_TEXT = first.options.find((option) => option.verdict === 'best')?.why ?? '';
/** A first option that ends the case at once, and that ending's title. */
const shortcut = first.options.find((option) => option.next.length === 1 && scenario.endings[option.next[0]!.goto]);
const shortcutEnding = scenario.endings[shortcut?.next[0]?.goto ?? ''];
const answerFirst = (optionId: string) => ({ from: scenario.start, moves: '[]', stepId: scenario.start, intent: 'answer', option: optionId });
let server: RunningServer;
let dir: string;
const cookies: Record<string, string> = {};
let traineeAttempt: { id: string; stepId: string };

async function send(pathname: string, who?: string, form?: Record<string, string | string[]>) {
  const body = form
    ? new URLSearchParams(Object.entries(form).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((item) => [key, item])))
    : undefined;
  const response = await fetch(`${server.base}${pathname}`, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: { ...(who ? { cookie: cookies[who] ?? '' } : {}), ...(form ? { origin: server.base, 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body,
  });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') ?? undefined };
}

async function logIn(username: string): Promise<void> {
  cookies[username] = await sessionCookie(server.base, username);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-senior-access-'));
  server = await startServer(dir, 4736, true);
  for (const username of ['ava', 'ben', 'lena', 'sam']) await logIn(username);
  const folder = path.join(dir, 'attempts', 'ava');
  const attempts = await Promise.all((await readdir(folder)).sort().map(async (name) => JSON.parse(await readFile(path.join(folder, name), 'utf8'))));
  // A debrief is sealed while an assessment of its scenario is open: the test needs one that is not.
  const open = new Set(attempts.filter((attempt) => !attempt.finishedAt).map((attempt) => attempt.scenarioId));
  for (const attempt of attempts) {
    const answer = attempt.events.find((event: { type: string }) => event.type === 'answer');
    const usable = attempt.finishedAt && !attempt.abandonedAt && !open.has(attempt.scenarioId) && answer;
    if (usable && !attempt.comments.some((comment: { stepId: string }) => comment.stepId === answer.stepId)) {
      traineeAttempt = { id: attempt.id, stepId: answer.stepId };
      break;
    }
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const pages = [
  '/review',
  '/review/sign-offs',
  '/author',
  `/author/${SCENARIO}`,
  `/author/${SCENARIO}/analysis`,
  `/author/${SCENARIO}/playtest`,
  `/author/${SCENARIO}/playtest?from=${Object.keys(scenario.steps)[1]}`,
];

describe('a trainee', () => {
  test.each(pages)('gets the 403 page at %s, with no answer key in it', async (pathname) => {
    const page = await send(pathname, 'ava');
    expect(page.status).toBe(403);
    expect(page.text).toContain('This page is not open to you');
    expect(page.text).not.toContain(KEY_TEXT);
  });

  test('the answer key text the checks look for is real', () => {
    expect(KEY_TEXT.length).toBeGreaterThan(20);
  });

  test('gets a 403 from the live-refresh endpoint', async () => {
    expect((await send(`/author/stamp.json?file=${SCENARIO}`, 'ava')).status).toBe(403);
  });

  test.each([
    ['/review', { attemptId: 'x', stepId: 'y', comment: '' }],
    ['/review/sign-offs', { trainee: 'ava', category: 'credit-limit', note: 'Me.' }],
    [`/author/${SCENARIO}/playtest`, answerFirst('x')],
  ])('is refused when posting the form at %s', async (pathname, form) => {
    const result = await send(pathname, 'ava', form);
    expect(result.status).toBe(403);
    expect(result.text).not.toContain(KEY_TEXT);
  });

  test("cannot start a thread on their own decision, and cannot comment on someone else's attempt", async () => {
    const own = await send(`/attempts/${traineeAttempt.id}`, 'ava', { intent: 'comment', stepId: traineeAttempt.stepId, text: 'Hello?' });
    expect(own.status).toBe(403);
    expect(own.text).toContain('You can reply once a senior or your lead has commented on this decision.');
    const other = await send(`/attempts/${traineeAttempt.id}`, 'ben', { intent: 'comment', stepId: traineeAttempt.stepId, text: 'Hi' });
    expect(other.status).toBe(404);
  });

  test('cannot grade their own written answer', async () => {
    const result = await send(`/attempts/${traineeAttempt.id}`, 'ava', { intent: 'review', stepId: traineeAttempt.stepId, met: '0', comment: '' });
    expect(result.status).toBe(403);
  });
});

describe('a team lead', () => {
  test.each(pages.filter((pathname) => !pathname.includes('playtest')))('reads %s', async (pathname) => {
    expect((await send(pathname, 'lena')).status).toBe(200);
  });

  test('gets the 403 page for playtests, by link or by form', async () => {
    expect((await send(`/author/${SCENARIO}/playtest`, 'lena')).status).toBe(403);
    expect((await send(`/author/${SCENARIO}/playtest`, 'lena', answerFirst('x'))).status).toBe(403);
  });

  test('sees no grading or sign-off form, and posting them is refused', async () => {
    const queue = await send('/review', 'lena');
    expect(queue.text).not.toContain('name="met"');
    expect((await send('/review/sign-offs', 'lena')).text).not.toContain('name="note"');
    expect((await send('/review', 'lena', { attemptId: traineeAttempt.id, stepId: traineeAttempt.stepId, comment: '' })).status).toBe(403);
    expect((await send('/review/sign-offs', 'lena', { trainee: 'ava', category: 'credit-limit', note: 'Fine.' })).status).toBe(403);
    expect((await send(`/attempts/${traineeAttempt.id}`, 'lena', { intent: 'review', stepId: traineeAttempt.stepId, met: '0', comment: '' })).status).toBe(403);
  });

  test("comments on a decision of their team's trainee", async () => {
    const result = await send(`/attempts/${traineeAttempt.id}`, 'lena', {
      intent: 'comment',
      stepId: traineeAttempt.stepId,
      text: 'Let us talk about this one.',
    });
    expect(result.status).toBe(303);
    expect(result.location).toBe(`/attempts/${traineeAttempt.id}#step-${traineeAttempt.stepId}`);
    const page = await send(`/attempts/${traineeAttempt.id}`, 'ava');
    expect(page.text).toContain('Let us talk about this one.');
    expect(page.text).toContain('Send reply');
  });
});

describe('a senior', () => {
  test.each(pages)('reaches %s', async (pathname) => {
    expect((await send(pathname, 'sam')).status).toBe(200);
  });

  test('playtests to an ending without writing anything to the attempt store', async () => {
    const before = (await readdir(path.join(dir, 'attempts'), { recursive: true })).length;
    const result = await send(`/author/${SCENARIO}/playtest`, 'sam', answerFirst(shortcut?.id ?? ''));
    expect(result.status).toBe(200);
    expect(result.text).toContain(shortcutEnding?.title ?? 'no shortcut ending');
    expect((await readdir(path.join(dir, 'attempts'), { recursive: true })).length).toBe(before);
  });

  test('gets a 400 with a sentence for a malformed grade, and a 404 for an unknown attempt', async () => {
    const bad = await send('/review', 'sam', { attemptId: traineeAttempt.id, stepId: traineeAttempt.stepId, met: 'all', comment: '' });
    expect(bad.status).toBe(400);
    const unknown = await send('/review', 'sam', { attemptId: 'no-such-attempt', stepId: 'x', comment: '' });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('There is no such attempt among those you can see.');
  });

  test('an unknown scenario file is a 404 on every author page', async () => {
    for (const pathname of ['/author/no-such-file', '/author/no-such-file/analysis', '/author/no-such-file/playtest']) {
      expect((await send(pathname, 'sam')).status).toBe(404);
    }
  });
});

test('without a session, the pages send you to log in and the endpoint answers 401', async () => {
  const page = await send('/review');
  expect([page.status, page.location]).toEqual([303, '/login?next=%2Freview']);
  expect((await send('/author/stamp.json')).status).toBe(401);
});

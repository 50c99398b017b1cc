// Access to every team route over HTTP, against the real server with the demo team and a second team:
// trainees and seniors get 403, a lead of another team sees nothing of this one, no session goes to login.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readConfig } from '../../../src/server/config.ts';
import { closeDesk, openDesk } from '../../../src/server/desk.ts';
import { seedDemo } from '../../../src/server/demo/seed.ts';
import { startServer, type RunningServer, sessionCookie } from '../../support/server.ts';
import { playSenior } from '../../support/desk.ts';

let server: RunningServer;
let dir: string;
const cookies: Record<string, string> = {};

async function send(pathname: string, who?: string, form?: Record<string, string>, origin?: string) {
  const response = await fetch(`${server.base}${pathname}`, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      ...(who ? { cookie: cookies[who] ?? '' } : {}),
      ...(form ? { origin: origin ?? server.base, 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form) : undefined,
  });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') ?? undefined };
}

async function logIn(username: string): Promise<void> {
  cookies[username] = await sessionCookie(server.base, username);
}

beforeAll(async () => {
  // The demo team as on first start, plus a second team: returns-desk, its lead omar and trainee gus.
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-team-access-'));
  const desk = await openDesk(readConfig({ DESK_DATA_DIR: dir }), { log: () => {} });
  await seedDemo(desk);
  const hash = desk.store.users.list()[0]!.passwordHash;
  await desk.accounts.add({ username: 'omar', name: 'Omar Said', role: 'lead', team: 'returns-desk', password: '' }, hash);
  const gus = await desk.accounts.add({ username: 'gus', name: 'Gus Berg', role: 'trainee', team: 'returns-desk', password: '' }, hash);
  await playSenior(desk, gus, 'same-po-two-doors', 'assessment');
  await desk.store.assignments.add({
    id: 'a-returns',
    team: 'returns-desk',
    title: 'Returns basics',
    scenarioIds: ['wrong-valve-plant-down'],
    due: '2099-01-01',
    createdBy: 'omar',
    createdAt: new Date().toISOString(),
  });
  closeDesk(desk);
  server = await startServer(dir, 4791);
  for (const username of ['ava', 'gus', 'sam', 'lena', 'omar']) await logIn(username);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const routes = ['/team', '/team?verdict=ready&sort=name', '/team/ava', '/team/gus', '/team/assignments', '/team/export.csv', '/team/export.xapi.json'];

describe('no session', () => {
  test.each(routes)('%s sends to the login page, coming back afterwards', async (pathname) => {
    const page = await send(pathname);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/login?next=${encodeURIComponent(pathname)}`);
  });
});

describe.each(['ava', 'gus', 'sam'])('%s (a trainee of either team, or a senior)', (who) => {
  test.each(routes)('gets 403 at %s', async (pathname) => {
    const page = await send(pathname, who);
    expect(page.status).toBe(403);
    expect(page.text).not.toContain('Chloe Martin');
  });

  test('cannot create or remove assignments', async () => {
    expect((await send('/team/assignments', who, { intent: 'create', title: 'x', assignee: '', step1: 'same-po-two-doors', due: '2099-01-01' })).status).toBe(
      403,
    );
    expect((await send('/team/assignments', who, { intent: 'remove', id: 'a-team-path' })).status).toBe(403);
  });
});

describe('a lead of another team', () => {
  test('sees only their own trainees on the team page', async () => {
    const page = await send('/team', 'omar');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Gus Berg');
    for (const name of ['Ava Lindqvist', 'Ben Adeyemi', 'Dev Raman']) expect(page.text).not.toContain(name);
  });

  test('gets 404 for a trainee of this team, as if there were none', async () => {
    const page = await send('/team/ava', 'omar');
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('Ava Lindqvist');
    expect((await send('/team/gus', 'lena')).status).toBe(404);
    expect((await send('/team/sam', 'lena')).status).toBe(404);
  });

  test("sees none of this team's assignments and cannot remove one", async () => {
    const page = await send('/team/assignments', 'omar');
    expect(page.text).toContain('Returns basics');
    expect(page.text).not.toContain('Foundations path');
    expect((await send('/team/assignments', 'omar', { intent: 'remove', id: 'a-team-path' })).status).toBe(404);
    expect((await send('/team/assignments', 'lena')).text).toContain('Foundations path');
  });

  test('exports hold their own team only', async () => {
    const csv = (await send('/team/export.csv', 'omar')).text;
    expect(csv).toContain('gus');
    expect(csv).not.toMatch(/\bava\b/);
    const statements = JSON.parse((await send('/team/export.xapi.json', 'omar')).text) as { actor: { account: { name: string } } }[];
    expect(new Set(statements.map((statement) => statement.actor.account.name))).toEqual(new Set(['gus']));
  });
});

describe('the lead of this team', () => {
  test("reads the team page, a trainee's page and both exports", async () => {
    expect((await send('/team', 'lena')).text).toContain('Ava Lindqvist');
    expect((await send('/team/ava', 'lena')).text).toContain('Routing accuracy over time');
    expect((await send('/team/export.csv', 'lena')).status).toBe(200);
    expect((await send('/team/export.xapi.json', 'lena')).status).toBe(200);
  });

  test('a form with mistakes answers 400 with the reasons beside the fields', async () => {
    const page = await send('/team/assignments', 'lena', { intent: 'create', title: '', assignee: 'gus', step1: '', due: '' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Give the assignment a title the trainees will recognise.');
    expect(page.text).toContain('Pick at least one scenario.');
    expect(page.text).toContain('Pick a due date.');
  });

  test("another team's trainee cannot be the assignee", async () => {
    const page = await send('/team/assignments', 'lena', { intent: 'create', title: 'Poach', assignee: 'gus', step1: 'same-po-two-doors', due: '2099-01-01' });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Pick a trainee of your team, or the whole team.');
  });

  test('a form posted from another site is refused', async () => {
    const page = await send('/team/assignments', 'lena', { intent: 'remove', id: 'a-team-path' }, 'https://evil.example');
    expect(page.status).toBe(403);
    expect((await send('/team/assignments', 'lena')).text).toContain('Foundations path');
  });
});

describe("a trainee's own readiness", () => {
  test('shows on My progress with their checklist', async () => {
    const page = await send('/progress', 'ava');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Readiness');
    expect(page.text).toContain('Practise next:');
  });
});

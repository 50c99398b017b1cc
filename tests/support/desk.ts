// The one test desk: the real services (store, catalog, accounts, attempts) opened in process. The data is
// kept in memory (lowdb's Memory adapter) unless a test needs the disk: a restart, a lock, a file it reads.
import { rmSync } from 'node:fs';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { APIContext } from 'astro';
import { afterEach, beforeEach } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { openMemoryStore } from '../../src/server/db/memory-store.ts';
import { closeDesk, openDesk, provideDesk, type Desk } from '../../src/server/desk.ts';
import { pickVariant } from '../../src/server/scenarios/catalog.ts';
import type { AttemptFile, User } from '../../src/server/db/schema.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { seniorAnswer } from '../../src/domain/engine/senior-path.ts';
import type { Answer } from '../../src/domain/engine/answer.ts';
import type { Viewer } from '../../src/domain/people/roles.ts';

const root = new URL('../../', import.meta.url).pathname;
const quiet = { log: () => {} };

const opened: Desk[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const desk of opened.splice(0)) closeDesk(desk);
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A fresh data directory, removed after the test. */
export async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-test-'));
  dirs.push(dir);
  return dir;
}

/**
 * Opens the real desk on the shipped scenarios, closed after the test: in memory, or on `dataDir` when the
 * test needs the disk (to reopen it as a restart would, or to find a file in it).
 */
export async function openTestDesk(dataDir?: string, env: Record<string, string> = {}): Promise<Desk> {
  const config = readConfig({ DESK_DATA_DIR: dataDir ?? ':memory:', DESK_DEMO: '0', ...env });
  const desk = await openDesk(config, { ...quiet, store: dataDir ? undefined : await openMemoryStore() });
  opened.push(desk);
  return desk;
}

/** Closes a desk early (to reopen its directory, as a restart would). */
export function closeTestDesk(desk: Desk): void {
  const index = opened.indexOf(desk);
  if (index >= 0) opened.splice(index, 1);
  closeDesk(desk);
}

let sharedHash: string | undefined;

/** Adds trainees quickly: one scrypt hash shared by all test accounts. */
export async function addTrainees(desk: Desk, count: number, team = 'desk-a'): Promise<User[]> {
  sharedHash ??= await hashPassword('test-password-1');
  const users: User[] = [];
  for (let index = 0; index < count; index++) {
    users.push(await desk.accounts.add({ username: `t${index}`, name: `Trainee ${index}`, role: 'trainee', team, password: '' }, sharedHash));
  }
  return users;
}

// --- A small desk: the kitchen-sink fixture scenario and four people on two teams ---

export interface DeskFixture {
  desk: Desk;
  /** tia and tom are trainees on teams north and south; sid is a senior; lee leads north. */
  people: Record<'tia' | 'tom' | 'sid' | 'lee', User>;
}

/** The viewer the authorization rules see for a user. */
export const viewerOf = (user: User): Viewer => ({ username: user.username, role: user.role, team: user.team });

/** A scenario library holding only the kitchen-sink fixture (and the real taxonomy), made once per test file. */
let kitchenSinkLibrary: Promise<string> | undefined;
function kitchenSink(): Promise<string> {
  kitchenSinkLibrary ??= (async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-kitchen-sink-'));
    await copyFile(path.join(root, 'scenarios/taxonomy.yaml'), path.join(dir, 'taxonomy.yaml'));
    await copyFile(path.join(root, 'tests/fixtures/scenarios/kitchen-sink.yaml'), path.join(dir, 'kitchen-sink.yaml'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  })();
  return kitchenSinkLibrary;
}

/**
 * Opens a fresh desk on the kitchen-sink library before each test and closes it after; read `.desk` inside a
 * test. In memory, or on a data directory with `onDisk` (for tests that read the files written).
 */
export function useDesk(options: { onDisk?: boolean } = {}): DeskFixture {
  const fixture = {} as DeskFixture;
  beforeEach(async () => {
    fixture.desk = await openTestDesk(options.onDisk ? await tempDataDir() : undefined, {
      DESK_SCENARIOS_DIR: await kitchenSink(),
      DESK_PLAYBOOKS_DIR: path.join(root, 'content/playbooks'),
    });
    const add = (username: string, role: User['role'], team?: string) =>
      fixture.desk.accounts.add({ username, name: username.toUpperCase(), role, team, password: '' }, 'not-a-real-hash');
    fixture.people = {
      tia: await add('tia', 'trainee', 'north'),
      tom: await add('tom', 'trainee', 'south'),
      sid: await add('sid', 'senior'),
      lee: await add('lee', 'lead', 'north'),
    };
  });
  return fixture;
}

/** Plays answers in order on a new attempt, as the player would send them. */
export async function playAttempt(desk: Desk, user: User, moves: [string, Answer][], mode: AttemptFile['mode'] = 'practice'): Promise<AttemptFile> {
  const attempt = await desk.attempts.start(user, 'kitchen-sink', mode);
  for (const [stepId, answer] of moves) {
    const { outcome } = await desk.attempts.answer(attempt, stepId, answer);
    if (outcome !== 'applied') throw new Error(`${stepId}: ${outcome}`);
  }
  return attempt;
}

/** The kitchen-sink senior path, with a written note of the trainee's own. */
export const toTheNote = (note: string): [string, Answer][] => [
  ['first-look', { kind: 'choose', optionId: 'check-cash' }],
  ['loop-in', { kind: 'choose-many', optionIds: ['credit', 'am'] }],
  ['queue', { kind: 'rank', order: ['dps', 'credit', 'address'] }],
  ['note-to-buyer', { kind: 'write', text: note }],
];

// --- The demo team: the shipped scenarios with weeks of seeded history ---

/** Commas, quotes and a line break: what CSV quoting has to survive. */
export const AWKWARD_NAME = 'Lee, "Sam"\nJunior';

export interface TeamDesk {
  desk: Desk;
  close: () => Promise<void>;
}

/** Plays an attempt along the senior path (all of it, or the first `steps` answers). */
export async function playSenior(desk: Desk, user: User, scenarioId: string, mode: 'practice' | 'assessment', steps = Infinity) {
  const attempt = await desk.attempts.start(user, scenarioId, mode);
  // The senior's answers for the case variant the attempt drew: a variant may change the answer key.
  const scenario = pickVariant(desk.catalog.get(scenarioId)!, attempt.variant)!.scenario;
  let view = await desk.attempts.view(attempt);
  for (let count = 0; view.step && count < steps; count++) {
    const step = scenario.steps[view.step.id]!;
    view = (await desk.attempts.answer(attempt, view.step.id, seniorAnswer(step) as Answer)).view;
  }
  return attempt;
}

/**
 * The demo team (lead lena, trainees ava...farid) seeded as on first start, plus `lee` in it with an
 * awkward name, and a second team, returns-desk, with its lead omar and trainee gus; held in memory.
 * The caller closes it (it lives for a whole file: beforeAll/afterAll).
 */
export async function openTeamDesk(): Promise<TeamDesk> {
  const desk = await openDesk(readConfig({ DESK_DATA_DIR: ':memory:', DESK_DEMO: '0' }), { ...quiet, store: await openMemoryStore() });
  return seedTeam(desk, async () => closeDesk(desk));
}

/** A team desk on a data directory of its own. */
export type TeamDeskOnDisk = TeamDesk & { dir: string };

/** The same team desk on a data directory of its own (the LRS queue lives there), with extra settings. */
export async function openTeamDeskOnDisk(env: Record<string, string> = {}): Promise<TeamDeskOnDisk> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-team-'));
  const desk = await openDesk(readConfig({ DESK_DATA_DIR: dir, DESK_DEMO: '0', ...env }), quiet);
  const team = await seedTeam(desk, async () => {
    await desk.lrs?.stop();
    closeDesk(desk);
    await rm(dir, { recursive: true, force: true });
  });
  return { ...team, dir };
}

async function seedTeam(desk: Desk, close: () => Promise<void>): Promise<TeamDesk> {
  await seedDemo(desk);
  const hash = desk.store.users.list()[0]!.passwordHash;
  const lee = await desk.accounts.add({ username: 'lee', name: AWKWARD_NAME, role: 'trainee', team: 'order-desk', password: '' }, hash);
  await desk.accounts.add({ username: 'omar', name: 'Omar Said', role: 'lead', team: 'returns-desk', password: '' }, hash);
  const gus = await desk.accounts.add({ username: 'gus', name: 'Gus Berg', role: 'trainee', team: 'returns-desk', password: '' }, hash);
  await playSenior(desk, lee, 'same-po-two-doors', 'assessment');
  await playSenior(desk, gus, 'same-po-two-doors', 'assessment');
  await playSenior(desk, gus, 'tax-exempt-school', 'practice', 2);
  provideDesk(desk);
  return { desk, close };
}

/** Just enough of an endpoint's context for the export routes, as the user given (or no session). */
export function endpointContext(desk: Desk, username: string | undefined, pathname: string): APIContext {
  const user = username ? desk.accounts.find(username) : undefined;
  const url = new URL(`http://127.0.0.1${pathname}`);
  return {
    locals: { user },
    url,
    request: new Request(url),
    redirect: (location: string, status = 302) => new Response(null, { status, headers: { Location: location } }),
  } as unknown as APIContext;
}

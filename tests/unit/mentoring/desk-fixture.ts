// A real desk on a temp data directory, serving the kitchen-sink fixture, with two teams' people.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { closeDesk, openDesk, type Desk } from '../../../src/server/desk.ts';
import { readConfig } from '../../../src/server/config.ts';
import type { AttemptFile, User } from '../../../src/server/db/schema.ts';
import type { Answer } from '../../../src/domain/engine/answer.ts';
import type { Viewer } from '../../../src/domain/people/roles.ts';

const root = new URL('../../../', import.meta.url).pathname;

export interface DeskFixture {
  desk: Desk;
  dir: string;
  /** tia and tom are trainees on teams north and south; sid is a senior; lee leads north. */
  people: Record<'tia' | 'tom' | 'sid' | 'lee', User>;
}

/** The viewer the authorization rules see for a user. */
export const viewerOf = (user: User): Viewer => ({ username: user.username, role: user.role, team: user.team });

/** Opens a fresh desk before each test and closes and removes it after; read `.desk` inside a test. */
export function useDesk(): DeskFixture {
  const fixture = {} as DeskFixture;
  beforeEach(async () => {
    fixture.dir = await mkdtemp(join(tmpdir(), 'desk-mentoring-'));
    const scenarios = join(fixture.dir, 'scenarios');
    await mkdir(scenarios);
    await copyFile(join(root, 'scenarios/taxonomy.yaml'), join(scenarios, 'taxonomy.yaml'));
    await copyFile(join(root, 'tests/fixtures/scenarios/kitchen-sink.yaml'), join(scenarios, 'kitchen-sink.yaml'));
    fixture.desk = await openDesk(readConfig({ DESK_DATA_DIR: join(fixture.dir, 'data'), DESK_SCENARIOS_DIR: scenarios, DESK_PLAYBOOKS_DIR: join(root, 'content/playbooks') }), { log: () => {} });
    const add = (username: string, role: User['role'], team?: string) =>
      fixture.desk.accounts.add({ username, name: username.toUpperCase(), role, team, password: '' }, 'not-a-real-hash');
    fixture.people = { tia: await add('tia', 'trainee', 'north'), tom: await add('tom', 'trainee', 'south'), sid: await add('sid', 'senior'), lee: await add('lee', 'lead', 'north') };
  });
  afterEach(async () => {
    closeDesk(fixture.desk);
    await rm(fixture.dir, { recursive: true, force: true });
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

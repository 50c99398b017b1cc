import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { readConfig } from '../../../src/server/config.ts';
import { closeDesk, openDesk, type Desk } from '../../../src/server/desk.ts';
import type { User } from '../../../src/server/db/schema.ts';
import { hashPassword } from '../../../src/server/auth/password.ts';

const opened: Desk[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const desk of opened.splice(0)) closeDesk(desk);
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A fresh data directory, removed after the test. */
export async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-unit-'));
  dirs.push(dir);
  return dir;
}

/** Opens the real desk (store, catalog of the shipped scenarios, services) on a data directory. */
export async function openTestDesk(dataDir?: string): Promise<Desk> {
  const dir = dataDir ?? (await tempDataDir());
  const desk = await openDesk(readConfig({ DESK_DATA_DIR: dir, DESK_DEMO: '0' }), { log: () => {} });
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

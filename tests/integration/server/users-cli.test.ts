import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDataDir } from '../../support/desk.ts';

const node = path.join(process.cwd(), 'node_modules', '.bin', 'node');
const users = (dir: string, args: string[], input = '') =>
  spawnSync(node, ['src/cli/users.ts', ...args], { input, encoding: 'utf8', env: { ...process.env, DESK_DATA_DIR: dir } });

describe('npm run users', () => {
  test('adds, lists, changes the password of and disables an account in DESK_DATA_DIR', async () => {
    const dir = await tempDataDir();
    const added = users(dir, ['add', 'ana', '--role', 'trainee', '--team', 'order-desk', '--name', 'Ana Silva'], 'a long password\n');
    expect(added.stdout.trim()).toBe('Added ana (trainee, team order-desk).');
    expect(users(dir, ['list']).stdout).toMatch(/^ana\s+trainee\s+order-desk\s+active\s+Ana Silva$/m);
    expect(users(dir, ['passwd', 'ana'], 'another long one\n').stdout.trim()).toBe('Password changed for ana; their sessions were ended.');
    expect(users(dir, ['disable', 'ana']).stdout.trim()).toBe('ana is disabled and logged out.');
    expect(users(dir, ['list']).stdout).toMatch(/^ana\s+trainee\s+order-desk\s+disabled/m);
  });

  test('refuses a short password, a bad role and a missing team with what to do', async () => {
    const dir = await tempDataDir();
    const short = users(dir, ['add', 'ana', '--role', 'trainee', '--team', 'desk'], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr.trim()).toBe('The password must have at least 10 characters.');
    const role = users(dir, ['add', 'ana', '--role', 'boss', '--team', 'desk'], 'a long password\n');
    expect(role.stderr).toContain('--role must be trainee, senior or lead, not "boss".');
    const team = users(dir, ['add', 'ana', '--role', 'lead'], 'a long password\n');
    expect(team.stderr.trim()).toBe('A lead belongs to a team: add --team <team>.');
    const reserved = users(dir, ['add', 'assignments', '--role', 'trainee', '--team', 'desk'], 'a long password\n');
    expect(reserved.stderr).toContain('"assignments" is not a valid username: That name is the address of a page; choose another.');
    expect(users(dir, ['list']).stdout).toContain('No accounts yet.');
  });
});

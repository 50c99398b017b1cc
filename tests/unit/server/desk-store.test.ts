import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { addTrainees, closeTestDesk, openTestDesk, tempDataDir } from '../../support/desk.ts';

describe('DeskStore', () => {
  test('a second server on the same data directory is refused with the way out', async () => {
    const dir = await tempDataDir();
    await openTestDesk(dir);
    await expect(openTestDesk(dir)).rejects.toThrow(/is in use by process \d+ .*Stop that server, or set DESK_DATA_DIR to another directory/);
  });

  test('a corrupt accounts file stops the start, names the file and is left byte for byte', async () => {
    const dir = await tempDataDir();
    const broken = '{"version":1,"users":[{"username":"ava"';
    await writeFile(path.join(dir, 'accounts.json'), broken);
    await expect(openTestDesk(dir)).rejects.toThrow(`Cannot start: data file ${path.join(dir, 'accounts.json')} is not valid JSON`);
    expect(await readFile(path.join(dir, 'accounts.json'), 'utf8')).toBe(broken);
    // The lock is released when the start fails, so a fixed directory opens again.
    await writeFile(path.join(dir, 'accounts.json'), '{"version":1,"users":[],"teams":[]}');
    await expect(openTestDesk(dir)).resolves.toBeDefined();
  });

  test('an attempt file that does not match its schema stops the start with the reason', async () => {
    const dir = await tempDataDir();
    await mkdir(path.join(dir, 'attempts', 'ava'), { recursive: true });
    const file = path.join(dir, 'attempts', 'ava', 'x-1.json');
    await writeFile(file, '{"version":1,"id":"x-1","username":"ava"}');
    await expect(openTestDesk(dir)).rejects.toThrow(/does not match the expected format: scenarioId/);
    expect(await readFile(file, 'utf8')).toBe('{"version":1,"id":"x-1","username":"ava"}');
  });

  test('temp files left by a write a crash interrupted are removed at start', async () => {
    const dir = await tempDataDir();
    await mkdir(path.join(dir, 'attempts', 'ava'), { recursive: true });
    const leftover = path.join(dir, 'attempts', 'ava', '.x-1.json.1-abcd.7.tmp');
    await writeFile(leftover, '{"half');
    await openTestDesk(dir);
    await expect(readFile(leftover)).rejects.toThrow(/ENOENT/);
  });

  test('accounts, sessions and attempts written by one start are read back by the next', async () => {
    const dir = await tempDataDir();
    const desk = await openTestDesk(dir);
    const [trainee] = await addTrainees(desk, 1);
    const { token } = await desk.sessions.create(trainee!.username);
    const attempt = await desk.attempts.start(trainee!, 'same-po-two-doors', 'practice');
    closeTestDesk(desk);
    const again = await openTestDesk(dir);
    expect(again.accounts.find(trainee!.username)?.name).toBe(trainee!.name);
    expect(again.sessions.userFor(token)?.username).toBe(trainee!.username);
    expect(again.store.attempts.get(attempt.id)?.scenarioId).toBe('same-po-two-doors');
  });
});

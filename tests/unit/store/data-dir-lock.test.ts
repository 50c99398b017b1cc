import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from '../../../src/server/store/data-dir-lock.ts';
import { useTempDir } from '../../support/temp-dir.ts';

const tmp = useTempDir();
const node = new URL('../../../node_modules/.bin/node', import.meta.url).pathname;
const lockModule = new URL('../../../src/server/store/data-dir-lock.ts', import.meta.url).href;
const children: ChildProcess[] = [];
const releases: Array<() => void> = [];

afterEach(() => {
  for (const release of releases.splice(0)) release();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Acquires in this process and remembers to release, so a failing test leaves no lock held in the module's memory. */
function acquire(dir: string) {
  const lock = acquireDataDirLock(dir);
  releases.push(() => lock.release());
  return lock;
}

/** A real second server: a child process that takes the lock (optionally wired to release on exit) and waits. */
async function lockInChild(dir: string, wireExit = false): Promise<ChildProcess> {
  const script = `
    const { acquireDataDirLock, releaseOnExit } = await import(process.argv[1]);
    const lock = acquireDataDirLock(process.argv[2]);
    if (process.argv[3] === 'wire') releaseOnExit(lock);
    console.log('locked');
    setInterval(() => {}, 1000);`;
  const child = spawn(node, ['--input-type=module', '-e', script, lockModule, dir, wireExit ? 'wire' : ''], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  expect(line.toString().trim()).toBe('locked');
  return child;
}

async function writeLock(dir: string, content: object | string): Promise<void> {
  await writeFile(join(dir, '.lock'), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('acquireDataDirLock', () => {
  test('writes the lock file with our pid, host and start time', async () => {
    const lock = acquire(tmp.path);
    expect(lock.path).toBe(join(tmp.path, '.lock'));
    expect(JSON.parse(await readFile(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(lock.takenOverFrom).toBeUndefined();
  });

  test('a second acquire in the same directory is refused with the holder pid and the way out', () => {
    acquire(tmp.path);
    expect(() => acquireDataDirLock(tmp.path)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(tmp.path)).toThrow(
      new RegExp(`data directory ${tmp.path} is in use by process ${process.pid} since .*Stop that server, or set DESK_DATA_DIR to another directory\\.`),
    );
  });

  test('a lock held by another live process is refused', async () => {
    const child = await lockInChild(tmp.path);
    const error = (() => {
      try {
        acquire(tmp.path);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).owner.pid).toBe(child.pid);
    expect((error as Error).message).toContain(`in use by process ${child.pid} since`);
  });

  test('a lock left by a dead process is taken over, and says from whom', async () => {
    const dead = spawnSync(node, ['-e', '']).pid;
    await writeLock(tmp.path, { pid: dead, hostname: hostname(), startedAt: new Date().toISOString() });
    const lock = acquire(tmp.path);
    expect(lock.takenOverFrom).toBe(dead);
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
  });

  test('a lock carrying our own pid that this process never took is stale (a restarted container reuses pids)', async () => {
    await writeLock(tmp.path, { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() });
    expect(acquire(tmp.path).takenOverFrom).toBe(process.pid);
  });

  test('a garbage lock from a crash mid-write is replaced', async () => {
    await writeLock(tmp.path, '{"pid": 12');
    const lock = acquire(tmp.path);
    expect(lock.replacedUnreadableLock).toBe(true);
    expect(lock.takenOverFrom).toBeUndefined();
  });

  test('a lock from another host is refused, since its pid cannot be checked from here', async () => {
    await writeLock(tmp.path, { pid: 4242, hostname: 'elsewhere.example', startedAt: '2026-11-22T05:00:00.000Z' });
    expect(() => acquire(tmp.path)).toThrow(/in use by process 4242 on host elsewhere\.example since 2026-11-22T05:00:00\.000Z/);
  });
});

describe('DataDirLock.release', () => {
  test('removes the lock, so the directory can be taken again', () => {
    const lock = acquireDataDirLock(tmp.path);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    expect(acquire(tmp.path).takenOverFrom).toBeUndefined();
  });

  test('leaves a lock that is no longer ours', async () => {
    const lock = acquireDataDirLock(tmp.path);
    const someoneElse = JSON.stringify({ pid: 1, hostname: 'elsewhere.example', startedAt: new Date().toISOString() });
    await writeLock(tmp.path, someoneElse);
    lock.release();
    expect(await readFile(lock.path, 'utf8')).toBe(someoneElse);
  });
});

describe('releaseOnExit', () => {
  test('a server stopped with SIGTERM releases its lock and still dies of the signal', async () => {
    const child = await lockInChild(tmp.path, true);
    expect(existsSync(join(tmp.path, '.lock'))).toBe(true);
    child.kill('SIGTERM');
    const [code, signal] = await once(child, 'exit');
    expect([code, signal]).toEqual([null, 'SIGTERM']);
    expect(existsSync(join(tmp.path, '.lock'))).toBe(false);
  });
});

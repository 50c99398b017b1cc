import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DIR_MODE, FILE_MODE } from './file-modes.ts';

/** What the lock file holds: which process owns the data directory, on which host, since when. */
const lockOwnerSchema = z.object({ pid: z.int().positive(), hostname: z.string(), startedAt: z.iso.datetime() });
/** The owner recorded in a lock file. */
export type LockOwner = z.infer<typeof lockOwnerSchema>;

/** A held data-directory lock. */
export type DataDirLock = {
  /** The lock file, `<dir>/.lock`. */
  readonly path: string;
  /** The pid of a crashed owner whose stale lock was replaced. */
  readonly takenOverFrom?: number;
  /** True when a stale lock was unreadable (e.g. half-written in a crash) and was replaced. */
  readonly replacedUnreadableLock: boolean;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void;
};

/** Another live server owns the data directory. */
export class DataDirLockedError extends Error {
  /** Who holds the lock. */
  readonly owner: LockOwner;

  constructor(lockPath: string, owner: LockOwner) {
    const here = owner.hostname === hostname();
    super(
      `Cannot start: data directory ${resolve(lockPath, '..')} is in use by process ${owner.pid}` +
        `${here ? '' : ` on host ${owner.hostname}`} since ${owner.startedAt}. ` +
        'Stop that server, or set DESK_DATA_DIR to another directory.' +
        (here ? '' : ` If no server runs there any more, delete ${lockPath}.`),
    );
    this.name = 'DataDirLockedError';
    this.owner = owner;
  }
}

/** Lock files this process holds, so a lock carrying our own pid can be told from one left by an earlier life with the same pid. */
const heldHere = new Set<string>();
const MAX_ATTEMPTS = 3;
/** Locks already wired by releaseOnExit. */
const wired = new WeakSet<DataDirLock>();

/** Takes `<dir>/.lock` (exclusive create), replacing a stale one; throws DataDirLockedError while a live process holds it. */
export function acquireDataDirLock(dir: string): DataDirLock {
  const path = join(resolve(dir), '.lock');
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  // The token makes our content unique, so release() never deletes a lock that someone else re-created.
  const mine = JSON.stringify({ ...owner, token: randomUUID() });
  let takenOverFrom: number | undefined;
  let replacedUnreadableLock = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx', mode: FILE_MODE });
      heldHere.add(path);
      return { path, takenOverFrom, replacedUnreadableLock, release: () => releaseIfOurs(path, mine) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = readOrNull(path);
    if (text === null) continue; // its owner released it meanwhile
    // Unreadable means a crash mid-write (or, for microseconds, a starter between create and write: a known, tiny race).
    const previous = parseOwner(text);
    if (previous !== null && isHeld(path, previous)) throw new DataDirLockedError(path, previous);
    // Stale. Re-check just before removing, so a lock re-created by a racing starter is not removed (small window left).
    if (readOrNull(path) === text) rmSync(path, { force: true });
    if (previous === null) replacedUnreadableLock = true;
    else takenOverFrom = previous.pid;
  }
  throw new Error(`Cannot start: could not take ${path}; another process keeps re-creating it.`);
}

/** Releases the lock when the process exits or gets SIGINT/SIGTERM; wiring the same lock twice does nothing. */
export function releaseOnExit(lock: DataDirLock): void {
  if (wired.has(lock)) return;
  wired.add(lock);
  process.once('exit', () => lock.release());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      lock.release();
      // Our listener replaced the default "terminate"; restore it unless someone else handles the signal.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

function releaseIfOurs(path: string, mine: string): void {
  if (readOrNull(path) === mine) rmSync(path, { force: true });
  heldHere.delete(path);
}

function isHeld(path: string, owner: LockOwner): boolean {
  // A pid on another host cannot be checked from here; refusing is the safe answer.
  if (owner.hostname !== hostname()) return true;
  // Our own pid: held only if this process took it (a restarted container's server is often pid 1 again).
  if (owner.pid === process.pid) return heldHere.has(path);
  // Started before the last boot: the process is gone, whatever now runs under that pid.
  const bootedAt = Date.now() - uptime() * 1000;
  if (Date.parse(owner.startedAt) < bootedAt - 5_000) return false;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but someone else's
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const result = lockOwnerSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

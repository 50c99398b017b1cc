import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Callback fs rather than fs/promises: on the answer path the FileHandle machinery cost a tenth of the time.
const run = <T>(operation: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void) =>
  new Promise<T>((resolve, reject) => operation((error, value) => (error ? reject(error) : resolve(value as T))));

/**
 * Temp names: a random tag drawn once per process (a restarted server may get the same pid, as pid 1 in
 * a container does, and must not meet a crashed run's leftovers) and a counter per write.
 */
const processTag = `${process.pid}-${randomBytes(4).toString('hex')}`;
let tempCounter = 0;

/** Replaces a file so a crash leaves the old or the new version, never a mix: temp file, fsync, rename, directory fsync. */
export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  // Same directory, so the rename stays on one file system and is atomic; unique, so concurrent writers never share it.
  const temp = join(dir, `.${basename(path)}.${processTag}.${(tempCounter = (tempCounter + 1) % Number.MAX_SAFE_INTEGER)}.tmp`);
  try {
    const fd = await run<number>((done) => fs.open(temp, 'wx', done));
    try {
      await run((done) => fs.writeFile(fd, data, done));
      await run((done) => fs.fsync(fd, done));
    } finally {
      await run((done) => fs.close(fd, done));
    }
    await run((done) => fs.rename(temp, path, done));
  } catch (error) {
    await run((done) => fs.rm(temp, { force: true }, done)).catch(() => {});
    throw error;
  }
  // The rename is only durable once the directory entry is on disk too.
  await fsyncDir(dir);
}

/**
 * Open descriptors of recently synced directories, oldest first: opening a directory for every write
 * costs two syscalls more. The store never removes a folder it writes into while it runs, so a cached
 * descriptor always names the live folder.
 */
const directories = new Map<string, number>();
const MAX_OPEN_DIRECTORIES = 128;

async function directoryFd(dir: string): Promise<number> {
  const open = directories.get(dir);
  if (open !== undefined) {
    directories.delete(dir);
    directories.set(dir, open);
    return open;
  }
  const fd = await run<number>((done) => fs.open(dir, 'r', done));
  const raced = directories.get(dir);
  if (raced !== undefined) {
    fs.close(fd, () => {});
    return raced;
  }
  directories.set(dir, fd);
  if (directories.size > MAX_OPEN_DIRECTORIES) {
    const [oldest, oldestFd] = directories.entries().next().value as [string, number];
    directories.delete(oldest);
    fs.close(oldestFd, () => {});
  }
  return fd;
}

/** Flushes a directory's entries (renames, new files, new folders) to disk; a no-op on Windows, which cannot open directories. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const fd = await directoryFd(dir);
  try {
    await run((done) => fs.fsync(fd, done));
  } catch {
    // The cached descriptor went bad (closed elsewhere): sync through a fresh one.
    directories.delete(dir);
    const fresh = await directoryFd(dir);
    await run((done) => fs.fsync(fresh, done));
  }
}

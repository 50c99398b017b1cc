// The body of the durable-write thread. It runs from its own source text (`new Worker(code, { eval: true })`),
// so it must not use anything from outside the function: built-in modules come from process.getBuiltinModule.

/** What the thread does: replace a file durably, or flush a directory's entries. */
export type DurableWrite = { op: 'write'; path: string; data: string | Uint8Array } | { op: 'sync-dir'; path: string };

/** A DurableWrite with the id its reply carries. */
export type DurableWriteRequest = DurableWrite & { id: number };

/** The thread's answer to one request: no error means done and on disk. */
export interface DurableWriteReply {
  id: number;
  error?: { message: string; code?: string };
}

/** Serves batches of DurableWriteRequests from the parent port, until the process ends. */
export function durableWriteThread(): void {
  const fs = process.getBuiltinModule('node:fs');
  const { basename, dirname, join } = process.getBuiltinModule('node:path');
  const { parentPort } = process.getBuiltinModule('node:worker_threads');

  const run = <T>(operation: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void) =>
    new Promise<T>((resolve, reject) => operation((error, value) => (error ? reject(error) : resolve(value as T))));

  // Open descriptors of recently synced directories, oldest first: opening a directory for every write
  // costs two syscalls more. The store never removes a folder it writes into while it runs.
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

  async function syncDir(dir: string): Promise<void> {
    if (process.platform === 'win32') return; // Windows cannot open a directory; its renames need no flush
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

  // Decision 007: each file keeps a hidden spare, the inode of its version before last. A write fills
  // the spare, fsyncs it, renames it over the file (the previous version's inode, given a second name
  // first, becomes the next spare) and syncs the directory. A crash leaves the old or the new version,
  // never a mix, and no write makes or frees an inode once a file has its spare.
  async function replace(path: string, data: string | Uint8Array): Promise<void> {
    const dir = dirname(path);
    const spare = join(dir, `.${basename(path)}.spare`);
    const previous = join(dir, `.${basename(path)}.previous`);
    const fd = await run<number>((done) => fs.open(spare, 'w', 0o600, done)); // private to the server's user
    try {
      await run((done) => fs.writeFile(fd, data, done));
      await run((done) => fs.fsync(fd, done));
    } finally {
      await run((done) => fs.close(fd, done));
    }
    const kept = await keepPrevious(path, previous);
    await run((done) => fs.rename(spare, path, done));
    if (kept) await run((done) => fs.rename(previous, spare, done));
    await syncDir(dir);
  }

  // File systems without hard links: the write still replaces the file, only without keeping a spare.
  const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

  // A second name for the file's current inode; false when there is no file yet (or no way to link it).
  async function keepPrevious(path: string, previous: string): Promise<boolean> {
    try {
      await run((done) => fs.link(path, previous, done));
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT' || NO_HARD_LINKS.has(code)) return false;
      if (code !== 'EEXIST') throw error;
    }
    // Left by a crash between the two renames: a stale name, safe to drop.
    await run((done) => fs.unlink(previous, done));
    await run((done) => fs.link(path, previous, done));
    return true;
  }

  // Writes to one file share its spare, so they run one after another.
  const writing = new Map<string, Promise<void>>();
  function write(path: string, data: string | Uint8Array): Promise<void> {
    const done = (writing.get(path) ?? Promise.resolve()).then(() => replace(path, data));
    const settled = done.catch(() => {});
    writing.set(path, settled);
    void settled.then(() => {
      if (writing.get(path) === settled) writing.delete(path);
    });
    return done;
  }

  // Replies finished in one turn of this thread's event loop go back in one message.
  let replies: DurableWriteReply[] = [];
  const reply = (answer: DurableWriteReply) => {
    if (!replies.length) {
      setImmediate(() => {
        parentPort?.postMessage(replies);
        replies = [];
      });
    }
    replies.push(answer);
  };
  parentPort?.on('message', (requests: DurableWriteRequest[]) => {
    for (const request of requests) {
      const done = request.op === 'write' ? write(request.path, request.data) : syncDir(request.path);
      done.then(
        () => reply({ id: request.id }),
        (error: NodeJS.ErrnoException) => reply({ id: request.id, error: { message: error.message, code: error.code } }),
      );
    }
  });
}

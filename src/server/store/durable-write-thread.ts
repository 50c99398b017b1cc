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
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  const { parentPort } = process.getBuiltinModule('node:worker_threads');

  const run = <T>(operation: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void) =>
    new Promise<T>((resolve, reject) => operation((error, value) => (error ? reject(error) : resolve(value as T))));

  // Temp names: a random tag per thread (a restarted server may get the same pid, as pid 1 in a container
  // does, and must not meet a crashed run's leftovers) and a counter per write.
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  let counter = 0;

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

  // Temp file in the same directory (so the rename is atomic), fsync, rename, directory fsync: a crash
  // leaves the old or the new version, never a mix.
  async function write(path: string, data: string | Uint8Array): Promise<void> {
    const dir = dirname(path);
    const temp = join(dir, `.${basename(path)}.${tag}.${(counter = (counter + 1) % Number.MAX_SAFE_INTEGER)}.tmp`);
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
    await syncDir(dir);
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

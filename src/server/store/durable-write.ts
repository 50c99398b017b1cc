import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DIR_MODE } from './file-modes.ts';
import { durableWriteThread, type DurableWrite, type DurableWriteReply, type DurableWriteRequest } from './durable-write-thread.ts';

// Decision 005 in src/server/DECISIONS.md: the six file-system calls of a durable write run on one
// thread of their own; the main thread hands over all the writes of one event-loop turn in one message.

type Pending = { resolve: () => void; reject: (error: Error) => void };

let thread: Worker | undefined;
const pending = new Map<number, Pending>();
let queue: DurableWriteRequest[] = [];
let lastId = 0;

/** The writer thread, started on first use; one that died is replaced at the next write. */
function writer(): Worker {
  if (thread) return thread;
  // It holds only the writes in flight: a small young generation keeps its share of memory small.
  const resourceLimits = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 128 };
  const started = new Worker(`(${durableWriteThread.toString()})()`, { eval: true, name: 'durable-write', resourceLimits });
  started.on('message', (replies: DurableWriteReply[]) => {
    for (const reply of replies) {
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if (!reply.error) waiting?.resolve();
      else waiting?.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    }
    if (!pending.size) started.unref();
  });
  const fail = (error: Error) => {
    if (thread !== started) return;
    thread = undefined;
    for (const waiting of pending.values()) waiting.reject(new Error(`The durable-write thread stopped: ${error.message}`));
    pending.clear();
    queue = [];
  };
  started.on('error', fail);
  started.on('exit', (code) => fail(new Error(`exit code ${code}`)));
  started.unref(); // after the listeners, which ref it; send() holds a ref only while writes are pending
  thread = started;
  return started;
}

function flush(): void {
  const batch = queue;
  queue = [];
  if (batch.length) writer().postMessage(batch);
}

function send(request: DurableWrite): Promise<void> {
  return new Promise((resolve, reject) => {
    const id = (lastId = (lastId + 1) % Number.MAX_SAFE_INTEGER);
    if (!pending.size) writer().ref(); // a process waiting on a write must not exit before it is on disk
    pending.set(id, { resolve, reject });
    if (!queue.length) setImmediate(flush);
    queue.push({ ...request, id });
  });
}

/**
 * Replaces a file so a crash leaves the old or the new version, never a mix; resolves once it is on disk.
 * Writes to one path land in call order (they reach the thread in order, and it runs them one by one).
 */
export function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  return send({ op: 'write', path, data });
}

/** Flushes a directory's entries (renames, new files, new folders) to disk; a no-op on Windows. */
export function fsyncDir(dir: string): Promise<void> {
  return send({ op: 'sync-dir', path: dir });
}

/** Starts the writer thread ahead of the first write, which would otherwise wait for it to boot. */
export function startDurableWrites(): void {
  writer();
}

/** Stops the writer thread: writes still pending reject, and the next write starts a new thread. */
export async function stopDurableWrites(): Promise<void> {
  await thread?.terminate();
}

/** Makes a folder and any missing parents, and syncs each new entry into the folder above it. */
export async function mkdirDurable(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true, mode: DIR_MODE });
  if (created === undefined) return;
  for (let folder = dir; folder !== dirname(created); folder = dirname(folder)) await fsyncDir(dirname(folder));
}

import { Worker } from 'node:worker_threads';
import { passwordThread, type HashJob, type HashReply } from './password-thread.ts';

// Decision 008 in src/server/DECISIONS.md: scrypt runs on a fixed number of threads of its own, never in
// libuv's pool (where the durable-write thread's file-system calls run), and a login finding them all
// busy is refused at once instead of queued.

/**
 * Password hashes computed at once, at most. Each holds 64 MiB while it runs and its thread about 13 MB
 * more; on the two-core build machine a second one took the core the main thread needed (decision 008).
 */
export const HASH_THREADS = 1;
/** How far the server's hashing threads step back from its main thread for the CPU (0 normal, 19 lowest; Linux only). */
const SERVER_NICENESS = 10;
let niceness = 0;
/** An idle hashing thread ends after this long, so a quiet server does not keep its isolate. */
const IDLE_MS = 10_000;

interface HashThread {
  worker: Worker;
  idleTimer?: NodeJS.Timeout;
}

let busy = 0;
const idle: HashThread[] = [];
const waiting: (() => void)[] = [];

function startThread(): HashThread {
  const worker = new Worker(`(${passwordThread.toString()})()`, {
    eval: true,
    name: 'password-hash',
    workerData: { niceness },
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 },
  });
  worker.unref();
  return { worker };
}

function derive(thread: HashThread, job: HashJob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (reply: HashReply) => {
      thread.worker.off('message', done);
      thread.worker.off('error', failed);
      thread.worker.off('exit', exited);
      if ('key' in reply) resolve(Buffer.from(reply.key));
      else reject(new Error(reply.error));
    };
    const failed = (error: Error) => done({ error: `The password thread failed: ${error.message}` });
    const exited = (code: number) => done({ error: `The password thread stopped (exit code ${code}).` });
    thread.worker.on('message', done);
    thread.worker.once('error', failed);
    thread.worker.once('exit', exited);
    thread.worker.ref(); // a tool waiting on a hash must not exit before it is done
    thread.worker.postMessage(job);
  });
}

async function runOn(job: HashJob): Promise<Buffer> {
  const thread = idle.pop() ?? startThread();
  clearTimeout(thread.idleTimer);
  let healthy = true;
  try {
    return await derive(thread, job);
  } catch (error) {
    healthy = false;
    void thread.worker.terminate();
    throw error;
  } finally {
    thread.worker.unref();
    if (healthy) {
      thread.idleTimer = setTimeout(() => {
        const at = idle.indexOf(thread);
        if (at >= 0) idle.splice(at, 1);
        void thread.worker.terminate();
      }, IDLE_MS).unref();
      idle.push(thread);
    }
    busy--;
    const next = waiting.shift();
    if (next) {
      busy++; // handed straight to the next waiting hash
      next();
    }
  }
}

/**
 * Hashing threads started from now on yield the CPU to the main thread, which answers trainees: for the
 * server. A command-line tool keeps normal priority, so its one hash is not starved on a busy machine.
 */
export function lowerHashPriority(): void {
  niceness = SERVER_NICENESS;
}

/** Whether every hashing thread is in use (a login now would be refused). */
export const hashThreadsBusy = (): boolean => busy >= HASH_THREADS || waiting.length > 0;

/** Runs a derivation now if a hashing thread is free; undefined when all are busy (the caller refuses). */
export function tryHash(job: HashJob): Promise<Buffer> | undefined {
  if (hashThreadsBusy()) return undefined;
  busy++;
  return runOn(job);
}

/** Runs a derivation, waiting for a free hashing thread (account tools, password changes). */
export async function hash(job: HashJob): Promise<Buffer> {
  if (busy >= HASH_THREADS || waiting.length) await new Promise<void>((resolve) => waiting.push(resolve));
  else busy++;
  return runOn(job);
}

// The body of a password-hashing thread. Like the durable-write thread (decision 005) it runs from its
// own source text, so it uses nothing from outside the function: built-ins come from process.getBuiltinModule.

/** One scrypt derivation asked of a hashing thread. */
export interface HashJob {
  password: string;
  salt: Uint8Array;
  keyLength: number;
  options: { N: number; r: number; p: number; maxmem: number };
}

/** The thread's answer: the derived key, or why it failed. */
export type HashReply = { key: Uint8Array } | { error: string };

/** Derives keys with scryptSync on this thread, one job at a time, so no hash ever waits in libuv's pool; `workerData.niceness` sets its priority. */
export function passwordThread(): void {
  const { scryptSync } = process.getBuiltinModule('node:crypto');
  const { parentPort } = process.getBuiltinModule('node:worker_threads');
  const workerData = process.getBuiltinModule('node:worker_threads').workerData as { niceness: number };
  // On Linux a thread has its own niceness: this one yields the CPU to the main thread, which answers
  // trainees. /proc/thread-self names this thread's id; elsewhere the thread keeps the process's priority.
  try {
    const tid = Number(process.getBuiltinModule('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
    if (tid > 0 && workerData.niceness > 0) process.getBuiltinModule('node:os').setPriority(tid, workerData.niceness);
  } catch {
    // not Linux, or not allowed: hashing still works
  }
  parentPort?.on('message', (job: HashJob) => {
    try {
      const key = scryptSync(job.password, job.salt, job.keyLength, job.options);
      parentPort.postMessage({ key } satisfies HashReply);
    } catch (error) {
      parentPort.postMessage({ error: (error as Error).message } satisfies HashReply);
    }
  });
}

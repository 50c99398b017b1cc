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

/** Derives keys with scryptSync on this thread, one job at a time, so no hash ever waits in libuv's pool. */
export function passwordThread(): void {
  const { scryptSync } = process.getBuiltinModule('node:crypto');
  const { parentPort } = process.getBuiltinModule('node:worker_threads');
  parentPort?.on('message', (job: HashJob) => {
    try {
      const key = scryptSync(job.password, job.salt, job.keyLength, job.options);
      parentPort.postMessage({ key } satisfies HashReply);
    } catch (error) {
      parentPort.postMessage({ error: (error as Error).message } satisfies HashReply);
    }
  });
}

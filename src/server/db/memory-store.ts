import { cloneJson } from './clone-json.ts';
import { Memory, type Adapter } from 'lowdb';
import type { DeskStore } from './desk-store.ts';
import type { StoreOptions } from './json-file-store.ts';
import { EMPTY_ACCOUNTS, EMPTY_AUTHORING, EMPTY_SESSIONS, LowdbStore } from './lowdb-store.ts';
import type { AccountsFile, AttemptFile, AuthoringFile, SessionsFile } from './schema.ts';

/** lowdb's in-memory adapter holding a copy of each write, as a database would: later changes to the written object do not reach it. */
class MemoryCopy<T> implements Adapter<T> {
  readonly #memory = new Memory<T>();

  async read(): Promise<T | null> {
    const data = await this.#memory.read();
    return data === null ? null : cloneJson(data);
  }

  write(data: T): Promise<void> {
    return this.#memory.write(cloneJson(data));
  }
}

/** What an in-memory store wrote, kept so a test can open a second store on it, as a restart would. */
export interface MemoryData {
  accounts: MemoryCopy<AccountsFile>;
  sessions: MemoryCopy<SessionsFile>;
  authoring: MemoryCopy<AuthoringFile>;
  attempts: Map<string, MemoryCopy<AttemptFile>>;
  revisions: Map<string, string>;
}

/** An empty place for in-memory stores. */
export const memoryData = (): MemoryData => ({
  accounts: new MemoryCopy(),
  sessions: new MemoryCopy(),
  authoring: new MemoryCopy(),
  attempts: new Map(),
  revisions: new Map(),
});

/** The desk store on lowdb's in-memory adapter: for tests and tools that need no disk. Nothing outlives `data`. */
export async function openMemoryStore(data: MemoryData = memoryData(), options: StoreOptions = {}): Promise<DeskStore> {
  const wrap = options.wrap ?? (<T>(adapter: Adapter<T>) => adapter);
  const read = await Promise.all([...data.attempts.values()].map(async (memory) => ({ adapter: wrap<AttemptFile>(memory), data: await memory.read() })));
  // A slot whose first write failed holds nothing, as a file never written would not exist.
  const attempts = read.flatMap((entry) => (entry.data ? [{ adapter: entry.adapter, data: entry.data }] : []));
  return new LowdbStore({
    accounts: { adapter: wrap<AccountsFile>(data.accounts), data: (await data.accounts.read()) ?? cloneJson(EMPTY_ACCOUNTS) },
    sessions: { adapter: wrap<SessionsFile>(data.sessions), data: (await data.sessions.read()) ?? cloneJson(EMPTY_SESSIONS) },
    authoring: { adapter: wrap<AuthoringFile>(data.authoring), data: (await data.authoring.read()) ?? cloneJson(EMPTY_AUTHORING) },
    attempts,
    async newAttempt(attempt) {
      const memory = new MemoryCopy<AttemptFile>();
      data.attempts.set(attempt.id, memory);
      return wrap<AttemptFile>(memory);
    },
    revisions: {
      async pin(scenarioId, revision, text) {
        const key = `${scenarioId}@${revision}`;
        if (!data.revisions.has(key)) data.revisions.set(key, text);
      },
      read: async (scenarioId, revision) => data.revisions.get(`${scenarioId}@${revision}`),
    },
    close: () => {},
  });
}

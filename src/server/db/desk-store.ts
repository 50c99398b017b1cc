import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low, Memory } from 'lowdb';
import { acquireDataDirLock, type DataDirLock } from '../store/data-dir-lock.ts';
import { mkdirDurable, startDurableWrites, writeFileDurable } from '../store/durable-write.ts';
import { JsonFileAdapter, openJsonFile } from '../store/json-file-adapter.ts';
import {
  accountsFileSchema,
  attemptFileSchema,
  sessionsFileSchema,
  type AccountsFile,
  type AttemptFile,
  type SessionsFile,
} from './schema.ts';

const EMPTY_ACCOUNTS: AccountsFile = { version: 1, users: [], teams: [], assignments: [], signOffs: [] };
const EMPTY_SESSIONS: SessionsFile = { version: 1, sessions: [] };
const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * The embedded database: everything is read once at start and held in memory; each mutation is made
 * in memory, synchronously, then written durably before it is acknowledged. One process owns the
 * directory (the lock); a file that does not parse stops the start and is left untouched.
 */
export class DeskStore {
  readonly dataDir: string;
  readonly accounts: Low<AccountsFile>;
  readonly sessions: Low<SessionsFile>;
  readonly #attempts = new Map<string, Low<AttemptFile>>();
  /** Attempt ids by trainee, so one trainee's history is found without scanning everyone's. */
  readonly #byUser = new Map<string, string[]>();
  readonly #lock: DataDirLock;
  /** Folders known to be on disk, and revision files known to be pinned: no need to ask the disk again. */
  readonly #onDisk = new Set<string>();
  /** Pinned revision texts by path, when the store is kept in memory (DeskStore.inMemory); undefined on disk. */
  readonly #inMemory?: Map<string, string>;

  private constructor(dataDir: string, lock: DataDirLock, accounts: Low<AccountsFile>, sessions: Low<SessionsFile>, inMemory?: Map<string, string>) {
    this.dataDir = dataDir;
    this.#lock = lock;
    this.accounts = accounts;
    this.sessions = sessions;
    this.#inMemory = inMemory;
  }

  /** An empty store held only in memory (lowdb's Memory adapter), with no data directory and no lock: for tests that need no disk. */
  static inMemory(): DeskStore {
    const noLock: DataDirLock = { path: '', replacedUnreadableLock: false, release: () => {} };
    return new DeskStore(':memory:', noLock, new Low(new Memory(), structuredClone(EMPTY_ACCOUNTS)), new Low(new Memory(), structuredClone(EMPTY_SESSIONS)), new Map());
  }

  /** Opens (creating if needed) a data directory; throws DataDirLockedError or DataFileError with the way out. */
  static async open(dataDir: string): Promise<DeskStore> {
    const dir = path.resolve(dataDir);
    startDurableWrites();
    await mkdirDurable(path.join(dir, 'attempts'));
    const lock = acquireDataDirLock(dir);
    try {
      const accounts = await openJsonFile(path.join(dir, 'accounts.json'), accountsFileSchema, EMPTY_ACCOUNTS);
      const sessions = await openJsonFile(path.join(dir, 'sessions.json'), sessionsFileSchema, EMPTY_SESSIONS);
      const store = new DeskStore(dir, lock, accounts, sessions);
      await store.#loadAttempts();
      return store;
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  async #loadAttempts(): Promise<void> {
    const root = path.join(this.dataDir, 'attempts');
    for (const user of await readdir(root)) {
      if (!SAFE_NAME.test(user)) continue;
      const names = await readdir(path.join(root, user));
      // Temp files are writes the earlier scheme (before decision 007) left half done in a crash: never acknowledged.
      await Promise.all(names.filter((name) => name.endsWith('.tmp')).map((name) => rm(path.join(root, user, name), { force: true })));
      const files = names.filter((name) => name.endsWith('.json'));
      const opened = await Promise.all(
        files.map(async (name) => {
          const adapter = new JsonFileAdapter(path.join(root, user, name), attemptFileSchema);
          const data = await adapter.read();
          return data ? new Low(adapter, data) : undefined;
        }),
      );
      for (const db of opened) if (db) this.#hold(db);
    }
  }

  /** True when no account exists yet: a first start. */
  get isEmpty(): boolean {
    return this.accounts.data.users.length === 0;
  }

  saveAccounts = (): Promise<void> => this.accounts.write();
  saveSessions = (): Promise<void> => this.sessions.write();

  attempt(id: string): AttemptFile | undefined {
    return this.#attempts.get(id)?.data;
  }

  /** Every attempt held, in no particular order. */
  *allAttempts(): Iterable<AttemptFile> {
    for (const db of this.#attempts.values()) yield db.data;
  }

  /** Writes a new attempt's file; it exists in memory only once it is on disk. */
  async createAttempt(attempt: AttemptFile): Promise<void> {
    if (!SAFE_NAME.test(attempt.username) || !SAFE_NAME.test(attempt.id)) throw new Error(`Unsafe attempt file name: ${attempt.username}/${attempt.id}`);
    if (!this.#inMemory) await this.#folder(path.join(this.dataDir, 'attempts', attempt.username));
    // The caller's object is the one held and saved from now on (no copy), so its changes persist.
    const db = new Low(this.#inMemory ? new Memory<AttemptFile>() : new JsonFileAdapter(this.#attemptPath(attempt), attemptFileSchema), attempt);
    await db.write();
    this.#hold(db);
  }

  #hold(db: Low<AttemptFile>): void {
    this.#attempts.set(db.data.id, db);
    const ids = this.#byUser.get(db.data.username);
    if (ids) ids.push(db.data.id);
    else this.#byUser.set(db.data.username, [db.data.id]);
  }

  /** One trainee's attempts, in no particular order. */
  attemptsOf(username: string): AttemptFile[] {
    return (this.#byUser.get(username) ?? []).flatMap((id) => this.#attempts.get(id)?.data ?? []);
  }

  /** Durably writes an attempt changed in memory. */
  saveAttempt(id: string): Promise<void> {
    const db = this.#attempts.get(id);
    if (!db) return Promise.reject(new Error(`No attempt ${id}`));
    return db.write();
  }

  #attemptPath = (attempt: Pick<AttemptFile, 'username' | 'id'>) =>
    path.join(this.dataDir, 'attempts', attempt.username, `${attempt.id}.json`);

  /** Stores a scenario revision once; revisions are immutable, so an existing one is left as it is. */
  async pinRevision(scenarioId: string, revision: string, text: string): Promise<void> {
    const file = this.#revisionPath(scenarioId, revision);
    if (this.#inMemory) {
      if (!this.#inMemory.has(file)) this.#inMemory.set(file, text);
      return;
    }
    if (!this.#onDisk.has(file) && !(await exists(file))) {
      await this.#folder(path.dirname(file));
      await writeFileDurable(file, text);
    }
    this.#onDisk.add(file);
  }

  async #folder(dir: string): Promise<void> {
    if (this.#onDisk.has(dir)) return;
    await mkdirDurable(dir);
    this.#onDisk.add(dir);
  }

  /** The text of a pinned revision, or undefined if it was never stored. */
  async readRevision(scenarioId: string, revision: string): Promise<string | undefined> {
    try {
      const file = this.#revisionPath(scenarioId, revision);
      return this.#inMemory ? this.#inMemory.get(file) : await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  #revisionPath = (scenarioId: string, revision: string) => {
    if (!SAFE_NAME.test(scenarioId) || !/^[a-f0-9]+$/.test(revision)) throw new Error(`Unsafe revision name: ${scenarioId}@${revision}`);
    return path.join(this.dataDir, 'revisions', scenarioId, `${revision}.yaml`);
  };

  /** Releases the data directory for another process. */
  close(): void {
    this.#lock.release();
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

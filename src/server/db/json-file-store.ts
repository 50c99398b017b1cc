import { cloneJson } from './clone-json.ts';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { acquireDataDirLock } from '../store/data-dir-lock.ts';
import { makePrivate } from '../store/file-modes.ts';
import { mkdirDurable, startDurableWrites, writeFileDurable } from '../store/durable-write.ts';
import { JsonFileAdapter } from '../store/json-file-adapter.ts';
import type { DeskStore, RevisionRepository } from './desk-store.ts';
import { EMPTY_ACCOUNTS, EMPTY_AUTHORING, EMPTY_SESSIONS, LowdbStore, type LowdbBackend } from './lowdb-store.ts';
import { accountsFileSchema, attemptFileSchema, authoringFileSchema, sessionsFileSchema, type AttemptFile } from './schema.ts';

const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** How a test reaches between the store and its files (to make a write fail); nothing else passes it. */
export interface StoreOptions {
  wrap?: <T>(adapter: Adapter<T>) => Adapter<T>;
}

const same = <T>(adapter: Adapter<T>) => adapter;

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** A document's adapter and its data as read (the defaults, copied, when the file does not exist yet). */
async function openDocument<T>(adapter: Adapter<T>, defaults: T): Promise<{ adapter: Adapter<T>; data: T }> {
  return { adapter, data: (await adapter.read()) ?? cloneJson(defaults) };
}

/** Every attempt file, read in parallel per trainee; temp files an interrupted write left are removed. */
async function readAttempts(root: string, wrap: NonNullable<StoreOptions['wrap']>): Promise<LowdbBackend['attempts']> {
  const attempts: LowdbBackend['attempts'] = [];
  for (const user of await readdir(root)) {
    if (!SAFE_NAME.test(user)) continue;
    const names = await readdir(path.join(root, user));
    // Temp files are writes the earlier scheme (before decision 007) left half done in a crash: never acknowledged.
    await Promise.all(names.filter((name) => name.endsWith('.tmp')).map((name) => rm(path.join(root, user, name), { force: true })));
    const opened = await Promise.all(
      names
        .filter((name) => name.endsWith('.json'))
        .map(async (name) => {
          const adapter = wrap(new JsonFileAdapter(path.join(root, user, name), attemptFileSchema));
          const data = await adapter.read();
          return data ? { adapter, data } : undefined;
        }),
    );
    for (const entry of opened) if (entry) attempts.push(entry);
  }
  return attempts;
}

/** Pinned revisions as `revisions/<scenario>/<revision>.yaml`, each written once. */
function revisionFiles(dataDir: string, folder: (dir: string) => Promise<void>): RevisionRepository {
  /** Revision files known to be on disk: no need to ask the disk again. */
  const pinned = new Set<string>();
  const fileOf = (scenarioId: string, revision: string) => {
    if (!SAFE_NAME.test(scenarioId) || !/^[a-f0-9]+$/.test(revision)) throw new Error(`Unsafe revision name: ${scenarioId}@${revision}`);
    return path.join(dataDir, 'revisions', scenarioId, `${revision}.yaml`);
  };
  return {
    async pin(scenarioId, revision, text) {
      const file = fileOf(scenarioId, revision);
      if (!pinned.has(file) && !(await exists(file))) {
        await folder(path.dirname(file));
        await writeFileDurable(file, text);
      }
      pinned.add(file);
    },
    async read(scenarioId, revision) {
      try {
        return await readFile(fileOf(scenarioId, revision), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The embedded store: a data directory of JSON files, all read once at open and held in memory, each
 * write durable before it is acknowledged. One process owns the directory (the lock); a file that does
 * not parse stops the open with its name and the reason (DataFileError), and is left untouched.
 */
export async function openJsonFileStore(dataDir: string, options: StoreOptions = {}): Promise<DeskStore> {
  const dir = path.resolve(dataDir);
  const wrap = options.wrap ?? same;
  startDurableWrites();
  await mkdirDurable(path.join(dir, 'attempts'));
  const lock = acquireDataDirLock(dir);
  try {
    // Folders made and files written before data was private to the server's user are made so now.
    await makePrivate(dir);
    /** Folders known to be on disk. */
    const folders = new Set<string>();
    const folder = async (folderPath: string) => {
      if (folders.has(folderPath)) return;
      await mkdirDurable(folderPath);
      folders.add(folderPath);
    };
    const attemptsDir = path.join(dir, 'attempts');
    const backend: LowdbBackend = {
      accounts: await openDocument(wrap(new JsonFileAdapter(path.join(dir, 'accounts.json'), accountsFileSchema)), EMPTY_ACCOUNTS),
      sessions: await openDocument(wrap(new JsonFileAdapter(path.join(dir, 'sessions.json'), sessionsFileSchema)), EMPTY_SESSIONS),
      authoring: await openDocument(wrap(new JsonFileAdapter(path.join(dir, 'authoring.json'), authoringFileSchema)), EMPTY_AUTHORING),
      attempts: await readAttempts(attemptsDir, wrap),
      async newAttempt(attempt: Pick<AttemptFile, 'username' | 'id'>) {
        if (!SAFE_NAME.test(attempt.username) || !SAFE_NAME.test(attempt.id)) throw new Error(`Unsafe attempt file name: ${attempt.username}/${attempt.id}`);
        await folder(path.join(attemptsDir, attempt.username));
        return wrap(new JsonFileAdapter(path.join(attemptsDir, attempt.username, `${attempt.id}.json`), attemptFileSchema));
      },
      revisions: revisionFiles(dir, folder),
      close: () => lock.release(),
    };
    return new LowdbStore(backend);
  } catch (error) {
    lock.release();
    throw error;
  }
}

import { cloneJson } from './clone-json.ts';
import type { Adapter } from 'lowdb';
import { LowDocument } from './lowdb-document.ts';
import {
  StoreConflictError,
  StoreNotFoundError,
  type AssignmentRepository,
  type AttemptRepository,
  type AuthoringRepository,
  type DeskStore,
  type RevisionRepository,
  type SessionRepository,
  type SignOffRepository,
  type TeamRepository,
  type UserRepository,
} from './desk-store.ts';
import type { AccountsFile, AttemptFile, AuthoringFile, Draft, HistoryEntry, NewHistoryEntry, SessionsFile } from './schema.ts';

/** Where a lowdb store keeps its documents: the JSON-file and in-memory stores differ only here. */
export interface LowdbBackend {
  accounts: { adapter: Adapter<AccountsFile>; data: AccountsFile };
  sessions: { adapter: Adapter<SessionsFile>; data: SessionsFile };
  authoring: { adapter: Adapter<AuthoringFile>; data: AuthoringFile };
  /** The attempts stored, each with the adapter it is written through. */
  attempts: { adapter: Adapter<AttemptFile>; data: AttemptFile }[];
  /** The adapter for a new attempt, with whatever it needs (a folder) made first. */
  newAttempt(attempt: Pick<AttemptFile, 'username' | 'id'>): Promise<Adapter<AttemptFile>>;
  revisions: RevisionRepository;
  close(): void;
}

/** Puts a copy of `item` in place of the entry `matches` picks, or at the end; returns the copy. */
function putWhere<T>(list: T[], item: T, matches: (entry: T) => boolean): T {
  const stored = cloneJson(item);
  const index = list.findIndex(matches);
  if (index >= 0) list[index] = stored;
  else list.push(stored);
  return stored;
}

/** Removes the entry `matches` picks; returns it, or undefined when there is none. */
function removeWhere<T>(list: T[], matches: (entry: T) => boolean): T | undefined {
  const index = list.findIndex(matches);
  return index >= 0 ? list.splice(index, 1)[0] : undefined;
}

export const EMPTY_ACCOUNTS: AccountsFile = { version: 1, users: [], teams: [], assignments: [], signOffs: [] };
export const EMPTY_SESSIONS: SessionsFile = { version: 1, sessions: [] };
export const EMPTY_AUTHORING: AuthoringFile = { version: 1, drafts: [], history: [], withdrawn: [] };

/** Appends a history entry with the next sequence number; returns it. */
function appendEntry(data: AuthoringFile, entry: NewHistoryEntry): HistoryEntry {
  const stored: HistoryEntry = { seq: (data.history.at(-1)?.seq ?? 0) + 1, ...cloneJson(entry) };
  data.history.push(stored);
  return stored;
}

/** The stored draft of a scenario at the version the caller last read, or the conflict or absence that says why not. */
function draftAt(data: AuthoringFile, scenarioId: string, expectedVersion: number): Draft {
  const draft = data.drafts.find((entry) => entry.scenarioId === scenarioId);
  if (!draft) throw new StoreNotFoundError(`There is no draft of "${scenarioId}".`);
  if (draft.version !== expectedVersion) throw new StoreConflictError(`The draft of "${scenarioId}" is at version ${draft.version}, not ${expectedVersion}.`);
  return draft;
}

/**
 * The desk store on lowdb documents held in memory: reads are served from memory, and every mutation
 * goes through LowDocument.mutate (a private copy, written durably, then swapped in).
 */
export class LowdbStore implements DeskStore {
  readonly #accounts: LowDocument<AccountsFile>;
  readonly #sessions: LowDocument<SessionsFile>;
  readonly #authoring: LowDocument<AuthoringFile>;
  readonly #attempts = new Map<string, LowDocument<AttemptFile>>();
  /** Attempt ids by trainee, so one trainee's history is found without scanning everyone's. */
  readonly #byUser = new Map<string, string[]>();
  readonly #backend: LowdbBackend;
  /** Ids of attempts being created: a second create of one id is refused before either is written. */
  readonly #creating = new Set<string>();

  constructor(backend: LowdbBackend) {
    this.#backend = backend;
    this.#accounts = new LowDocument(backend.accounts.adapter, backend.accounts.data);
    this.#sessions = new LowDocument(backend.sessions.adapter, backend.sessions.data);
    this.#authoring = new LowDocument(backend.authoring.adapter, backend.authoring.data);
    for (const { adapter, data } of backend.attempts) this.#hold(new LowDocument(adapter, data));
    this.revisions = backend.revisions;
  }

  *#allAttempts(): Iterable<AttemptFile> {
    for (const document of this.#attempts.values()) yield document.data;
  }

  #hold(document: LowDocument<AttemptFile>): void {
    const { id, username } = document.data;
    this.#attempts.set(id, document);
    const ids = this.#byUser.get(username);
    if (ids) ids.push(id);
    else this.#byUser.set(username, [id]);
  }

  readonly users: UserRepository = {
    list: () => this.#accounts.data.users,
    find: (username) => this.#accounts.data.users.find((user) => user.username === username),
    add: (user, team) =>
      this.#accounts.mutate((data) => {
        if (data.users.some((other) => other.username === user.username)) throw new StoreConflictError(`The username "${user.username}" is taken.`);
        if (team && !data.teams.some((other) => other.id === team.id)) data.teams.push(cloneJson(team));
        const stored = cloneJson(user);
        data.users.push(stored);
        return stored;
      }),
    update: (username, change) =>
      this.#accounts.mutate((data) => {
        const user = data.users.find((candidate) => candidate.username === username);
        if (!user) throw new StoreNotFoundError(`No account "${username}".`);
        change(user);
        return user;
      }),
  };

  readonly teams: TeamRepository = {
    list: () => this.#accounts.data.teams,
    find: (id) => this.#accounts.data.teams.find((team) => team.id === id),
    put: (team) => this.#accounts.mutate((data) => putWhere(data.teams, team, (other) => other.id === team.id)),
  };

  readonly assignments: AssignmentRepository = {
    list: () => this.#accounts.data.assignments,
    ofTeam: (team) => this.#accounts.data.assignments.filter((assignment) => assignment.team === team),
    add: (assignment) =>
      this.#accounts.mutate((data) => {
        if (data.assignments.some((other) => other.id === assignment.id)) throw new StoreConflictError(`An assignment "${assignment.id}" exists already.`);
        const stored = cloneJson(assignment);
        data.assignments.push(stored);
        return stored;
      }),
    remove: async (team, id) => {
      const matches = (assignment: { team: string; id: string }) => assignment.id === id && assignment.team === team;
      if (!this.#accounts.data.assignments.some(matches)) return false;
      return this.#accounts.mutate((data) => removeWhere(data.assignments, matches) !== undefined);
    },
  };

  readonly signOffs: SignOffRepository = {
    list: () => this.#accounts.data.signOffs,
    ofTrainee: (username) => this.#accounts.data.signOffs.filter((signOff) => signOff.trainee === username),
    put: (signOff) =>
      this.#accounts.mutate((data) => putWhere(data.signOffs, signOff, (entry) => entry.trainee === signOff.trainee && entry.category === signOff.category)),
    remove: async (key) => {
      const matches = (entry: { trainee: string; category: string }) => entry.trainee === key.trainee && entry.category === key.category;
      if (!this.#accounts.data.signOffs.some(matches)) return undefined;
      return this.#accounts.mutate((data) => removeWhere(data.signOffs, matches));
    },
  };

  readonly sessions: SessionRepository = {
    find: (tokenHash) => this.#sessions.data.sessions.find((session) => session.tokenHash === tokenHash),
    add: (session, { replacing, now }) =>
      this.#sessions.mutate((data) => {
        data.sessions = data.sessions.filter((other) => other.tokenHash !== replacing && new Date(other.expiresAt) > now);
        data.sessions.push(cloneJson(session));
      }),
    remove: async (tokenHash) => {
      if (!this.sessions.find(tokenHash)) return false;
      return this.#sessions.mutate((data) => {
        const before = data.sessions.length;
        data.sessions = data.sessions.filter((session) => session.tokenHash !== tokenHash);
        return data.sessions.length !== before;
      });
    },
    removeAllFor: (username) =>
      this.#sessions.mutate((data) => {
        const before = data.sessions.length;
        data.sessions = data.sessions.filter((session) => session.username !== username);
        return before - data.sessions.length;
      }),
  };

  readonly attempts: AttemptRepository = {
    get: (id) => this.#attempts.get(id)?.data,
    all: () => this.#allAttempts(),
    of: (username) => (this.#byUser.get(username) ?? []).flatMap((id) => this.#attempts.get(id)?.data ?? []),
    create: async (attempt) => {
      if (this.#attempts.has(attempt.id) || this.#creating.has(attempt.id)) throw new StoreConflictError(`An attempt "${attempt.id}" exists already.`);
      this.#creating.add(attempt.id);
      try {
        // The caller's object is the one held from now on (no copy): it is the attempt as stored.
        const document = new LowDocument(await this.#backend.newAttempt(attempt), attempt);
        await document.write();
        this.#hold(document);
        return document.data;
      } finally {
        this.#creating.delete(attempt.id);
      }
    },
    update: async (id, change) => {
      const document = this.#attempts.get(id);
      if (!document) throw new StoreNotFoundError(`No attempt ${id}.`);
      await document.mutate(change);
      return document.data;
    },
  };

  readonly revisions: RevisionRepository;

  readonly authoring: AuthoringRepository = {
    draft: (scenarioId) => this.#authoring.data.drafts.find((draft) => draft.scenarioId === scenarioId),
    drafts: () => this.#authoring.data.drafts,
    history: (scenarioId) => this.#authoring.data.history.filter((entry) => entry.scenarioId === scenarioId),
    withdrawn: () => this.#authoring.data.withdrawn,
    saveDraft: (draft, expectedVersion, entry) =>
      this.#authoring.mutate((data) => {
        const index = data.drafts.findIndex((other) => other.scenarioId === draft.scenarioId);
        const current = index >= 0 ? (data.drafts[index] as Draft).version : 0;
        if (current !== expectedVersion)
          throw new StoreConflictError(`The draft of "${draft.scenarioId}" is at version ${current}, not ${expectedVersion}: someone saved it in between.`);
        const stored: Draft = { ...cloneJson(draft), version: current + 1 };
        if (index >= 0) data.drafts[index] = stored;
        else data.drafts.push(stored);
        appendEntry(data, entry);
        return stored;
      }),
    reviewDraft: (scenarioId, expectedVersion, change, entry) =>
      this.#authoring.mutate((data) => {
        const draft = draftAt(data, scenarioId, expectedVersion);
        for (const [key, value] of Object.entries(cloneJson(change))) {
          if (value === undefined) delete (draft as Record<string, unknown>)[key];
          else (draft as Record<string, unknown>)[key] = value;
        }
        appendEntry(data, entry);
        return draft;
      }),
    removeDraft: (scenarioId, expectedVersion, entry) =>
      this.#authoring.mutate((data) => {
        const draft = draftAt(data, scenarioId, expectedVersion);
        data.drafts = data.drafts.filter((other) => other !== draft);
        appendEntry(data, entry);
      }),
    record: async (entries) => (entries.length ? this.#authoring.mutate((data) => entries.map((entry) => appendEntry(data, entry))) : []),
    setWithdrawn: async (scenarioId, withdrawn, entry) => {
      if (this.#authoring.data.withdrawn.includes(scenarioId) === withdrawn) return false;
      return this.#authoring.mutate((data) => {
        if (data.withdrawn.includes(scenarioId) === withdrawn) return false;
        data.withdrawn = withdrawn ? [...data.withdrawn, scenarioId] : data.withdrawn.filter((id) => id !== scenarioId);
        appendEntry(data, entry);
        return true;
      });
    },
  };

  close(): void {
    this.#backend.close();
  }
}

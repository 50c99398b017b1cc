import type { Assignment, AttemptFile, Draft, HistoryEntry, NewHistoryEntry, Session, SignOff, Team, User } from './schema.ts';

// The store contract (decision 010 in ../DECISIONS.md). Every implementation promises:
// - each mutation is atomic: it is applied whole or, when it throws or its durable write fails, not at all;
// - a mutation resolves only once its change is durable, and readers see it only from then on;
// - mutations of one record (an attempt) or one collection (accounts, sessions) apply in call order.
// Records returned by reads are the store's: treat them as read-only and change them only through a mutation.

/** The accounts, in the order they were added. */
export interface UserRepository {
  list(): readonly User[];
  find(username: string): User | undefined;
  /** Adds an account, and its team when `team` is given and not stored yet; a taken username is a StoreConflictError. */
  add(user: User, team?: Team): Promise<User>;
  /** Changes one account; resolves with the account as stored. */
  update(username: string, change: (user: User) => void): Promise<User>;
}

/** The teams leads lead and trainees belong to. */
export interface TeamRepository {
  list(): readonly Team[];
  find(id: string): Team | undefined;
  /** Adds a team, or renames the one with its id. */
  put(team: Team): Promise<Team>;
}

/** Work a lead sets for a team or one trainee of it. */
export interface AssignmentRepository {
  list(): readonly Assignment[];
  ofTeam(team: string): Assignment[];
  /** An assignment id already stored is a StoreConflictError. */
  add(assignment: Assignment): Promise<Assignment>;
  /** Removes one of a team's assignments; false (and nothing written) when the team has no such assignment. */
  remove(team: string, id: string): Promise<boolean>;
}

/** Seniors' sign-offs: at most one per trainee and category. */
export interface SignOffRepository {
  list(): readonly SignOff[];
  ofTrainee(username: string): SignOff[];
  /** Adds a sign-off, replacing the trainee's sign-off for that category in its place. */
  put(signOff: SignOff): Promise<SignOff>;
  /** Removes a trainee's sign-off for a category; resolves with it, or undefined (nothing written) when there was none. */
  remove(key: Pick<SignOff, 'trainee' | 'category'>): Promise<SignOff | undefined>;
}

/** Login sessions, by the hash of their token. */
export interface SessionRepository {
  find(tokenHash: string): Session | undefined;
  /** Adds a session and, in the same mutation, drops the one it replaces and every session expired by `now`. */
  add(session: Session, prune: { replacing?: string; now: Date }): Promise<void>;
  /** Ends one session; false (and nothing written) when there was none. */
  remove(tokenHash: string): Promise<boolean>;
  /** Ends every session of one account; resolves with how many ended. */
  removeAllFor(username: string): Promise<number>;
}

/** Attempts, each a record of its own (one file, or one row). */
export interface AttemptRepository {
  get(id: string): AttemptFile | undefined;
  /** Every attempt, in no particular order. */
  all(): Iterable<AttemptFile>;
  /** One trainee's attempts, in no particular order, without scanning everyone's. */
  of(username: string): AttemptFile[];
  /** Stores a new attempt (readable once durable) and resolves with it as stored; a known id is a StoreConflictError. */
  create(attempt: AttemptFile): Promise<AttemptFile>;
  /**
   * Changes one attempt: `change` gets a private copy, and the copy replaces the attempt once it is
   * durable. A throw from `change` writes nothing and rejects with that error. Resolves with the attempt as stored.
   */
  update(id: string, change: (attempt: AttemptFile) => void): Promise<AttemptFile>;
}

/** Scenario revisions pinned by attempts: immutable texts, written once. */
export interface RevisionRepository {
  /** Stores a revision's text durably unless it is stored already (an existing one is left as it is). */
  pin(scenarioId: string, revision: string, text: string): Promise<void>;
  /** The text of a pinned revision, or undefined when it was never stored. */
  read(scenarioId: string, revision: string): Promise<string | undefined>;
}

/** A draft as a save writes it: the store sets `version`. */
export type DraftWrite = Omit<Draft, 'version'>;

/**
 * Scenario drafts (at most one per scenario), their history and the withdrawn scenarios (decision 012).
 * Every mutation takes the history entry it records, written in the same mutation as the change.
 */
export interface AuthoringRepository {
  draft(scenarioId: string): Draft | undefined;
  /** Every draft, in no particular order. */
  drafts(): readonly Draft[];
  /** A scenario's history, oldest first. */
  history(scenarioId: string): HistoryEntry[];
  /** The ids of withdrawn scenarios: no new attempt may start on them. */
  withdrawn(): readonly string[];
  /**
   * Saves a draft over the stored one when its version is `expectedVersion` (0: there is none), as version
   * `expectedVersion + 1`; any other stored version is a StoreConflictError, decided inside the mutation.
   */
  saveDraft(draft: DraftWrite, expectedVersion: number, entry: NewHistoryEntry): Promise<Draft>;
  /** Changes a draft's review fields (status, reviewer, comment) without a new version; a stale version is a StoreConflictError. */
  reviewDraft(
    scenarioId: string,
    expectedVersion: number,
    change: Partial<Pick<Draft, 'status' | 'submittedBy' | 'submittedAt' | 'reviewComment' | 'reviewedBy'>>,
    entry: NewHistoryEntry,
  ): Promise<Draft>;
  /** Removes a draft (published or discarded) at `expectedVersion`; none is a StoreNotFoundError, another version a StoreConflictError. */
  removeDraft(scenarioId: string, expectedVersion: number, entry: NewHistoryEntry): Promise<void>;
  /** Adds entries by themselves (files changed on disk), in one mutation; resolves with them as stored. */
  record(entries: readonly NewHistoryEntry[]): Promise<HistoryEntry[]>;
  /** Withdraws a scenario, or reinstates it; resolves false (nothing written) when it already was so. */
  setWithdrawn(scenarioId: string, withdrawn: boolean, entry: NewHistoryEntry): Promise<boolean>;
}

/** Everything the desk keeps: the contract every store implementation (JSON files, memory, a database) meets. */
export interface DeskStore {
  readonly users: UserRepository;
  readonly teams: TeamRepository;
  readonly assignments: AssignmentRepository;
  readonly signOffs: SignOffRepository;
  readonly sessions: SessionRepository;
  readonly attempts: AttemptRepository;
  readonly revisions: RevisionRepository;
  readonly authoring: AuthoringRepository;
  /** Releases the store (the data directory's lock, a connection pool) for another process. */
  close(): void;
}

/** A mutation refused because it would break a uniqueness rule (a taken username, a known id). */
export class StoreConflictError extends Error {
  readonly code = 'STORE_CONFLICT';
}

/** A mutation of a record that does not exist. */
export class StoreNotFoundError extends Error {
  readonly code = 'STORE_NOT_FOUND';
}

import { createHash, randomBytes } from 'node:crypto';
import type { DeskStore } from '../db/desk-store.ts';
import type { User } from '../db/schema.ts';

export const SESSION_COOKIE = 'desk_session';
/** A session lasts this long after login. */
export const SESSION_HOURS = 12;

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Sessions kept in the data directory, so a restart does not log everyone out. */
export class SessionService {
  #store: DeskStore;
  #now: () => number;

  /** `now` is the clock sessions are dated and expired by, in milliseconds (tests pass their own). */
  constructor(store: DeskStore, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
  }

  /** Starts a new session (the old one, if any, is ended: the id is regenerated at login); returns the cookie token. */
  async create(username: string, previousToken?: string): Promise<{ token: string; expires: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date(this.#now());
    const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    const previous = previousToken ? hashToken(previousToken) : undefined;
    const data = this.#store.sessions.data;
    data.sessions = data.sessions.filter((session) => session.tokenHash !== previous && new Date(session.expiresAt) > now);
    data.sessions.push({ tokenHash: hashToken(token), username, createdAt: now.toISOString(), expiresAt: expires.toISOString() });
    await this.#store.saveSessions();
    return { token, expires };
  }

  /** The active user for a cookie token, or undefined (expired, unknown, or the account is disabled). */
  userFor(token: string | undefined): User | undefined {
    if (!token || token.length > 200) return undefined;
    const tokenHash = hashToken(token);
    const session = this.#store.sessions.data.sessions.find((candidate) => candidate.tokenHash === tokenHash);
    if (!session || new Date(session.expiresAt).getTime() <= this.#now()) return undefined;
    const user = this.#store.accounts.data.users.find((candidate) => candidate.username === session.username);
    return user && !user.disabled ? user : undefined;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (!token) return;
    const tokenHash = hashToken(token);
    const data = this.#store.sessions.data;
    const before = data.sessions.length;
    data.sessions = data.sessions.filter((session) => session.tokenHash !== tokenHash);
    if (data.sessions.length !== before) await this.#store.saveSessions();
  }

  /** Ends every session of one account (password change, disable). */
  async destroyAllFor(username: string): Promise<void> {
    const data = this.#store.sessions.data;
    data.sessions = data.sessions.filter((session) => session.username !== username);
    await this.#store.saveSessions();
  }
}

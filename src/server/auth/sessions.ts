import { createHash, randomBytes } from 'node:crypto';
import type { DeskStore } from '../db/desk-store.ts';
import type { User } from '../db/schema.ts';

export const SESSION_COOKIE = 'desk_session';
/** A session lasts this long after login. */
export const SESSION_HOURS = 12;

/** The stored form of a session token: its SHA-256, so a copy of the data directory opens no session. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Sessions kept in the data directory, so a restart does not log everyone out. */
export class SessionService {
  #store: Pick<DeskStore, 'sessions' | 'users'>;
  #now: () => number;

  /** `now` is the clock sessions are dated and expired by, in milliseconds (tests pass their own). */
  constructor(store: Pick<DeskStore, 'sessions' | 'users'>, now: () => number = Date.now) {
    this.#store = store;
    this.#now = now;
  }

  /** Starts a new session (the old one, if any, is ended: the id is regenerated at login); returns the cookie token. */
  async create(username: string, previousToken?: string): Promise<{ token: string; expires: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date(this.#now());
    const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    const previous = previousToken ? hashToken(previousToken) : undefined;
    await this.#store.sessions.add(
      { tokenHash: hashToken(token), username, createdAt: now.toISOString(), expiresAt: expires.toISOString() },
      { replacing: previous, now },
    );
    return { token, expires };
  }

  /** The active user for a cookie token, or undefined (expired, unknown, or the account is disabled). */
  userFor(token: string | undefined): User | undefined {
    if (!token || token.length > 200) return undefined;
    const tokenHash = hashToken(token);
    const session = this.#store.sessions.find(tokenHash);
    if (!session || new Date(session.expiresAt).getTime() <= this.#now()) return undefined;
    const user = this.#store.users.find(session.username);
    return user && !user.disabled ? user : undefined;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.#store.sessions.remove(hashToken(token));
  }

  /** Ends every session of one account (password change, disable). */
  async destroyAllFor(username: string): Promise<void> {
    await this.#store.sessions.removeAllFor(username);
  }
}

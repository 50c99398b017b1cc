import type { DeskStore } from '../db/desk-store.ts';
import type { User } from '../db/schema.ts';
import type { Role } from '../../domain/people/roles.ts';
import { DUMMY_HASH, hashPassword, isOutdated, passwordProblem, tryVerifyPassword } from './password.ts';

/** A problem a person can fix (duplicate username, weak password); the message is safe to show. */
export class AccountError extends Error {
  readonly code = 'ACCOUNT_ERROR';
}

export interface NewAccount {
  username: string;
  name: string;
  role: Role;
  team?: string;
  password: string;
}

/** Creating, finding and changing accounts in the accounts file. */
export class AccountService {
  #store: Pick<DeskStore, 'users' | 'teams'>;

  constructor(store: Pick<DeskStore, 'users' | 'teams'>) {
    this.#store = store;
  }

  get users(): readonly User[] {
    return this.#store.users.list();
  }

  find(username: string): User | undefined {
    return this.users.find((user) => user.username === username);
  }

  /** The trainees of a team (all teams when undefined), active ones only unless asked. */
  trainees(team?: string, includeDisabled = false): User[] {
    return this.users.filter((user) => user.role === 'trainee' && (team === undefined || user.team === team) && (includeDisabled || !user.disabled));
  }

  async add(account: NewAccount, passwordHash?: string): Promise<User> {
    if (this.find(account.username)) throw new AccountError(`The username "${account.username}" is taken. Choose another.`);
    const problem = passwordHash ? undefined : passwordProblem(account.password);
    if (problem) throw new AccountError(problem);
    const team = account.team
      ? { id: account.team, name: account.team.replace(/(^|-)(\w)/g, (_, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`) }
      : undefined;
    const user: User = {
      username: account.username,
      name: account.name,
      role: account.role,
      team: account.team,
      passwordHash: passwordHash ?? (await hashPassword(account.password)),
      disabled: false,
      createdAt: new Date().toISOString(),
    };
    return this.#store.users.add(user, team);
  }

  async setPassword(username: string, password: string): Promise<void> {
    const user = this.find(username);
    if (!user) throw new AccountError(`No account "${username}".`);
    const problem = passwordProblem(password);
    if (problem) throw new AccountError(problem);
    const passwordHash = await hashPassword(password);
    await this.#store.users.update(username, (stored) => {
      stored.passwordHash = passwordHash;
    });
  }

  /** Redoes an account's hash with today's parameters after a login proved the password; false when it was current. */
  async upgradeHash(user: User, password: string): Promise<boolean> {
    if (!isOutdated(user.passwordHash)) return false;
    const passwordHash = await hashPassword(password);
    await this.#store.users.update(user.username, (stored) => {
      stored.passwordHash = passwordHash;
    });
    return true;
  }

  async setDisabled(username: string, disabled: boolean): Promise<void> {
    const user = this.find(username);
    if (!user) throw new AccountError(`No account "${username}".`);
    await this.#store.users.update(username, (stored) => {
      stored.disabled = disabled;
    });
  }

  /** Records that the user has read their notifications up to `at`. */
  async markNotificationsSeen(username: string, at: string): Promise<void> {
    if (!this.find(username)) throw new AccountError(`No account "${username}".`);
    await this.#store.users.update(username, (stored) => {
      stored.notificationsSeenAt = at;
    });
  }

  /**
   * The account if the password is right and the account active (the same work is done for unknown names);
   * 'busy' at once, before any hashing, when every password thread is in use.
   */
  tryAuthenticate(username: string, password: string): Promise<User | undefined> | 'busy' {
    const user = this.find(username);
    const checking = tryVerifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (checking === 'busy') return 'busy';
    return checking.then((ok) => (ok && user && !user.disabled ? user : undefined));
  }
}

import { z } from 'zod';
import type { AccountService } from './accounts.ts';
import type { SessionService } from './sessions.ts';
import type { LoginThrottle } from './throttle.ts';
import type { User } from '../db/schema.ts';
import type { DeskConfig } from '../config.ts';
import { clientAddress, throttleKey } from '../http/client-address.ts';

export const loginFormSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Enter your username.').max(64, 'That username is too long.'),
  password: z.string().min(1, 'Enter your password.').max(200, 'That password is too long.'),
});

export type LoginResult =
  | { ok: true; user: User; token: string; expires: Date }
  | { ok: false; status: 400 | 401; message: string }
  | { ok: false; status: 429; message: string; retryAfter: number };

const inWords = (seconds: number) =>
  seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}`;

/** What logging in takes: the throttle, the trusted-proxy setting, the accounts and the sessions. */
export interface LoginDeps {
  config: Pick<DeskConfig, 'DESK_TRUSTED_PROXY'>;
  throttle: LoginThrottle;
  accounts: Pick<AccountService, 'tryAuthenticate' | 'upgradeHash'>;
  sessions: Pick<SessionService, 'create'>;
}

/**
 * Checks the throttle, takes a password thread (or refuses at once when all are busy), counts the login
 * against the throttle before its hash starts, checks the password and the account, then starts a fresh session.
 */
export async function logIn(
  desk: LoginDeps,
  form: FormData,
  peer: { address: string; forwardedFor: string | null },
  previousToken?: string,
): Promise<LoginResult> {
  const parsed = loginFormSchema.safeParse({ username: form.get('username') ?? '', password: form.get('password') ?? '' });
  if (!parsed.success) return { ok: false, status: 400, message: parsed.error.issues[0]?.message ?? 'Enter your username and password.' };
  const { username, password } = parsed.data;
  const from = throttleKey(clientAddress(peer.address, peer.forwardedFor, desk.config.DESK_TRUSTED_PROXY));
  const wait = desk.throttle.retryAfter(username, from);
  if (wait > 0) {
    return { ok: false, status: 429, retryAfter: wait, message: `Too many failed attempts for this account from your address. Try again in ${inWords(wait)}.` };
  }
  // Nothing awaits between here and begin(): the check, the thread and the count are one step.
  const checking = desk.accounts.tryAuthenticate(username, password);
  if (checking === 'busy') {
    return { ok: false, status: 429, retryAfter: 1, message: 'The server is checking many logins at this moment. Try again in a second.' };
  }
  const counted = desk.throttle.begin(username, from);
  const user = await checking.catch((error: unknown) => {
    counted.failed();
    throw error;
  });
  if (!user) {
    counted.failed();
    return { ok: false, status: 401, message: 'That username and password do not match an active account.' };
  }
  counted.succeeded();
  // A hash from before decision 008 costs twice the memory: redone in the background, waiting for a free thread.
  void desk.accounts.upgradeHash(user, password).catch((error: Error) => console.error(`Upgrading ${user.username}'s password hash failed: ${error.message}`));
  const { token, expires } = await desk.sessions.create(user.username, previousToken);
  return { ok: true, user, token, expires };
}

/** Control characters, and backslashes (which browsers read as slashes). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * The path to go to after login if `next` names one on this site, else undefined. It is parsed against the
 * site's origin and kept only when it stays there; control characters (which browsers drop) refuse it.
 */
export function safeNext(next: unknown, origin: string): string | undefined {
  if (typeof next !== 'string' || !next.startsWith('/') || UNSAFE.test(next)) return undefined;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(origin).origin) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}

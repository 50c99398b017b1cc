import { z } from 'zod';
import type { AccountService } from './accounts.ts';
import type { SessionService } from './sessions.ts';
import type { LoginThrottle } from './throttle.ts';
import type { User } from '../db/schema.ts';

export const loginFormSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, 'Enter your username.').max(64, 'That username is too long.'),
  password: z.string().min(1, 'Enter your password.').max(200, 'That password is too long.'),
});

export type LoginResult =
  | { ok: true; user: User; token: string; expires: Date }
  | { ok: false; status: 400 | 401 | 429; message: string };

/** What logging in takes: the throttle, the accounts and the sessions. */
export interface LoginDeps {
  throttle: LoginThrottle;
  accounts: Pick<AccountService, 'authenticate'>;
  sessions: Pick<SessionService, 'create'>;
}

/** Checks the throttle, the password and the account, then starts a fresh session. */
export async function logIn(desk: LoginDeps, form: FormData, address: string, previousToken?: string): Promise<LoginResult> {
  const parsed = loginFormSchema.safeParse({ username: form.get('username') ?? '', password: form.get('password') ?? '' });
  if (!parsed.success) return { ok: false, status: 400, message: parsed.error.issues[0]?.message ?? 'Enter your username and password.' };
  const { username, password } = parsed.data;
  const wait = desk.throttle.retryAfter(username, address);
  if (wait > 0) {
    return { ok: false, status: 429, message: `Too many failed attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.` };
  }
  const user = await desk.accounts.authenticate(username, password);
  if (!user) {
    desk.throttle.fail(username, address);
    return { ok: false, status: 401, message: 'That username and password do not match an active account.' };
  }
  desk.throttle.succeed(username);
  const { token, expires } = await desk.sessions.create(user.username, previousToken);
  return { ok: true, user, token, expires };
}

/** Only same-site paths are followed after login, never another host. */
export const safeNext = (next: unknown): string | undefined =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : undefined;

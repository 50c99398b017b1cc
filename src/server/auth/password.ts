import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, tryHash } from './hash-threads.ts';
import type { HashJob } from './password-thread.ts';

/**
 * scrypt with N=2^16, r=8, p=2: the same work as OWASP's N=2^17, r=8, p=1 (OWASP lists them as equal) in
 * half the memory, 64 MiB per hash (decision 008). Stored with each hash, so older ones still verify.
 */
const PARAMS = { N: 2 ** 16, r: 8, p: 2 } as const;
const KEY_LENGTH = 64;
/** Shortest password accepted for an account. */
export const MIN_PASSWORD_LENGTH = 10;

const job = (password: string, salt: Buffer, params: { N: number; r: number; p: number }): HashJob => ({
  password: password.normalize('NFKC'),
  salt,
  keyLength: KEY_LENGTH,
  options: { ...params, maxmem: 256 * 1024 * 1024 },
});

/** `scrypt$N$r$p$salt$hash`, all that is needed to verify later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await hash(job(password, salt, PARAMS));
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The stored hash's salt, parameters and expected key; undefined for one that cannot verify anything. */
function parseStored(password: string, stored: string): { job: HashJob; expected: Buffer } | undefined {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return undefined;
  return { job: job(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }), expected: Buffer.from(key, 'base64url') };
}

const matches = (key: Buffer, expected: Buffer) => key.length === expected.length && timingSafeEqual(key, expected);

/** Whether the password is the one stored; 'busy' at once when every hashing thread is in use (a login is refused, not queued). */
export function tryVerifyPassword(password: string, stored: string): Promise<boolean> | 'busy' {
  const parsed = parseStored(password, stored);
  // A stored value that is no hash still costs one, so timing does not tell it apart.
  const running = tryHash((parsed ?? (parseStored(password, DUMMY_HASH) as NonNullable<typeof parsed>)).job);
  if (!running) return 'busy';
  return running.then((key) => parsed !== undefined && matches(key, parsed.expected));
}

/** A hash that never verifies, checked against when the user does not exist, so timing does not tell. */
export const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$AAAAAAAAAAAAAAAAAAAAAA$${'A'.repeat(86)}`;

/** Whether a stored hash was made with other parameters than today's (it is redone at the next login). */
export const isOutdated = (stored: string): boolean => !stored.startsWith(`scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$`);

/** What is wrong with a new password, or undefined if it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 200) return 'The password must have at most 200 characters.';
  return undefined;
}

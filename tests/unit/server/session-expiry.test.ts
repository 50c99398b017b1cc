// Sessions end SESSION_HOURS after login, on the clock the service is given; nothing here waits for real time.
import { describe, expect, test } from 'vitest';
import { openMemoryStore } from '../../../src/server/db/memory-store.ts';
import { SESSION_HOURS, SessionService, hashToken as tokenHash } from '../../../src/server/auth/sessions.ts';

const HOUR = 3600_000;

/** A session service on an in-memory store with one account, and a clock the test moves by hand. */
async function sessionsAt(start: string) {
  const store = await openMemoryStore();
  await store.users.add({
    username: 'ava',
    name: 'Ava',
    role: 'trainee',
    team: 'north',
    passwordHash: 'not-a-real-hash',
    disabled: false,
    createdAt: start,
  });
  let now = Date.parse(start);
  const sessions = new SessionService(store, () => now);
  const advance = (ms: number) => (now += ms);
  return { store, sessions, advance };
}

describe('session expiry', () => {
  test(`a session lasts ${SESSION_HOURS} hours from login, to the millisecond, then is refused`, async () => {
    const { sessions, advance } = await sessionsAt('2026-12-03T08:00:00.000Z');
    const { token, expires } = await sessions.create('ava');
    expect(expires.toISOString()).toBe('2026-12-03T20:00:00.000Z');
    expect(sessions.userFor(token)?.username).toBe('ava');
    advance(SESSION_HOURS * HOUR - 1);
    expect(sessions.userFor(token)?.username).toBe('ava');
    advance(1);
    expect(sessions.userFor(token)).toBeUndefined();
  });

  test('an expired session is dropped from the store at the next login; a live one is kept', async () => {
    const { store, sessions, advance } = await sessionsAt('2026-12-03T08:00:00.000Z');
    const early = await sessions.create('ava');
    advance(6 * HOUR);
    const later = await sessions.create('ava');
    advance(SESSION_HOURS * HOUR - 6 * HOUR);
    await sessions.create('ava');
    expect(sessions.userFor(early.token)).toBeUndefined();
    expect(sessions.userFor(later.token)?.username).toBe('ava');
    expect(store.sessions.find(tokenHash(early.token))).toBeUndefined();
    expect(store.sessions.find(tokenHash(later.token))?.createdAt).toBe('2026-12-03T14:00:00.000Z');
  });

  test('a login that replaces a session ends the old one at once, whatever its expiry', async () => {
    const { sessions } = await sessionsAt('2026-12-03T08:00:00.000Z');
    const first = await sessions.create('ava');
    const second = await sessions.create('ava', first.token);
    expect(sessions.userFor(first.token)).toBeUndefined();
    expect(sessions.userFor(second.token)?.username).toBe('ava');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HASH_THREADS } from '../../../src/server/auth/hash-threads.ts';
import { THROTTLE_RULES } from '../../../src/server/auth/throttle.ts';
import { makeDataDir } from '../../bench/data.ts';
import { startServer, type RunningServer } from '../../support/server.ts';

// The server trusts 127.0.0.1 as its proxy, so X-Forwarded-For stands for the client's address; requests
// sent from 127.0.0.2 come from an address it does not trust.
const PASSWORD = 'bench-password';
let server: RunningServer;
let dir: string;
const untrusted = new Agent({ localAddress: '127.0.0.2' });
/** Many connections at once, so a burst really is concurrent. */
const burst = new Agent({ connections: 200 });

interface LoginAnswer {
  status: number;
  retryAfter?: string;
  text: string;
}

async function logIn(username: string, password: string, from?: string, dispatcher = burst): Promise<LoginAnswer> {
  const response = await request(`${server.base}/login`, {
    method: 'POST',
    dispatcher,
    headers: { origin: server.base, 'content-type': 'application/x-www-form-urlencoded', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: new URLSearchParams({ username, password }).toString(),
  });
  const retryAfter = response.headers['retry-after'];
  return { status: response.statusCode, retryAfter: retryAfter === undefined ? undefined : String(retryAfter), text: await response.body.text() };
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-login-flood-'));
  await makeDataDir(dir, [], 60, 0);
  server = await startServer(dir, 4741, false, { DESK_TRUSTED_PROXY: '127.0.0.1' });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await untrusted.close();
  await burst.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a login flood', { timeout: 60_000 }, () => {
  test('twelve wrong passwords and the right one sent together: only a fixed few are checked, the rest refused at once with Retry-After', async () => {
    const passwords = [...Array.from({ length: 12 }, (_, n) => `wrong-password-${n}`), PASSWORD];
    const answers = await Promise.all(passwords.map((password) => logIn('t0000', password, '203.0.113.10')));
    const checked = answers.filter((answer) => answer.status === 401 || answer.status === 303);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(HASH_THREADS);
    expect(refused.length).toBe(passwords.length - checked.length);
    for (const answer of refused) expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  test('forty wrong logins at once from forty addresses keep the server under 400 MB and answer each with 401 or 429', async () => {
    let peak = await server.rssMb();
    let flooding = true;
    const sampling = (async () => {
      while (flooding) {
        peak = Math.max(peak, await server.rssMb());
        await sleep(0.02);
      }
    })();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, n) => logIn(`t${String(10 + n).padStart(4, '0')}`, 'not-the-password', `198.51.100.${n}`)),
    );
    flooding = false;
    await sampling;
    expect(peak).toBeLessThan(400);
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([401, 429]));
    expect(answers.filter((answer) => answer.status === 401).length).toBeLessThanOrEqual(HASH_THREADS);
  });
});

describe('lockouts', { timeout: 60_000 }, () => {
  test('wrong passwords for an account from one address do not lock the user out from another', async () => {
    for (let n = 0; n < 6; n++) await logIn('t0001', `guess-${n}`, '203.0.113.20');
    expect((await logIn('t0001', 'guess-again', '203.0.113.20')).status).toBe(429);
    expect((await logIn('t0001', PASSWORD, '192.0.2.55')).status).toBe(303);
  });

  test('after bursts of wrong passwords, the real user at the same address gets in after seconds, not fifteen minutes', async () => {
    // Bursts until the throttle (not only the busy hashing threads) refuses this account from this address.
    let throttled = false;
    for (let round = 0; round < 6 && !throttled; round++) {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, n) => logIn('t0002', `burst-${round}-${n}`, '203.0.113.30')));
      throttled = answers.some((answer) => answer.text.includes('Too many failed attempts'));
    }
    expect(throttled).toBe(true);
    const refused = await logIn('t0002', PASSWORD, '203.0.113.30');
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Try again in');
    const wait = Number(refused.retryAfter);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(8);
    await sleep(wait);
    expect((await logIn('t0002', PASSWORD, '203.0.113.30')).status).toBe(303);
  });

  test('X-Forwarded-For from a peer that is not the trusted proxy is ignored: changing it does not reset the count', async () => {
    const statuses: number[] = [];
    for (let n = 0; n <= THROTTLE_RULES.pair.free; n++) statuses.push((await logIn('t0003', `spoofed-${n}`, `192.0.2.${100 + n}`, untrusted)).status);
    expect(statuses).toEqual([...Array<number>(THROTTLE_RULES.pair.free).fill(401), 429]);
    // Through the trusted proxy the forwarded address counts: this client has no failures yet.
    expect((await logIn('t0003', PASSWORD, '192.0.2.200')).status).toBe(303);
  });
});

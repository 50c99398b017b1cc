// Forwarding to a Learning Record Store: against a small recording server on loopback.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import validateStatement from '@learninglocker/xapi-validation';
import { afterEach, describe, expect, test } from 'vitest';
import { readConfig } from '../../../src/server/config.ts';
import { closeDesk, openDesk } from '../../../src/server/desk.ts';
import { backoff } from '../../../src/server/lrs/lrs-forwarder.ts';
import type { XapiStatement } from '../../../src/domain/export/xapi-statements.ts';
import { openTeamDeskOnDisk, playSenior, type TeamDeskOnDisk } from '../../support/desk.ts';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  statements: XapiStatement[];
}

/** An LRS stand-in on 127.0.0.1: records every request; `answers` gives the status of each in turn (then 200). */
async function recordingLrs(answers: number[] = [], port = 0) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const status = answers.shift() ?? 200;
      if (status === 200)
        received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, statements: JSON.parse(body) as XapiStatement[] });
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(status === 200 ? JSON.stringify((JSON.parse(body) as XapiStatement[]).map((statement) => statement.id)) : '{"error":"busy"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    received,
    port: address.port,
    endpoint: `http://127.0.0.1:${address.port}/xapi/`,
    statements: () => received.flatMap((request) => request.statements),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const lrsEnv = (endpoint: string) => ({ DESK_LRS_ENDPOINT: endpoint, DESK_LRS_KEY: 'desk-key', DESK_LRS_SECRET: 's3cret' });
const fast = { sweepMs: 20, retryMs: 10, maxRetryMs: 40, batch: 50 };

async function deskWithLrs(endpoint: string): Promise<TeamDeskOnDisk> {
  const team = await openTeamDeskOnDisk(lrsEnv(endpoint));
  cleanups.push(team.close);
  return team;
}

describe('LRS forwarding', () => {
  test('statements reach the LRS with Basic auth and the xAPI version header, each valid, each once', async () => {
    const lrs = await recordingLrs();
    cleanups.push(lrs.close);
    const { desk } = await deskWithLrs(lrs.endpoint);
    const forwarder = desk.lrs!;
    const queued = await forwarder.sweep();
    expect(queued).toBeGreaterThan(500);
    while ((await forwarder.sendBatch()) === 'sent');
    expect(forwarder.queue.size).toBe(0);
    const request = lrs.received[0]!;
    expect(request).toMatchObject({ method: 'POST', url: '/xapi/statements' });
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('desk-key:s3cret').toString('base64')}`);
    expect(request.headers['x-experience-api-version']).toBe('1.0.3');
    const sent = lrs.statements();
    expect(sent).toHaveLength(queued);
    expect(new Set(sent.map((statement) => statement.id)).size).toBe(sent.length);
    const validate = (validateStatement as unknown as { default?: typeof validateStatement }).default ?? validateStatement;
    expect(sent.flatMap((statement) => validate(statement))).toEqual([]);
    // Nothing new: a second sweep queues nothing; a new attempt queues only its own statements.
    expect(await forwarder.sweep()).toBe(0);
    const attempt = await playSenior(desk, desk.accounts.find('emma')!, 'same-po-two-doors', 'assessment');
    const fresh = await forwarder.sweep();
    expect(fresh).toBe(attempt.events.length + 3);
  }, 60_000);

  test('a busy LRS (503, 503) is retried with growing waits until it takes the statements', async () => {
    const lrs = await recordingLrs([503, 503]);
    cleanups.push(lrs.close);
    const team = await openTeamDeskOnDisk(lrsEnv(lrs.endpoint));
    cleanups.push(team.close);
    const logged: string[] = [];
    const { openLrs } = await import('../../../src/server/lrs/open-lrs.ts');
    const forwarder = (await openLrs(team.desk, (line) => logged.push(line), fast))!;
    // The desk's own forwarder was never started (no watch): this one runs with fast timings instead.
    forwarder.start();
    cleanups.push(() => forwarder.stop());
    await expect.poll(() => forwarder.queue.size > 0 || lrs.received.length > 0, { timeout: 10_000 }).toBe(true);
    await expect.poll(() => forwarder.queue.size, { timeout: 20_000 }).toBe(0);
    expect(forwarder.failures).toBe(0);
    expect(logged.join('\n')).toMatch(/LRS: HTTP 503; \d+ statements wait and will be retried/);
    expect(logged.join('\n')).toContain('LRS: sending again after 2 failed tries.');
    expect(new Set(lrs.statements().map((statement) => statement.id)).size).toBe(lrs.statements().length);
  }, 60_000);

  test('the wait doubles on each failure, up to the cap, with some jitter', () => {
    const timing = { retryMs: 1000, maxRetryMs: 60_000 };
    expect([1, 2, 3, 4].map((failures) => backoff(failures, timing, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoff(20, timing, () => 0.5)).toBe(60_000);
    expect(backoff(1, timing, () => 0)).toBe(800);
    expect(backoff(1, timing, () => 1)).toBe(1200);
  });

  test('statements queued while the LRS is down survive a restart and are sent afterwards, once', async () => {
    const probe = await recordingLrs();
    const port = probe.port;
    await probe.close(); // Nothing listens on this port now: the LRS is down.
    const team = await openTeamDeskOnDisk(lrsEnv(`http://127.0.0.1:${port}/xapi/`));
    cleanups.push(async () => {
      await rmDir(team.dir);
    });
    const first = team.desk.lrs!;
    const queued = await first.sweep();
    expect(await first.sendBatch()).toBe('retry');
    expect(first.queue.size).toBe(queued);
    const onDisk = JSON.parse(await readFile(path.join(team.dir, 'lrs', 'queue.json'), 'utf8')) as { pending: unknown[] };
    expect(onDisk.pending).toHaveLength(queued);
    // The server stops (as on a restart) with everything still queued.
    await first.stop();
    closeDesk(team.desk);

    const lrs = await recordingLrs([], port);
    cleanups.push(lrs.close);
    const reopened = await openDesk(readConfig({ DESK_DATA_DIR: team.dir, DESK_DEMO: '0', ...lrsEnv(lrs.endpoint) }), { log: () => {} });
    cleanups.push(async () => {
      await reopened.lrs?.stop();
      closeDesk(reopened);
    });
    const again = reopened.lrs!;
    expect(again.queue.size).toBe(queued);
    expect(await again.sweep()).toBe(0);
    while ((await again.sendBatch()) === 'sent');
    expect(again.queue.size).toBe(0);
    expect(lrs.statements()).toHaveLength(queued);
  }, 60_000);

  test('a batch the LRS refuses as malformed is set aside, not retried forever', async () => {
    const lrs = await recordingLrs([400]);
    cleanups.push(lrs.close);
    const { desk, dir } = await deskWithLrs(lrs.endpoint);
    const forwarder = desk.lrs!;
    const queued = await forwarder.sweep();
    expect(await forwarder.sendBatch()).toBe('set-aside');
    expect(forwarder.queue.size).toBe(queued - 50);
    const rejected = (await readFile(path.join(dir, 'lrs', 'rejected.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { reason: string; statements: unknown[] });
    expect(rejected[0]).toMatchObject({ reason: 'HTTP 400: {"error":"busy"}' });
    expect(rejected[0]!.statements).toHaveLength(50);
    expect(await forwarder.sendBatch()).toBe('sent');
  }, 60_000);

  test('an endpoint without its key and secret stops the start', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-lrs-config-'));
    try {
      const error = await openDesk(readConfig({ DESK_DATA_DIR: dir, DESK_DEMO: '0', DESK_LRS_ENDPOINT: 'https://lrs.example.com/xapi/' }), {
        log: () => {},
      }).catch((caught: Error) => caught);
      expect((error as Error).message).toMatchInlineSnapshot(
        `"Cannot start: DESK_LRS_ENDPOINT is set, so DESK_LRS_KEY and DESK_LRS_SECRET must be set too (the key and secret the Learning Record Store issued for Basic authentication)."`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

async function rmDir(dir: string) {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
}

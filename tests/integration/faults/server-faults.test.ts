import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ScenarioCatalog } from '../../../src/server/scenarios/catalog.ts';
import { defaultLibraryPaths } from '../../../src/server/scenarios/library-files.ts';
import type { LoadedScenario } from '../../../src/server/scenarios/catalog.ts';
import { makeDataDir } from '../../bench/data.ts';
import { saturate } from '../../bench/load.ts';
import { startArgs, startServer, testPort } from '../../support/server.ts';

let library: LoadedScenario[] = [];
const dirs: string[] = [];
const temp = async (name: string) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), `desk-fault-${name}-`));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  const catalog = new ScenarioCatalog(defaultLibraryPaths(), () => {});
  await catalog.reload();
  library = catalog.list();
}, 180_000);

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const start = (dataDir: string, port: number) =>
  spawnSync(process.execPath, startArgs, {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DESK_DATA_DIR: dataDir, PORT: String(testPort(port)), DESK_DEMO: '0' },
  });

/** Stored answers by attempt id; throws if any attempt file does not parse. */
async function storedByAttempt(dir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const user of await readdir(path.join(dir, 'attempts'))) {
    for (const file of await readdir(path.join(dir, 'attempts', user))) {
      if (!file.endsWith('.json')) continue;
      const attempt = JSON.parse(await readFile(path.join(dir, 'attempts', user, file), 'utf8')) as { id: string; events: { type: string }[] };
      counts.set(attempt.id, attempt.events.filter((event) => event.type === 'answer').length);
    }
  }
  return counts;
}

describe('the server under faults', () => {
  test('killed with SIGKILL while 50 trainees answer, it restarts with every acknowledged answer and every file parses', async () => {
    const dir = await temp('kill');
    const { users } = await makeDataDir(dir, library, 50, 0);
    const server = await startServer(dir, 4711);
    const load = saturate(server.base, users, library, 3);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server.process.kill('SIGKILL');
    const result = await load;
    expect(result.acknowledged).toBeGreaterThan(20);

    const stored = await storedByAttempt(dir);
    for (const [attemptId, acked] of result.ackedByAttempt) expect(stored.get(attemptId) ?? 0, attemptId).toBeGreaterThanOrEqual(acked);
    const restarted = await startServer(dir, 4711);
    const page = await request(`${restarted.base}/login`);
    expect(page.statusCode).toBe(200);
    await page.body.dump();
    await restarted.stop();
  }, 120_000);

  test('a second server on the same data directory refuses to start and says why', async () => {
    const dir = await temp('second');
    await makeDataDir(dir, library, 1, 0);
    const first = await startServer(dir, 4712);
    const second = start(dir, 4713);
    await first.stop();
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Cannot start: data directory ${dir} is in use by process ${first.process.pid}`);
  }, 120_000);

  test('a truncated data file stops the start with its name and the reason, and is left untouched', async () => {
    const dir = await temp('truncated');
    await makeDataDir(dir, library, 2, 20);
    const file = path.join(dir, 'accounts.json');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    const before = await readFile(file);
    const result = start(dir, 4714);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Cannot start: data file ${file} is not valid JSON`);
    expect(result.stderr).toContain('It has been left untouched');
    expect((await readFile(file)).equals(before)).toBe(true);
  }, 60_000);

  test('a scenario file broken while the server runs is left out, the rest are still served, and its page says it is temporarily unavailable', async () => {
    const dir = await temp('broken-scenario');
    const scenarios = await temp('scenarios');
    await cp('scenarios', scenarios, { recursive: true });
    const { users } = await makeDataDir(dir, library, 1, 0);
    const server = await startServer(dir, 4715, false, { DESK_SCENARIOS_DIR: scenarios });
    const cookie = `desk_session=${users[0]?.token}`;
    const catalog = async () => {
      const response = await request(`${server.base}/train`, { headers: { cookie } });
      return response.body.text();
    };
    expect(await catalog()).toContain('Same PO, two doors');
    const started = await request(`${server.base}/train/same-po-two-doors`, {
      method: 'POST',
      headers: { cookie, origin: server.base, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'mode=practice',
    });
    await started.body.dump();
    const playPath = String(started.headers.location ?? '');
    expect(started.statusCode).toBe(303);
    expect(playPath).toMatch(/^\/play\//);
    await writeFile(path.join(scenarios, 'same-po-two-doors.yaml'), 'id: same-po-two-doors\ntitle: [unclosed\n');
    let after = '';
    for (let tries = 0; tries < 40 && (after === '' || after.includes('Same PO, two doors')); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await catalog();
    }
    expect(after).not.toContain('Same PO, two doors');
    expect(after).toContain('Month-end mega-order on credit hold');
    const withdrawn = await request(`${server.base}/train/same-po-two-doors`, { headers: { cookie } });
    expect(withdrawn.statusCode).toBe(200);
    const page = await withdrawn.body.text();
    expect(page).toContain('This scenario is temporarily unavailable');
    expect(page).toContain(`href="${playPath}"`);
    const resumed = await request(`${server.base}${playPath}`, { headers: { cookie } });
    expect(resumed.statusCode).toBe(200);
    await resumed.body.dump();
    const unknown = await request(`${server.base}/train/no-such-scenario`, { headers: { cookie } });
    expect(unknown.statusCode).toBe(404);
    await unknown.body.dump();
    await server.stop();
  }, 120_000);
});

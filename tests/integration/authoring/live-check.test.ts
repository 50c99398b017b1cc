// The editor's live check, POST /author/check.json, over HTTP against the real server with the demo team:
// the same findings as `npm run scenarios:check` on the file, the map and a trainee's view of a step
// (never the answer key), seniors only, and every refusal a JSON `{ error }` with its status.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer, sessionCookie } from '../../support/server.ts';
import { fixtureText, scenarioFrom } from '../../support/scenarios.ts';
import type { LiveCheckResponse } from '../../../src/domain/authoring/live-check.ts';
import { MAX_SOURCE_BODY_BYTES, MAX_SOURCE_BYTES } from '../../../src/domain/authoring/source-limits.ts';

const run = promisify(execFile);
const MINIMAL = fixtureText('minimal.yaml');
const VARIANTS = fixtureText('wire-variants.yaml');
let server: RunningServer;
let dir: string;
const cookies: Record<string, string> = {};

async function check(body: unknown, who: string | null = 'sam', init: RequestInit = {}) {
  const response = await fetch(`${server.base}/author/check.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(who ? { cookie: cookies[who] ?? '' } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: JSON.parse(text) as LiveCheckResponse & { error?: string } };
}

/** What `npm run scenarios:check -- --json` prints for the text saved as `<id>.yaml`, without the file name. */
async function cliFindings(text: string, id: string) {
  const file = path.join(dir, `${id}.yaml`);
  await writeFile(file, text);
  const { stdout } = await run(process.execPath, ['src/cli/scenarios-check.ts', '--json', file]).catch((error: { stdout: string }) => error);
  return (JSON.parse(stdout) as { findings: { file: string }[] }).findings.map(({ file: _file, ...finding }) => finding);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-live-check-'));
  server = await startServer(path.join(dir, 'data'), 4751, true);
  for (const username of ['ava', 'lena', 'sam']) cookies[username] = await sessionCookie(server.base, username);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a senior checking a draft', () => {
  test('a clean text gets the findings the command-line check prints, its map and the start step as a trainee sees it', async () => {
    const { status, body } = await check({ text: MINIMAL, id: 'minimal' });
    expect(status).toBe(200);
    expect(body.findings).toEqual(await cliFindings(MINIMAL, 'minimal'));
    expect(body.variants).toEqual([{ id: 'standard', title: expect.any(String) }]);
    const scenario = scenarioFrom(MINIMAL, 'minimal');
    expect(body.steps).toEqual(Object.keys(scenario.steps));
    expect(body.step).toBe(scenario.start);
    expect(body.mapHtml).toContain('<svg');
    for (const id of [...Object.keys(scenario.steps), ...Object.keys(scenario.endings)]) expect(body.mapHtml).toContain(id);
    // A step links to a playtest of the draft from there.
    expect(body.mapHtml).toContain('/author/minimal/playtest?draft=1&amp;from=fix');
    const first = scenario.steps[scenario.start];
    if (first?.kind !== 'choose') throw new Error('minimal starts with a choose step');
    expect(body.previewHtml).toContain(first.prompt);
    expect(body.previewHtml).toContain('Brightwell Bakery');
    for (const option of first.options) {
      expect(body.previewHtml).toContain(option.text);
      // The preview is the trainee's view: no verdict's reason (the answer key) in it.
      expect(body.previewHtml).not.toContain(option.why);
    }
  });

  test('a text with errors gets each at its line and column, and no map until they are fixed', async () => {
    const broken = MINIMAL.replace('next: fix }', 'next: fixx }').replace('level: 3', 'level: nine');
    const { status, body } = await check({ text: broken, id: 'minimal' });
    expect(status).toBe(200);
    expect(body.findings).toEqual(await cliFindings(broken, 'minimal'));
    const lines = broken.split('\n');
    const errors = body.findings.filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => lines[finding.line - 1])).toEqual(
      expect.arrayContaining([expect.stringContaining('level: nine'), expect.stringContaining('next: fixx')]),
    );
    expect(body.mapHtml).toBe('');
    expect(body.previewHtml).toBe('');
    expect(body.variants).toEqual([]);
  });

  test('an id that does not match the name it is saved under is an error, as for a file', async () => {
    const { body } = await check({ text: MINIMAL, id: 'another-name' });
    expect(body.findings).toEqual(await cliFindings(MINIMAL, 'another-name'));
    expect(body.findings.some((finding) => finding.severity === 'error' && finding.message.includes('another-name'))).toBe(true);
  });

  test('YAML that does not parse gets a finding, not a failure', async () => {
    const { status, body } = await check({ text: 'id: x\n  title: [unclosed', id: 'x' });
    expect(status).toBe(200);
    expect(body.findings[0]?.severity).toBe('error');
    expect(body.findings[0]?.line).toBeGreaterThan(0);
  });

  test('the variant and step asked for are mapped and previewed; an unknown one falls back to the first and the start', async () => {
    const scenario = scenarioFrom(VARIANTS, 'wire-variants');
    const step = Object.keys(scenario.steps)[1] as string;
    const { body } = await check({ text: VARIANTS, id: 'wire-variants', variant: 'wire-covers', step });
    expect(body.variants.map((variant) => variant.id)).toEqual(['wire-short', 'wire-covers']);
    expect(body.variant).toBe('wire-covers');
    expect(body.step).toBe(step);
    expect(body.previewHtml).toContain('Halvorsen Foods');
    expect(body.mapHtml).toContain('variant=wire-covers');
    const fallback = await check({ text: VARIANTS, id: 'wire-variants', variant: 'no-such', step: 'no-such' });
    expect(fallback.body.variant).toBe('wire-short');
    expect(fallback.body.step).toBe(scenario.start);
  });
});

describe('the editor page', () => {
  test('opens for a senior; a lead or trainee gets the 403 page; no session goes to the login page', async () => {
    const open = (who: string | null) =>
      fetch(`${server.base}/author/minimal/edit`, { redirect: 'manual', headers: who ? { cookie: cookies[who] ?? '' } : {} });
    const senior = await open('sam');
    expect(senior.status).toBe(200);
    const html = await senior.text();
    expect(html).toContain('DraftEditor');
    // CodeMirror's stylesheet is let in by this response's nonce, and nothing else inline.
    const policy = senior.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(nonce);
    expect(policy).not.toContain('unsafe-inline');
    const again = await open('sam');
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);
    for (const who of ['lena', 'ava']) expect((await open(who)).status).toBe(403);
    const anonymous = await open(null);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toContain('/login?next=');
  });

  test('an address that cannot be a scenario id is a 404', async () => {
    const response = await fetch(`${server.base}/author/Not_An_Id/edit`, { headers: { cookie: cookies.sam ?? '' } });
    expect(response.status).toBe(404);
  });
});

describe('refusals', () => {
  test('no session gets 401, a lead or trainee 403, each as JSON with a sentence', async () => {
    for (const [who, status] of [
      [null, 401],
      ['lena', 403],
      ['ava', 403],
    ] as const) {
      const answer = await check({ text: MINIMAL }, who);
      expect(answer.status).toBe(status);
      expect(answer.type).toContain('application/json');
      expect(answer.body.error).toMatch(/\w+ \w+/);
      expect(answer.body.findings).toBeUndefined();
    }
  });

  test('a body that is not JSON, or fields of the wrong kind, get 400 saying what to send', async () => {
    for (const body of ['not json', JSON.stringify({ text: 42 }), JSON.stringify({ text: 'a', step: ['x'] }), JSON.stringify({ text: 'a', extra: 1 }), '[]']) {
      const answer = await check(body);
      expect(answer.status, body).toBe(400);
      expect(answer.body.error).toContain('"text"');
    }
  });

  test('a text over 256 KB gets 413, whether the body is within the route limit or over it', async () => {
    const big = `# ${'x'.repeat(MAX_SOURCE_BYTES)}\n${MINIMAL}`;
    const within = await check({ text: big });
    expect(within.status).toBe(413);
    expect(within.body.error).toContain('256 KB');
    const over = await check({ text: 'y'.repeat(MAX_SOURCE_BODY_BYTES + 10) });
    expect(over.status).toBe(413);
    expect(over.type).toContain('application/json');
    expect(over.body.error).toContain('larger than');
  });

  test('a GET gets 405 as JSON', async () => {
    const response = await fetch(`${server.base}/author/check.json`, { headers: { cookie: cookies.sam ?? '' } });
    expect(response.status).toBe(405);
    expect(((await response.json()) as { error: string }).error).toContain('POST');
  });
});

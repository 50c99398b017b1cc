// Authoring over HTTP against the real server (demo team, a copy of the scenarios folder): the editor's JSON
// endpoints and the studio's form posts, with every refusal a person can meet.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, sessionCookie, type RunningServer } from '../../support/server.ts';

let server: RunningServer;
let dir: string;
let scenarios: string;
const cookies: Record<string, string> = {};
const NEW_ID = 'http-story-case';

async function send(
  pathname: string,
  options: { who?: string; method?: string; json?: unknown; raw?: string; form?: Record<string, string>; multipart?: FormData } = {},
) {
  const headers: Record<string, string> = { origin: server.base };
  if (options.who) headers.cookie = cookies[options.who] ?? '';
  let body: string | FormData | undefined;
  if (options.json !== undefined || options.raw !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.raw ?? JSON.stringify(options.json);
  } else if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  } else if (options.multipart) body = options.multipart;
  const method = options.method ?? (body === undefined ? 'GET' : 'POST');
  const response = await fetch(`${server.base}${pathname}`, { method, headers, body, redirect: 'manual' });
  const text = await response.text();
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // an HTML page or plain text
  }
  return { status: response.status, text, data, location: response.headers.get('location') ?? undefined, type: response.headers.get('content-type') ?? '' };
}

const draftOf = async (id: string, who = 'sam') => (await send(`/author/${id}/draft.json`, { who })).data as { text: string; version: number; status: string };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'desk-authoring-'));
  scenarios = `${dir}-scenarios`;
  await cp(path.resolve('scenarios'), scenarios, { recursive: true });
  server = await startServer(dir, 4793, true, { DESK_SCENARIOS_DIR: scenarios });
  for (const username of ['sam', 'rosa', 'lena', 'ava']) cookies[username] = await sessionCookie(server.base, username);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
  await rm(scenarios, { recursive: true, force: true });
});

describe('the draft JSON endpoint', () => {
  test('a senior only: no session is 401, a lead or trainee 403, each with an error sentence in JSON', async () => {
    const answers = await Promise.all([undefined, 'lena', 'ava'].map((who) => send('/author/same-po-two-doors/draft.json', { who })));
    expect(answers.map((answer) => answer.status)).toEqual([401, 403, 403]);
    for (const answer of answers) {
      expect(answer.type).toContain('application/json');
      expect(answer.data.error).toEqual(expect.any(String));
    }
    const put = await send('/author/same-po-two-doors/draft.json', { who: 'lena', method: 'PUT', json: { text: 'x', version: 0 } });
    expect(put.status).toBe(403);
  });

  test('with no draft it gives the published file as version 0; an unknown or unsafe id is a 404', async () => {
    const answer = await send('/author/same-po-two-doors/draft.json', { who: 'sam' });
    expect(answer.status).toBe(200);
    expect(answer.data).toMatchObject({ id: 'same-po-two-doors', version: 0, status: 'none', reviewRequired: true, publishedRevision: expect.any(String) });
    expect(answer.data.text).toBe(await readFile(path.join(scenarios, 'same-po-two-doors.yaml'), 'utf8'));
    for (const id of ['no-such-case', '..%2F..%2Fpackage']) {
      const missing = await send(`/author/${id}/draft.json`, { who: 'sam' });
      expect([missing.status, typeof missing.data.error]).toEqual([404, 'string']);
    }
  });

  test('bad JSON and bad fields are 400, too large a text 413, an unknown id 404, all with what to do', async () => {
    const url = '/author/same-po-two-doors/draft.json';
    const badJson = await send(url, { who: 'sam', method: 'PUT', raw: '{"text": ' });
    expect([badJson.status, badJson.data.error]).toEqual([400, expect.stringContaining('not valid JSON')]);
    const noVersion = await send(url, { who: 'sam', method: 'PUT', json: { text: 'id: x' } });
    expect([noVersion.status, noVersion.data.error]).toEqual([400, expect.stringContaining('"version"')]);
    const large = await send(url, { who: 'sam', method: 'PUT', json: { text: 'a'.repeat(300 * 1024), version: 0 } });
    expect([large.status, large.data.error]).toEqual([413, expect.stringContaining('256 KB')]);
    const huge = await send(url, { who: 'sam', method: 'PUT', json: { text: 'a'.repeat(1100 * 1024), version: 0 } });
    expect(huge.status).toBe(413);
    const unknown = await send('/author/no-such-case/draft.json', { who: 'sam', method: 'PUT', json: { text: 'id: no-such-case\n', version: 0 } });
    expect(unknown.status).toBe(404);
    expect((await draftOf('same-po-two-doors')).version).toBe(0);
  });

  test('a save names the version it loaded: the second of two saves from version 1 gets 409 with the draft as stored', async () => {
    const url = '/author/card-auth-expired/draft.json';
    const loaded = await draftOf('card-auth-expired');
    const first = await send(url, { who: 'sam', method: 'PUT', json: { text: `${loaded.text}\n# sam's note\n`, version: 0, message: 'A note.' } });
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ version: 1, status: 'editing', updatedBy: 'sam', errors: 0 });
    const second = await send(url, { who: 'rosa', method: 'PUT', json: { text: `${loaded.text}\n# rosa's note\n`, version: 0 } });
    expect(second.status).toBe(409);
    expect(second.data.error).toContain('since you loaded version 0');
    expect(second.data.current).toMatchObject({ version: 1, updatedBy: 'sam', text: expect.stringContaining("# sam's note") });
    expect((await draftOf('card-auth-expired')).text).toContain("# sam's note");
  });
});

describe('new, submit, review and publish', () => {
  test('a new scenario from the template: taken and unusable ids are refused with a reason', async () => {
    const taken = await send('/author/new', { who: 'sam', form: { id: 'same-po-two-doors', from: 'template', category: 'credit-limit', level: '1' } });
    expect([taken.status, taken.text]).toEqual([400, expect.stringContaining('exists already')]);
    const bad = await send('/author/new', { who: 'sam', form: { id: 'Bad Id', from: 'template', category: 'credit-limit', level: '1' } });
    expect([bad.status, bad.text]).toEqual([400, expect.stringContaining('not a usable id')]);
    const lead = await send('/author/new', { who: 'lena', form: { id: NEW_ID, from: 'template', category: 'credit-limit', level: '1' } });
    expect(lead.status).toBe(403);
    const made = await send('/author/new', { who: 'sam', form: { id: NEW_ID, from: 'template', category: 'credit-limit', level: '2', title: 'HTTP story' } });
    expect([made.status, made.location]).toEqual([303, `/author/${NEW_ID}/edit`]);
    expect(await draftOf(NEW_ID)).toMatchObject({ version: 1, status: 'editing', text: expect.stringContaining(`id: ${NEW_ID}`) });
  });

  test('a draft with errors is saved but not submitted; fixed, it is submitted, and its author cannot approve it', async () => {
    const good = (await draftOf(NEW_ID)).text;
    const broken = good.replace(/^title: .*$/m, 'title: 42\nsummary_typo: x');
    const saved = await send(`/author/${NEW_ID}/draft.json`, { who: 'sam', method: 'PUT', json: { text: broken, version: 1 } });
    expect(saved.status).toBe(200);
    expect(saved.data.errors).toBeGreaterThan(0);
    const refused = await send(`/author/${NEW_ID}/submit`, { who: 'sam', form: { version: '2' } });
    expect([refused.status, refused.text]).toEqual([400, expect.stringContaining('cannot be submitted')]);
    await send(`/author/${NEW_ID}/draft.json`, { who: 'sam', method: 'PUT', json: { text: good, version: 2, message: 'Fixed the title.' } });
    const submitted = await send(`/author/${NEW_ID}/submit`, { who: 'sam', form: { version: '3' } });
    expect([submitted.status, submitted.location]).toEqual([303, `/author/${NEW_ID}/review`]);
    expect((await draftOf(NEW_ID)).status).toBe('in-review');
    const own = await send(`/author/${NEW_ID}/review`, { who: 'sam', form: { intent: 'approve', version: '3', comment: '' } });
    expect([own.status, own.text]).toEqual([403, expect.stringContaining('another senior specialist must approve')]);
    const lead = await send(`/author/${NEW_ID}/review`, { who: 'lena', form: { intent: 'approve', version: '3', comment: '' } });
    expect(lead.status).toBe(403);
    const publishAlone = await send(`/author/${NEW_ID}/submit`, { who: 'sam', form: { version: '3', intent: 'publish' } });
    expect([publishAlone.status, publishAlone.text]).toEqual([403, expect.stringContaining('DESK_PUBLISH_REVIEW=required')]);
  });

  test('the review page shows the diff and the senior path; a stale approval is 409; the second senior publishes', async () => {
    const page = await send(`/author/${NEW_ID}/review`, { who: 'rosa' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('What changes on the senior path');
    expect(page.text).toContain('A new variant.');
    expect(page.text).toContain('Approve and publish');
    const stale = await send(`/author/${NEW_ID}/review`, { who: 'rosa', form: { intent: 'approve', version: '2', comment: '' } });
    expect(stale.status).toBe(409);
    const noComment = await send(`/author/${NEW_ID}/review`, { who: 'rosa', form: { intent: 'changes', version: '3', comment: ' ' } });
    expect([noComment.status, noComment.text]).toEqual([400, expect.stringContaining('write a comment')]);
    const approved = await send(`/author/${NEW_ID}/review`, { who: 'rosa', form: { intent: 'approve', version: '3', comment: 'Clear and fair.' } });
    expect([approved.status, approved.location]).toEqual([303, `/author/${NEW_ID}/history`]);
    const file = await readFile(path.join(scenarios, `${NEW_ID}.yaml`), 'utf8');
    expect(file).toContain(`id: ${NEW_ID}`);
    expect((await draftOf(NEW_ID)).status).toBe('none');
    const train = await send(`/train/${NEW_ID}`, { who: 'ava' });
    expect([train.status, train.text]).toEqual([200, expect.stringContaining('HTTP story')]);
    const history = await send(`/author/${NEW_ID}/history`, { who: 'lena' });
    expect(history.status).toBe(200);
    expect(history.text).toContain('approved by rosa');
    expect(history.text).toContain('Clear and fair.');
    expect(history.text).not.toContain('Changed on disk');
  });

  test('withdraw stops new attempts and shows the trainee why; reinstate brings it back', async () => {
    const lead = await send(`/author/${NEW_ID}/history`, { who: 'lena', form: { intent: 'withdraw' } });
    expect(lead.status).toBe(403);
    const withdrawn = await send(`/author/${NEW_ID}/history`, { who: 'sam', form: { intent: 'withdraw' } });
    expect(withdrawn.status).toBe(303);
    const page = await send(`/train/${NEW_ID}`, { who: 'ava' });
    expect(page.text).toContain('This scenario has been withdrawn');
    expect((await send('/train', { who: 'ava' })).text).not.toContain(`/train/${NEW_ID}"`);
    await send(`/author/${NEW_ID}/history`, { who: 'sam', form: { intent: 'reinstate' } });
    expect((await send(`/train/${NEW_ID}`, { who: 'ava' })).text).not.toContain('This scenario has been withdrawn');
  });
});

describe('files stay first-class', () => {
  test('a file changed on disk gets a history entry; a draft started before it is not published over it', async () => {
    const loaded = await draftOf(NEW_ID);
    const saved = await send(`/author/${NEW_ID}/draft.json`, { who: 'rosa', method: 'PUT', json: { text: `${loaded.text}# rosa's edit\n`, version: 0 } });
    expect(saved.status).toBe(200);
    await send(`/author/${NEW_ID}/submit`, { who: 'rosa', form: { version: '1' } });
    await writeFile(path.join(scenarios, `${NEW_ID}.yaml`), `${loaded.text}# edited with git\n`);
    await expect.poll(async () => (await send(`/author/${NEW_ID}/history`, { who: 'sam' })).text, { timeout: 10_000 }).toContain('Changed on disk');
    const refused = await send(`/author/${NEW_ID}/review`, { who: 'sam', form: { intent: 'approve', version: '1', comment: '' } });
    expect([refused.status, refused.text]).toEqual([409, expect.stringContaining('changed on disk since this draft started')]);
    expect(await readFile(path.join(scenarios, `${NEW_ID}.yaml`), 'utf8')).toContain('# edited with git');
    const rebased = await send(`/author/${NEW_ID}/history`, { who: 'rosa', form: { intent: 'rebase', version: '1' } });
    expect(rebased.status).toBe(303);
    expect((await draftOf(NEW_ID)).text).toContain('# edited with git');
  });

  test('download the published file and the draft; upload a file into the draft; playtest the draft', async () => {
    const published = await send(`/author/${NEW_ID}/source.yaml`, { who: 'lena' });
    expect([published.status, published.type]).toEqual([200, expect.stringContaining('yaml')]);
    expect(published.text).toContain('# edited with git');
    const form = new FormData();
    form.set('file', new Blob([`${published.text}# uploaded\n`], { type: 'application/yaml' }), `${NEW_ID}.yaml`);
    const uploaded = await send(`/author/${NEW_ID}/upload`, { who: 'sam', multipart: form });
    expect([uploaded.status, uploaded.location]).toEqual([303, `/author/${NEW_ID}/history`]);
    expect((await send(`/author/${NEW_ID}/source.yaml?draft=1`, { who: 'sam' })).text).toContain('# uploaded');
    const empty = new FormData();
    empty.set('file', new Blob([new Uint8Array([0xff, 0xfe, 0x00])]), 'binary.yaml');
    const binary = await send(`/author/${NEW_ID}/upload`, { who: 'sam', multipart: empty });
    expect([binary.status, binary.text]).toEqual([400, expect.stringContaining('not UTF-8 text')]);
    const playtest = await send(`/author/${NEW_ID}/playtest?draft=1`, { who: 'sam' });
    expect([playtest.status, playtest.text]).toEqual([200, expect.stringContaining('Playtest of the draft')]);
    expect((await send('/author/no-such-case/playtest?draft=1', { who: 'sam' })).status).toBe(404);
    expect((await send('/author/no-such-case/history', { who: 'sam' })).status).toBe(404);
  });
});

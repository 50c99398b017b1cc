// The authoring services on a real desk (memory store) over a scenarios folder of its own, which publishing writes.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openTestDesk } from '../../support/desk.ts';
import { fixtureText } from '../../support/scenarios.ts';
import type { Desk } from '../../../src/server/desk.ts';
import { draftJson, saveDraft } from '../../../src/server/authoring/drafts.ts';
import { rebaseDraft, reviewDraft, submitDraft } from '../../../src/server/authoring/publishing.ts';
import { recordFileChanges, restoreRevision, setWithdrawn } from '../../../src/server/authoring/history.ts';
import { revisionOf } from '../../../src/server/scenarios/catalog.ts';
import { newScenario } from '../../../src/server/authoring/new-scenario.ts';
import { notificationsOf } from '../../../src/server/notifications/notification-service.ts';
import type { Viewer } from '../../../src/domain/people/roles.ts';

const root = new URL('../../../', import.meta.url).pathname;
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

const sam: Viewer = { username: 'sam', role: 'senior' };
const rosa: Viewer = { username: 'rosa', role: 'senior' };

/** A desk over a scenarios folder holding the taxonomy and the minimal fixture. */
async function deskWithLibrary(env: Record<string, string> = {}): Promise<{ desk: Desk; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'desk-authoring-lib-'));
  folders.push(dir);
  await copyFile(path.join(root, 'scenarios/taxonomy.yaml'), path.join(dir, 'taxonomy.yaml'));
  await writeFile(path.join(dir, 'minimal.yaml'), fixtureText('minimal.yaml'));
  const desk = await openTestDesk(undefined, { DESK_SCENARIOS_DIR: dir, DESK_PLAYBOOKS_DIR: path.join(root, 'content/playbooks'), ...env });
  return { desk, dir };
}

const kinds = (desk: Desk, id = 'minimal') => desk.store.authoring.history(id).map((entry) => entry.kind);

describe('history of files on disk', () => {
  test('the first reload records every file once; an unchanged reload records nothing; a change on disk is recorded', async () => {
    const { desk, dir } = await deskWithLibrary();
    expect(desk.store.authoring.history('minimal').map((entry) => [entry.kind, entry.message])).toEqual([['file', 'Found on disk when the history began.']]);
    await desk.catalog.reload();
    expect(kinds(desk)).toEqual(['file']);
    await writeFile(path.join(dir, 'minimal.yaml'), `${fixtureText('minimal.yaml')}# edited\n`);
    await desk.catalog.reload();
    const last = desk.store.authoring.history('minimal').at(-1);
    expect([last?.kind, last?.message]).toEqual(['file', 'Changed on disk (with git or an editor).']);
    expect(await desk.store.revisions.read('minimal', last?.revision ?? '')).toContain('# edited');
  });
});

test('a file equal to its draft is a publish in progress, except at start, where it is one a crash cut short', async () => {
  const { desk } = await deskWithLibrary();
  const text = `${(await draftJson(desk, 'minimal')).text}# published, then the server stopped\n`;
  await saveDraft(desk, sam, 'minimal', { text, version: 0 });
  const file = { fileId: 'minimal', text, revision: revisionOf(text) };
  expect(await recordFileChanges(desk, [file])).toBe(0);
  expect(await recordFileChanges(desk, [file], { atStart: true })).toBe(1);
  expect(await recordFileChanges(desk, [file], { atStart: true })).toBe(0);
  expect(kinds(desk)).toEqual(['file', 'draft', 'file']);
});

describe('draft, review, publish', () => {
  test('a second senior approves: the file is written, new attempts get the new revision, attempts under way keep theirs', async () => {
    const { desk, dir } = await deskWithLibrary();
    const trainee = await desk.accounts.add({ username: 'tia', name: 'Tia', role: 'trainee', password: '' }, 'not-a-real-hash');
    const before = await desk.attempts.start(trainee, 'minimal', 'practice');
    const loaded = await draftJson(desk, 'minimal');
    const text = loaded.text.replace('title: Address fix before the pick wave', 'title: Address fix before the wave');
    const saved = await saveDraft(desk, sam, 'minimal', { text, version: 0, message: 'Shorter title.' });
    expect(saved).toMatchObject({ version: 1, status: 'editing', errors: 0 });
    expect(await submitDraft(desk, sam, 'minimal', { version: 1, intent: 'submit' })).toBe('submitted');
    await expect(reviewDraft(desk, sam, 'minimal', { decision: 'approve', version: 1, comment: '' })).rejects.toMatchObject({ status: 403 });
    expect(await reviewDraft(desk, rosa, 'minimal', { decision: 'approve', version: 1, comment: 'Fine.' })).toBe('published');
    expect(await readFile(path.join(dir, 'minimal.yaml'), 'utf8')).toBe(text);
    expect(desk.catalog.get('minimal')?.scenario.title).toBe('Address fix before the wave');
    expect(desk.store.attempts.get(before.id)?.revision).toBe(before.revision);
    expect(desk.catalog.get('minimal')?.revision).not.toBe(before.revision);
    expect(kinds(desk)).toEqual(['file', 'draft', 'submit', 'publish']);
    expect(desk.store.authoring.history('minimal').at(-1)).toMatchObject({ by: 'sam', approvedBy: 'rosa', message: 'Fine.' });
    expect(desk.store.authoring.draft('minimal')).toBeUndefined();
  });

  test('asking for changes sends it back with the comment; saving takes it to editing and keeps the comment', async () => {
    const { desk } = await deskWithLibrary();
    const { text } = await draftJson(desk, 'minimal');
    await saveDraft(desk, sam, 'minimal', { text: `${text}# a\n`, version: 0 });
    await submitDraft(desk, sam, 'minimal', { intent: 'submit' });
    await reviewDraft(desk, rosa, 'minimal', { decision: 'changes', version: 1, comment: 'Say why the suite matters.' });
    expect(desk.store.authoring.draft('minimal')).toMatchObject({
      status: 'changes-requested',
      reviewComment: 'Say why the suite matters.',
      reviewedBy: 'rosa',
    });
    await expect(reviewDraft(desk, rosa, 'minimal', { decision: 'approve', version: 1, comment: '' })).rejects.toMatchObject({ status: 409 });
    await saveDraft(desk, sam, 'minimal', { text: `${text}# b\n`, version: 1 });
    expect(desk.store.authoring.draft('minimal')).toMatchObject({ status: 'editing', version: 2, reviewComment: 'Say why the suite matters.' });
  });

  test('with DESK_PUBLISH_REVIEW=self the author publishes alone, recorded as a self-publish', async () => {
    const { desk, dir } = await deskWithLibrary({ DESK_PUBLISH_REVIEW: 'self' });
    const { text } = await draftJson(desk, 'minimal');
    await saveDraft(desk, sam, 'minimal', { text: `${text}# self\n`, version: 0 });
    expect(await submitDraft(desk, sam, 'minimal', { version: 1, intent: 'publish' })).toBe('published');
    expect(desk.store.authoring.history('minimal').at(-1)).toMatchObject({ kind: 'publish', by: 'sam', selfPublished: true });
    expect(await readFile(path.join(dir, 'minimal.yaml'), 'utf8')).toContain('# self');
  });

  test('a file changed on disk since the draft started blocks the publish until the author chooses', async () => {
    const { desk, dir } = await deskWithLibrary({ DESK_PUBLISH_REVIEW: 'self' });
    const { text } = await draftJson(desk, 'minimal');
    await saveDraft(desk, sam, 'minimal', { text: `${text}# mine\n`, version: 0 });
    await writeFile(path.join(dir, 'minimal.yaml'), `${text}# theirs\n`);
    await desk.catalog.reload();
    await expect(submitDraft(desk, sam, 'minimal', { intent: 'publish' })).rejects.toMatchObject({
      status: 409,
      message: expect.stringContaining('changed on disk'),
    });
    expect(await readFile(path.join(dir, 'minimal.yaml'), 'utf8')).toContain('# theirs');
    await rebaseDraft(desk, sam, 'minimal', { version: 1, keep: true });
    expect(await submitDraft(desk, sam, 'minimal', { intent: 'publish' })).toBe('published');
    expect(await readFile(path.join(dir, 'minimal.yaml'), 'utf8')).toContain('# mine');
    expect(kinds(desk)).toEqual(['file', 'draft', 'file', 'draft', 'publish']);
  });

  test('a draft with errors is saved but refused at submit, naming the first error', async () => {
    const { desk } = await deskWithLibrary();
    const saved = await saveDraft(desk, sam, 'minimal', { text: 'id: minimal\ntitle: 3\n', version: 0 });
    expect(saved.errors).toBeGreaterThan(0);
    await expect(submitDraft(desk, sam, 'minimal', { intent: 'submit' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/cannot be submitted.*minimal\.yaml:\d+:\d+/),
    });
  });
});

describe('restore, withdraw, new', () => {
  test('restore makes a new draft from an earlier revision; an unknown revision is a 404', async () => {
    const { desk } = await deskWithLibrary();
    const first = desk.store.authoring.history('minimal')[0]?.revision ?? '';
    const { text } = await draftJson(desk, 'minimal');
    await saveDraft(desk, sam, 'minimal', { text: `${text}# later\n`, version: 0 });
    await restoreRevision(desk, rosa, 'minimal', { revision: first, version: 1 });
    expect((await draftJson(desk, 'minimal')).text).toBe(text);
    expect(desk.store.authoring.history('minimal').at(-1)).toMatchObject({ kind: 'restore', by: 'rosa', revision: first });
    await expect(restoreRevision(desk, rosa, 'minimal', { revision: 'ffffffffffffffff', version: 2 })).rejects.toMatchObject({ status: 404 });
  });

  test('withdraw stops new attempts and leaves the list; reinstate undoes it; both are in the history', async () => {
    const { desk } = await deskWithLibrary();
    const trainee = await desk.accounts.add({ username: 'tia', name: 'Tia', role: 'trainee', password: '' }, 'not-a-real-hash');
    await setWithdrawn(desk, sam, 'minimal', true);
    expect([desk.catalog.get('minimal'), desk.catalog.list().length, desk.catalog.isWithdrawn('minimal')]).toEqual([undefined, 0, true]);
    await expect(desk.attempts.start(trainee, 'minimal', 'practice')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await setWithdrawn(desk, sam, 'minimal', false);
    expect((await desk.attempts.start(trainee, 'minimal', 'practice')).scenarioId).toBe('minimal');
    expect(kinds(desk)).toEqual(['file', 'withdraw', 'reinstate']);
  });

  test('a new scenario from the template passes the check; a copy takes the new id; a taken id is refused', async () => {
    const { desk } = await deskWithLibrary();
    await newScenario(desk, sam, 'fresh-case', { from: 'template', category: 'credit-limit', level: 1 });
    const fresh = await draftJson(desk, 'fresh-case');
    expect(fresh).toMatchObject({ version: 1, status: 'editing', baseRevision: null, publishedRevision: null });
    expect(await submitDraft(desk, sam, 'fresh-case', { intent: 'submit' })).toBe('submitted');
    await newScenario(desk, sam, 'copied-case', { from: 'copy', copyOf: 'minimal' });
    expect((await draftJson(desk, 'copied-case')).text).toContain('id: copied-case');
    await expect(newScenario(desk, sam, 'minimal', { from: 'copy', copyOf: 'minimal' })).rejects.toMatchObject({ status: 400 });
    await expect(newScenario(desk, sam, 'fresh-case', { from: 'template', category: 'credit-limit', level: 1 })).rejects.toMatchObject({ status: 400 });
    await expect(newScenario(desk, sam, 'other-case', { from: 'template', category: 'no-such', level: 1 })).rejects.toMatchObject({ status: 400 });
  });
});

describe('notifications', () => {
  test('the other seniors hear of a draft to review; the author hears of changes asked for and of the approval', async () => {
    const { desk } = await deskWithLibrary();
    const [samUser, rosaUser] = await Promise.all(
      ['sam', 'rosa'].map((username) => desk.accounts.add({ username, name: username.toUpperCase(), role: 'senior', password: '' }, 'not-a-real-hash')),
    );
    const feed = (user: typeof samUser) =>
      notificationsOf(desk, user!)
        .filter((item) => item.kind.startsWith('draft-'))
        .map((item) => [item.kind, item.text, item.href]);
    const { text } = await draftJson(desk, 'minimal');
    await saveDraft(desk, sam, 'minimal', { text: `${text}# a\n`, version: 0 });
    await submitDraft(desk, sam, 'minimal', { intent: 'submit' });
    expect(feed(rosaUser)).toEqual([['draft-review', 'SAM submitted a draft of Address fix before the pick wave for your review.', '/author/minimal/review']]);
    expect(feed(samUser)).toEqual([]);
    await reviewDraft(desk, rosa, 'minimal', { decision: 'changes', version: 1, comment: 'More.' });
    expect(feed(samUser)).toEqual([['draft-decision', 'ROSA asked for changes to your draft of Address fix before the pick wave.', '/author/minimal/review']]);
    await saveDraft(desk, sam, 'minimal', { text: `${text}# b\n`, version: 1 });
    await submitDraft(desk, sam, 'minimal', { intent: 'submit' });
    await reviewDraft(desk, rosa, 'minimal', { decision: 'approve', version: 2, comment: '' });
    expect(feed(samUser)).toEqual([
      ['draft-decision', 'ROSA approved and published your draft of Address fix before the pick wave.', '/author/minimal/history'],
    ]);
    expect(feed(rosaUser)).toEqual([]);
  });
});

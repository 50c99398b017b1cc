import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ScenarioCatalog } from '../../../src/server/scenarios/catalog.ts';
import { playtestPage } from '../../../src/server/authoring/playtest-page.ts';

const root = new URL('../../../', import.meta.url).pathname;
let dir: string;
let catalog: ScenarioCatalog;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-playtest-'));
  await mkdir(join(dir, 'scenarios'));
  await copyFile(join(root, 'scenarios/taxonomy.yaml'), join(dir, 'scenarios/taxonomy.yaml'));
  await copyFile(join(root, 'tests/fixtures/scenarios/kitchen-sink.yaml'), join(dir, 'scenarios/kitchen-sink.yaml'));
  catalog = new ScenarioCatalog({ scenariosDir: join(dir, 'scenarios'), playbooksDir: join(root, 'content/playbooks') }, () => {});
  await catalog.reload();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const post = (fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
};
const open = async (from: string | null, form?: FormData) =>
  (await playtestPage(catalog, 'kitchen-sink', { from, readForm: form && (async () => form) }, 'playtest:sam'))!;

describe('the playtest page', () => {
  test('a file that is not served has no playtest', async () => {
    expect(await playtestPage(catalog, 'no-such-file', { from: null }, 'seed')).toBeUndefined();
  });

  test('opens at the start with the answer key of the first step', async () => {
    const page = await open(null);
    expect([page.status, page.node, page.moves, page.key?.stepId, page.last]).toEqual([200, 'first-look', [], 'first-look', undefined]);
  });

  test('an answer is added to the moves carried by the form, and shows as the last decision with its key', async () => {
    const page = await open(null, post({ from: 'first-look', moves: '[]', stepId: 'first-look', intent: 'answer', option: 'release-it' }));
    expect(page.status).toBe(200);
    expect(page.moves).toEqual([{ stepId: 'first-look', answer: { kind: 'choose', optionId: 'release-it' } }]);
    expect([page.last?.option?.verdict, page.last?.why, page.ending?.result]).toEqual([
      'critical',
      'Only credit may release a credit hold. This is a control breach.',
      'failed',
    ]);
    expect(page.score?.passed).toBe(false);
  });

  test('undo drops the last answer', async () => {
    const moves = JSON.stringify([{ stepId: 'first-look', answer: { kind: 'choose', optionId: 'check-cash' } }]);
    const page = await open(null, post({ from: 'first-look', moves, intent: 'undo' }));
    expect([page.status, page.node, page.moves]).toEqual([200, 'first-look', []]);
  });

  test('moves that cannot be read back start again with a 400 and a sentence', async () => {
    const page = await open(null, post({ from: 'first-look', moves: '{not json', stepId: 'first-look', option: 'check-cash' }));
    expect([page.status, page.moves, page.problem]).toEqual([400, [], 'The playtest could not be read back, so it starts again from the beginning.']);
  });

  test('an answer that no longer fits stops the replay before it, with a 400', async () => {
    const moves = JSON.stringify([
      { stepId: 'first-look', answer: { kind: 'choose', optionId: 'fax-machine' } },
      { stepId: 'loop-in', answer: { kind: 'choose-many', optionIds: ['credit'] } },
    ]);
    const page = await open(null, post({ from: 'first-look', moves, intent: 'undo' }));
    expect(page.status).toBe(400);
    expect(page.problem).toMatch(/^Answer 1 no longer fits/);
    expect([page.node, page.moves]).toEqual(['first-look', []]);
  });

  test('an unknown starting step falls back to the start; a step on the senior path says so', async () => {
    expect((await open('no-such-step')).from).toBe('first-look');
    expect(await open('queue')).toMatchObject({ from: 'queue', fromSeniorPath: true, node: 'queue' });
  });
});

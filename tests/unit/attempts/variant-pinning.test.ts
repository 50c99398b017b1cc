// Drawing and pinning case variants on the real attempt service, with a scenario of two variants.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { closeDesk, openDesk, type Desk } from '../../../src/server/desk.ts';
import { readConfig } from '../../../src/server/config.ts';
import type { AttemptFile, User } from '../../../src/server/db/schema.ts';
import type { Answer } from '../../../src/domain/engine/answer.ts';
import { authorVariants } from '../../../src/server/authoring/author-variants.ts';
import { scenarioMap } from '../../../src/server/authoring/map-cache.ts';
import { analysedAttempts } from '../../../src/server/authoring/item-runs.ts';

const root = new URL('../../../', import.meta.url).pathname;
const VARIANTS = ['wire-covers', 'wire-short'];
let dir: string;
let scenarios: string;
let desk: Desk;
let ava: User;

const open = () =>
  openDesk(
    readConfig({ DESK_DATA_DIR: join(dir, 'data'), DESK_SCENARIOS_DIR: scenarios, DESK_PLAYBOOKS_DIR: join(root, 'content/playbooks'), DESK_DEMO: '0' }),
    { log: () => {} },
  );

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-variants-'));
  scenarios = join(dir, 'scenarios');
  await mkdir(scenarios);
  await copyFile(join(root, 'scenarios/taxonomy.yaml'), join(scenarios, 'taxonomy.yaml'));
  await copyFile(join(root, 'tests/fixtures/scenarios/wire-variants.yaml'), join(scenarios, 'wire-variants.yaml'));
  await copyFile(join(root, 'tests/fixtures/scenarios/kitchen-sink.yaml'), join(scenarios, 'kitchen-sink.yaml'));
  desk = await open();
  ava = await desk.accounts.add({ username: 'ava', name: 'Ava', role: 'trainee', team: 'north', password: '' }, 'not-a-real-hash');
});
afterEach(async () => {
  closeDesk(desk);
  await rm(dir, { recursive: true, force: true });
});

const choose = (optionId: string): Answer => ({ kind: 'choose', optionId });

describe('drawing a variant', () => {
  test('an assessment draws a variant not seen in practice; with every variant seen, the least-seen', async () => {
    for (let round = 0; round < 6; round++) {
      const practice = await desk.attempts.start(ava, 'wire-variants', 'practice');
      expect(VARIANTS).toContain(practice.variant);
      await desk.attempts.abandon(practice);
      const assessment = await desk.attempts.start(ava, 'wire-variants', 'assessment');
      const seen = desk.attempts
        .attemptsOf('ava')
        .filter((attempt) => attempt.id !== assessment.id)
        .map((attempt) => attempt.variant);
      const unseen = VARIANTS.filter((variant) => !seen.includes(variant));
      if (unseen.length) expect(unseen).toContain(assessment.variant);
      await desk.attempts.abandon(assessment);
    }
    // Practice draws the least-seen too, so after six rounds each variant has been played six times.
    const counts = new Map<string, number>();
    for (const attempt of desk.attempts.attemptsOf('ava')) counts.set(attempt.variant!, (counts.get(attempt.variant!) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 'wire-covers': 6, 'wire-short': 6 });
  });

  test('a scenario without variants plays standard', async () => {
    const attempt = await desk.attempts.start(ava, 'kitchen-sink', 'practice');
    expect(attempt.variant).toBe('standard');
  });
});

describe('pinning', () => {
  test('a resumed attempt keeps its variant and revision after the file changes and the server restarts', async () => {
    const attempts: AttemptFile[] = [];
    for (let round = 0; round < 2; round++) {
      const attempt = await desk.attempts.start(ava, 'wire-variants', 'practice');
      await desk.attempts.answer(attempt, 'read-file', choose('ledger'));
      attempts.push(attempt);
      if (round === 0) await desk.attempts.abandon(attempt);
    }
    const attempt = attempts[1]!;
    const other = attempts[0]!;
    expect(attempt.variant).not.toBe(other.variant);
    const before = await desk.attempts.view(attempt);
    const customer = attempt.variant === 'wire-covers' ? 'Halvorsen Foods' : 'Northwind Fabrication';
    expect(before.scenario.title).toBe(`${customer} order held over its credit limit`);

    // The author edits the file: a new revision is served; the open attempt stays on its own.
    const file = join(scenarios, 'wire-variants.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Who hears about the release?', 'Who needs to hear about the release?'));
    closeDesk(desk);
    desk = await open();
    expect(desk.catalog.get('wire-variants')!.revision).not.toBe(attempt.revision);
    const resumed = desk.store.attempts.get(attempt.id)!;
    expect(resumed.variant).toBe(attempt.variant);
    expect(resumed.revision).toBe(attempt.revision);
    const view = await desk.attempts.view(resumed);
    expect(view.scenario.title).toBe(before.scenario.title);
    expect(view.step?.id).toBe('analyst-reply');
    expect(view.step?.prompt).toContain(attempt.variant === 'wire-covers' ? '120,000.00' : '105,000.00');

    // The answer key is the variant's: asking for an increase is best only when the wire falls short.
    const { outcome } = await desk.attempts.answer(resumed, 'analyst-reply', choose('ask-for-increase'));
    expect(outcome).toBe('applied');
    const { debrief } = await desk.attempts.debrief(resumed);
    expect(debrief.decisions[1]?.verdict).toBe(attempt.variant === 'wire-short' ? 'best' : 'weak');
  });

  test('an attempt stored before variants (no variant) plays and debriefs as standard', async () => {
    const attempt = await desk.attempts.start(ava, 'kitchen-sink', 'practice');
    await desk.store.attempts.update(attempt.id, (stored) => {
      delete (stored as { variant?: string }).variant;
    });
    closeDesk(desk);
    desk = await open();
    const stored = desk.store.attempts.get(attempt.id)!;
    expect(stored.variant).toBeUndefined();
    await desk.attempts.answer(stored, 'first-look', choose('check-cash'));
    const summary = await desk.attempts.summary(stored);
    expect(summary.variant).toBe('standard');
    expect((await desk.attempts.debrief(stored)).debrief.decisions).toHaveLength(1);
  });
});

describe('author tools per variant', () => {
  const checked = () => desk.catalog.checked.find((file) => file.scenario?.id === 'wire-variants')!.scenario!;

  test('the map and the playtest show the variant asked for, with its own answer key and senior path', async () => {
    const first = authorVariants(desk.catalog, checked(), true, null);
    expect(first.several).toBe(true);
    expect(first.variants.map((variant) => variant.id)).toEqual(['wire-short', 'wire-covers']);
    expect(first.shown.id).toBe('wire-short');
    expect(authorVariants(desk.catalog, checked(), true, 'no-such-variant').shown.id).toBe('wire-short');
    const covers = authorVariants(desk.catalog, checked(), true, 'wire-covers').shown;
    expect(covers.scenario.title).toBe('Halvorsen Foods order held over its credit limit');
    const seniorPick = (variant: typeof covers) => variant.senior.decisions.find((decision) => decision.stepId === 'analyst-reply')?.answer;
    expect(seniorPick(first.shown)).toEqual({ kind: 'choose', optionId: 'ask-for-increase' });
    expect(seniorPick(covers)).toEqual({ kind: 'choose', optionId: 'release-within-authority' });
    // The same step leads on by a different option in each variant: the map labels the edge with the variant's verdict.
    const verdicts = (variant: typeof covers) =>
      scenarioMap(variant.scenario, variant.senior)
        .edges.find((entry) => entry.from === 'analyst-reply' && entry.to === 'waiting')
        ?.parts.map((part) => part.verdict);
    expect(verdicts(covers)).toEqual(['weak']);
    expect(verdicts(first.shown)).toEqual(['weak']);
    const tellCustomer = (variant: typeof covers) =>
      scenarioMap(variant.scenario, variant.senior).edges.find((entry) => entry.from === 'analyst-reply' && entry.to === 'tell-customer');
    expect(tellCustomer(covers)?.senior).toBe(true);
    expect(tellCustomer(first.shown)?.senior).toBe(true);
    expect(tellCustomer(covers)?.parts.map((part) => part.label)).not.toEqual(tellCustomer(first.shown)?.parts.map((part) => part.label));
    // Not served (another file took its id, say): resolved from the checked file, with the same result.
    expect(seniorPick(authorVariants(desk.catalog, checked(), false, 'wire-covers').shown)).toEqual({ kind: 'choose', optionId: 'release-within-authority' });
    const plain = desk.catalog.checked.find((file) => file.scenario?.id === 'kitchen-sink')!.scenario!;
    expect(authorVariants(desk.catalog, plain, true, 'wire-covers')).toMatchObject({
      several: false,
      variants: [{ id: 'standard' }],
      shown: { id: 'standard' },
    });
  });

  test('the item analysis splits by variant and leaves open assessments out', async () => {
    const ben = await desk.accounts.add({ username: 'ben', name: 'Ben', role: 'trainee', team: 'north', password: '' }, 'not-a-real-hash');
    const avas = await desk.attempts.start(ava, 'wire-variants', 'practice');
    const bens = await desk.attempts.start(ben, 'wire-variants', 'practice');
    await desk.attempts.abandon(bens);
    const bens2 = await desk.attempts.start(ben, 'wire-variants', 'practice');
    for (const attempt of [avas, bens, bens2]) if (!attempt.finishedAt) await desk.attempts.answer(attempt, 'read-file', choose('ledger'));
    const sealed = await desk.attempts.start(ava, 'kitchen-sink', 'assessment');
    await desk.attempts.answer(sealed, 'first-look', choose('ask-sales'));
    expect(sealed.finishedAt).toBeUndefined();
    const byVariant = (variant: string) => [avas, bens, bens2].filter((attempt) => attempt.variant === variant).length;
    expect((await analysedAttempts(desk, 'wire-variants')).length).toBe(3);
    expect((await analysedAttempts(desk, 'wire-variants', 'wire-covers')).length).toBe(byVariant('wire-covers'));
    expect((await analysedAttempts(desk, 'wire-variants', 'wire-short')).length).toBe(byVariant('wire-short'));
    expect(await analysedAttempts(desk, 'kitchen-sink')).toEqual([]);
  });
});

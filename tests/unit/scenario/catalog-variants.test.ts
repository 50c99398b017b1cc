// The catalog serves a scenario with variants: every variant resolved, compiled and with its senior path.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pickVariant, ScenarioCatalog } from '../../../src/server/scenarios/catalog.ts';
import { currentNode, startAttempt, submitAnswer } from '../../../src/domain/engine/machine.ts';
import { useTempDir } from '../../support/temp-dir.ts';
import { choose } from '../../support/scenarios.ts';

const dir = useTempDir();
const root = new URL('../../../', import.meta.url).pathname;

async function catalogWith(...fixtures: string[]) {
  const scenariosDir = join(dir.path, 'scenarios');
  await mkdir(scenariosDir);
  await copyFile(join(root, 'scenarios/taxonomy.yaml'), join(scenariosDir, 'taxonomy.yaml'));
  for (const name of fixtures) await copyFile(join(root, 'tests/fixtures/scenarios', name), join(scenariosDir, name));
  const log: string[] = [];
  const catalog = new ScenarioCatalog({ scenariosDir, playbooksDir: join(dir.path, 'playbooks') }, (line) => log.push(line));
  await catalog.reload();
  return { catalog, log, scenariosDir };
}

describe('the catalog and variants', () => {
  test('loads every variant of a file, each with its own machine and senior path; the first stands for the scenario', async () => {
    const { catalog, log } = await catalogWith('wire-variants.yaml', 'minimal.yaml');
    expect(log).toEqual([]);
    const loaded = catalog.get('wire-variants')!;
    expect(loaded.variants.map((variant) => [variant.id, variant.senior.result, variant.senior.decisions.length])).toEqual([
      ['wire-short', 'resolved', 3],
      ['wire-covers', 'resolved', 3],
    ]);
    expect(loaded.scenario).toBe(loaded.variants[0]?.scenario);
    const covers = pickVariant(loaded, 'wire-covers')!;
    const played = submitAnswer(covers.scenario, covers.machine, startAttempt(covers.machine, 'practice'), 'read-file', choose('ledger'));
    const next = played.ok ? submitAnswer(covers.scenario, covers.machine, played.snapshot, 'analyst-reply', choose('release-within-authority')) : played;
    expect(next.ok && currentNode(next.snapshot)).toBe('tell-customer');
    expect(pickVariant(loaded, 'nope')).toBeUndefined();
  });

  test('a scenario without variants has one, standard; an attempt that names no variant plays the first', async () => {
    const { catalog } = await catalogWith('minimal.yaml', 'wire-variants.yaml');
    const minimal = catalog.get('minimal')!;
    expect(minimal.variants.map((variant) => variant.id)).toEqual(['standard']);
    expect(pickVariant(minimal)?.scenario).toBe(minimal.scenario);
    expect(pickVariant(catalog.get('wire-variants')!)?.id).toBe('wire-short');
  });

  test('a pinned revision rebuilt from its stored text keeps its variants', async () => {
    const { catalog, scenariosDir } = await catalogWith('wire-variants.yaml');
    const before = catalog.get('wire-variants')!;
    await writeFile(join(scenariosDir, 'wire-variants.yaml'), before.text.replace('title: The wire covers the whole overage', 'title: The wire covers it all'));
    await catalog.reload();
    const fresh = new ScenarioCatalog(catalog.paths, () => {});
    await fresh.reload();
    const pinned = await fresh.revision(before.revision, async () => before.text);
    expect(pinned?.variants.map((variant) => variant.title)).toEqual(['The wire leaves the order 7,400 over', 'The wire covers the whole overage']);
  });
});

import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { starterScenario } from '../../../src/domain/authoring/starter-scenario.ts';
import { seniorPath } from '../../../src/domain/engine/senior-path.ts';
import { useTempDir } from '../store/temp-dir.ts';
import { checkText, lines, playbooks, taxonomy } from '../engine/load.ts';

const tmp = useTempDir();
const root = new URL('../../../', import.meta.url).pathname;
const node = join(root, 'node_modules/.bin/node');

/** Runs a CLI the way its npm script does, with its exit code and output. */
async function run(script: string, args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(node, [script, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('starterScenario', () => {
  test.each([1, 2, 3] as const)('a level %i starter passes the check with no error and no warning', (level) => {
    for (const category of taxonomy.categories.map((term) => term.id)) {
      const text = starterScenario({ id: 'new-case', category, level, day: '2026-06-01', taxonomy, playbooks });
      const checked = checkText(text, 'new-case');
      expect(lines('scenarios/new-case.yaml', checked.findings), category).toBe('');
      expect(checked.value?.category).toBe(category);
    }
  });

  test('the starter shows every step kind, with a senior path of four decisions to a resolved ending', () => {
    const scenario = checkText(starterScenario({ id: 'new-case', category: 'credit-limit', level: 1, day: '2026-06-01', taxonomy, playbooks }), 'new-case').value;
    expect(scenario).toBeDefined();
    expect(new Set(Object.values(scenario!.steps).map((step) => step.kind))).toEqual(new Set(['choose', 'choose-many', 'rank', 'write']));
    const senior = seniorPath(scenario!);
    expect([senior.decisions.length, senior.result]).toEqual([4, 'resolved']);
    expect(Object.values(scenario!.endings).map((ending) => ending.result).sort()).toEqual(['failed', 'partial', 'resolved']);
    expect(scenario!.playbooks).toEqual(['credit-limit', 'who-owns-what', 'authority-levels']);
  });

  test('a title with a colon or quotes stays one YAML string', () => {
    const text = starterScenario({ id: 'new-case', category: 'hazmat', level: 2, day: '2026-06-01', taxonomy, playbooks, title: 'Batteries: "by air"?' });
    expect(checkText(text, 'new-case').value?.title).toBe('Batteries: "by air"?');
  });
});

describe('npm run scenario:new', () => {
  test('writes a starting file that npm run scenarios:check passes with no errors', async () => {
    await copyFile(join(root, 'scenarios/taxonomy.yaml'), join(tmp.path, 'taxonomy.yaml'));
    const made = await run('src/cli/scenario-new.ts', ['late-truck', '--category', 'expedite-escalation', '--level', '2', '--dir', tmp.path]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('late-truck.yaml: a starting file that passes the check');
    const file = join(tmp.path, 'late-truck.yaml');
    expect(await readFile(file, 'utf8')).toContain('id: late-truck\n');

    const checked = await run('src/cli/scenarios-check.ts', [file]);
    expect(checked.stdout.trim()).toBe('1 scenario file checked: 0 errors, 0 warnings; 1 clean.');
    expect(checked.code).toBe(0);
  });

  test('never overwrites a file, and says so', async () => {
    await copyFile(join(root, 'scenarios/taxonomy.yaml'), join(tmp.path, 'taxonomy.yaml'));
    await writeFile(join(tmp.path, 'taken.yaml'), 'mine');
    const again = await run('src/cli/scenario-new.ts', ['taken', '--category', 'hazmat', '--dir', tmp.path]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('taken.yaml already exists; choose another id, or edit that file.');
    expect(await readFile(join(tmp.path, 'taken.yaml'), 'utf8')).toBe('mine');
  });

  test('a wrong category or id is refused with a suggestion and the usage', async () => {
    await copyFile(join(root, 'scenarios/taxonomy.yaml'), join(tmp.path, 'taxonomy.yaml'));
    const typo = await run('src/cli/scenario-new.ts', ['late-truck', '--category', 'hazmatt', '--dir', tmp.path]);
    expect([typo.code, typo.stderr.split('\n')[0]]).toEqual([2, '"hazmatt" is not a category in taxonomy.yaml. Did you mean "hazmat"?']);
    const badId = await run('src/cli/scenario-new.ts', ['Late Truck', '--category', 'hazmat', '--dir', tmp.path]);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('is not a usable id');
    const noCategory = await run('src/cli/scenario-new.ts', ['late-truck', '--dir', tmp.path]);
    expect(noCategory.stderr).toContain('Say which category it belongs to with --category.');
  });
});

// npm run scenario:new, run as its npm script does: the file it writes passes npm run scenarios:check.
import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { useTempDir } from '../../support/temp-dir.ts';

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

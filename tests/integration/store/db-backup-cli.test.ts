import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { useTempDir } from '../../support/temp-dir.ts';

const tmp = useTempDir();
const root = new URL('../../../', import.meta.url).pathname;
const node = join(root, 'node_modules/.bin/node');

/** Runs `node src/cli/db-backup.ts` like `npm run db:backup` does, with its exit code and output. */
async function runBackup(dataDir: string, args: string[] = []) {
  try {
    const { stdout, stderr } = await promisify(execFile)(node, ['src/cli/db-backup.ts', ...args], {
      cwd: root,
      env: { ...process.env, DESK_DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('npm run db:backup', () => {
  test('backs the data directory up into <dataDir>-backups and says where', async () => {
    const data = join(tmp.path, 'data');
    await mkdir(join(data, 'trainees'), { recursive: true });
    await writeFile(join(data, 'users.json'), '{"accounts":[]}');
    await writeFile(join(data, 'trainees', 'cy.json'), '{"attempts":[1]}');
    await writeFile(join(data, '.lock'), '{}');

    const { code, stdout } = await runBackup(data);

    expect(code).toBe(0);
    const folders = await readdir(join(tmp.path, 'data-backups'));
    expect(folders).toHaveLength(1);
    const backup = join(tmp.path, 'data-backups', folders[0]!);
    expect(stdout).toBe(`Backed up 2 files (31 bytes) from ${data}\n  to ${backup}\n`);
    expect(await readFile(join(backup, 'trainees', 'cy.json'), 'utf8')).toBe('{"attempts":[1]}');
    expect((await readdir(backup)).sort()).toEqual(['trainees', 'users.json']);
  });

  test('--out chooses the backup folder', async () => {
    const data = join(tmp.path, 'data');
    await mkdir(data);
    await writeFile(join(data, 'users.json'), '{}');
    const { code } = await runBackup(data, ['--out', join(tmp.path, 'elsewhere')]);
    expect(code).toBe(0);
    expect(await readdir(join(tmp.path, 'elsewhere'))).toHaveLength(1);
  });

  test('a missing data directory exits 1 with a message naming it', async () => {
    const missing = join(tmp.path, 'no-such-data');
    const { code, stdout, stderr } = await runBackup(missing);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`No data directory at ${missing}; nothing to back up. Set DESK_DATA_DIR to the server's data directory.\n`);
  });
});

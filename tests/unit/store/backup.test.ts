import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { backupDataDir } from '../../../src/server/store/backup.ts';
import { useTempDir } from '../../support/temp-dir.ts';

const tmp = useTempDir();

/** A small data directory: the shared file, two trainee files, a lock, a file's spare and a leftover temp file. */
async function seedDataDir(): Promise<string> {
  const data = join(tmp.path, 'data');
  await mkdir(join(data, 'trainees'), { recursive: true });
  await writeFile(join(data, 'users.json'), '{"accounts":[{"name":"Ada","role":"lead"}]}');
  await writeFile(join(data, 'trainees', 'cy.json'), '{"attempts":[1,2,3]}');
  await writeFile(join(data, 'trainees', 'di.json'), '{"attempts":[]}');
  await writeFile(join(data, '.lock'), '{"pid":1}');
  await writeFile(join(data, 'trainees', '.di.json.123.abc.tmp'), '{"attem');
  await writeFile(join(data, 'trainees', '.cy.json.spare'), '{"attempts":[1,2]}');
  return data;
}

describe('backupDataDir', () => {
  test('copies every data file into a timestamped folder, skipping the hidden ones: lock, spares, temp files', async () => {
    const data = await seedDataDir();
    const result = await backupDataDir(data, join(tmp.path, 'data-backups'));
    expect(basename(result.dir)).toMatch(/^backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect((await readdir(result.dir, { recursive: true })).sort()).toEqual(['trainees', 'trainees/cy.json', 'trainees/di.json', 'users.json']);
    expect(result.files).toBe(3);
    expect(result.bytes).toBe(43 + 20 + 15);
  });

  test('the copies hold the same bytes and parse', async () => {
    const data = await seedDataDir();
    const { dir } = await backupDataDir(data, join(tmp.path, 'out'));
    for (const rel of ['users.json', 'trainees/cy.json', 'trainees/di.json']) {
      const copy = await readFile(join(dir, rel), 'utf8');
      expect(copy).toBe(await readFile(join(data, rel), 'utf8'));
      expect(() => JSON.parse(copy)).not.toThrow();
    }
  });

  test('two backups in the same second get separate folders', async () => {
    const data = await seedDataDir();
    const out = join(tmp.path, 'out');
    const first = await backupDataDir(data, out);
    const second = await backupDataDir(data, out);
    expect(second.dir).not.toBe(first.dir);
    expect(second.files).toBe(3);
  });

  test('a backup folder inside the data directory is refused', async () => {
    const data = await seedDataDir();
    await expect(backupDataDir(data, join(data, 'backups'))).rejects.toThrow(/is inside the data directory/);
  });

  test('a damaged data file is still copied, and the backup reports it', async () => {
    const data = await seedDataDir();
    await writeFile(join(data, 'users.json'), '{"accounts":[');
    const out = join(tmp.path, 'out');
    await expect(backupDataDir(data, out)).rejects.toThrow(/not valid JSON.*users\.json/);
    const [folder] = await readdir(out);
    expect(await readFile(join(out, folder!, 'users.json'), 'utf8')).toBe('{"accounts":[');
  });
});

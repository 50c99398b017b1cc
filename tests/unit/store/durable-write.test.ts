import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileDurable } from '../../../src/server/store/durable-write.ts';
import { useTempDir } from './temp-dir.ts';

const tmp = useTempDir();

describe('writeFileDurable', () => {
  test('replaces the whole file and leaves no temp file beside it', async () => {
    const file = join(tmp.path, 'settings.json');
    await writeFile(file, '{"old":"a much longer previous version of the file"}');
    await writeFileDurable(file, '{"new":1}');
    expect(await readFile(file, 'utf8')).toBe('{"new":1}');
    expect(await readdir(tmp.path)).toEqual(['settings.json']);
  });

  test('writes bytes as given', async () => {
    const file = join(tmp.path, 'blob.bin');
    await writeFileDurable(file, new Uint8Array([0, 255, 10]));
    expect([...(await readFile(file))]).toEqual([0, 255, 10]);
  });

  test('a failed rename rethrows and removes its temp file', async () => {
    const target = join(tmp.path, 'taken');
    await mkdir(join(target, 'inside'), { recursive: true }); // a non-empty directory cannot be renamed over
    await expect(writeFileDurable(target, 'data')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) });
    expect(await readdir(tmp.path)).toEqual(['taken']);
  });
});

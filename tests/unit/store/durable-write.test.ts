import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fsyncDir, mkdirDurable, stopDurableWrites, writeFileDurable } from '../../../src/server/store/durable-write.ts';
import { useTempDir } from '../../support/temp-dir.ts';

const tmp = useTempDir();

describe('writeFileDurable', () => {
  test('replaces the whole file; the version before becomes its hidden spare', async () => {
    const file = join(tmp.path, 'settings.json');
    await writeFile(file, '{"old":"a much longer previous version of the file"}');
    await writeFileDurable(file, '{"new":1}');
    expect(await readFile(file, 'utf8')).toBe('{"new":1}');
    expect((await readdir(tmp.path)).sort()).toEqual(['.settings.json.spare', 'settings.json']);
    expect(await readFile(join(tmp.path, '.settings.json.spare'), 'utf8')).toBe('{"old":"a much longer previous version of the file"}');
  });

  test('writes after the first reuse the spare: the file and its spare swap inodes, no third one is made', async () => {
    const file = join(tmp.path, 'settings.json');
    await writeFileDurable(file, '{"n":1}');
    await writeFileDurable(file, '{"n":2}');
    const inodes = async () => [(await stat(file)).ino, (await stat(join(tmp.path, '.settings.json.spare'))).ino];
    const [first, second] = await inodes();
    await writeFileDurable(file, '{"n":3}');
    expect(await inodes()).toEqual([second, first]);
    await writeFileDurable(file, '{"n":4}');
    expect(await inodes()).toEqual([first, second]);
    expect(await readFile(file, 'utf8')).toBe('{"n":4}');
  });

  test('a stale second name left by a crash between the renames is dropped, and the write lands', async () => {
    const file = join(tmp.path, 'settings.json');
    await writeFileDurable(file, '{"n":1}');
    await writeFile(join(tmp.path, '.settings.json.previous'), 'left by a crash');
    await writeFileDurable(file, '{"n":2}');
    expect(await readFile(file, 'utf8')).toBe('{"n":2}');
    expect((await readdir(tmp.path)).sort()).toEqual(['.settings.json.spare', 'settings.json']);
  });

  test('writes bytes as given', async () => {
    const file = join(tmp.path, 'blob.bin');
    await writeFileDurable(file, new Uint8Array([0, 255, 10]));
    expect([...(await readFile(file))]).toEqual([0, 255, 10]);
  });

  test('a write that cannot replace its target rethrows and leaves the target as it was', async () => {
    const target = join(tmp.path, 'taken');
    await mkdir(join(target, 'inside'), { recursive: true }); // a directory cannot be linked to or renamed over
    await expect(writeFileDurable(target, 'data')).rejects.toMatchObject({ code: expect.stringMatching(/EPERM|EISDIR|ENOTEMPTY|EEXIST/) });
    expect(await readdir(target)).toEqual(['inside']);
  });
});

describe('the durable-write thread', () => {
  test('a thread that stops rejects the writes it held, and the next write starts a new one', async () => {
    const file = join(tmp.path, 'settings.json');
    const held = writeFileDurable(file, '{"n":1}');
    await stopDurableWrites();
    await expect(held).rejects.toThrow(/The durable-write thread stopped/);
    await writeFileDurable(file, '{"n":2}');
    expect(await readFile(file, 'utf8')).toBe('{"n":2}');
  });

  test('many writes asked for at once, to many files and folders, all land', async () => {
    const folders = Array.from({ length: 10 }, (_, index) => join(tmp.path, `trainee-${index}`));
    for (const folder of folders) await mkdir(folder);
    // Writes to one file are ordered by their caller (the JSON adapter's queue); here each file gets one.
    await Promise.all(folders.flatMap((folder, f) => Array.from({ length: 20 }, (_, n) => writeFileDurable(join(folder, `${n}.json`), `{"f":${f},"n":${n}}`))));
    for (const [f, folder] of folders.entries()) {
      const names = (await readdir(folder)).filter((name) => !name.startsWith('.')).sort((a, b) => parseInt(a) - parseInt(b));
      expect(names).toEqual(Array.from({ length: 20 }, (_, n) => `${n}.json`));
      expect(JSON.parse(await readFile(join(folder, '7.json'), 'utf8'))).toEqual({ f, n: 7 });
    }
  });

  test('flushes a directory through the same thread, and says which one is missing', async () => {
    await expect(fsyncDir(tmp.path)).resolves.toBeUndefined();
    await expect(fsyncDir(join(tmp.path, 'gone'))).rejects.toMatchObject({ code: 'ENOENT', message: expect.stringContaining('gone') });
  });
});

describe('mkdirDurable', () => {
  test('makes the missing parents too, and is content with a folder that exists', async () => {
    const deep = join(tmp.path, 'attempts', 'ava', 'drafts');
    await mkdirDurable(deep);
    await mkdirDurable(deep);
    expect(await readdir(join(tmp.path, 'attempts', 'ava'))).toEqual(['drafts']);
  });

  test('says so when a file stands where a folder should be', async () => {
    await writeFile(join(tmp.path, 'attempts'), 'not a folder');
    await expect(mkdirDurable(join(tmp.path, 'attempts', 'ava'))).rejects.toMatchObject({ code: expect.stringMatching(/EEXIST|ENOTDIR/) });
  });
});

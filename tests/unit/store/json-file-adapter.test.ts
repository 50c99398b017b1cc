import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DataFileError } from '../../../src/server/store/data-file-error.ts';
import { JsonFileAdapter, openJsonFile } from '../../../src/server/store/json-file-adapter.ts';
import { useTempDir } from '../../support/temp-dir.ts';

const tmp = useTempDir();

const accountsSchema = z.object({
  accounts: z.array(z.object({ name: z.string(), role: z.enum(['trainee', 'senior', 'lead']) })),
});
type Accounts = z.infer<typeof accountsSchema>;

const kitchenSink: Accounts = {
  accounts: [
    { name: 'Ada', role: 'lead' },
    { name: 'Bo', role: 'senior' },
    { name: 'Cy', role: 'trainee' },
    { name: 'Di', role: 'trainee' },
  ],
};

describe('JsonFileAdapter', () => {
  test('what one adapter writes, a fresh adapter reads back', async () => {
    const file = join(tmp.path, 'users.json');
    await new JsonFileAdapter(file, accountsSchema).write(kitchenSink);
    expect(await new JsonFileAdapter(file, accountsSchema).read()).toEqual(kitchenSink);
    expect(await readFile(file, 'utf8')).toBe(JSON.stringify(kitchenSink)); // compact
  });

  test('a missing file reads as null', async () => {
    expect(await new JsonFileAdapter(join(tmp.path, 'nobody.json'), accountsSchema).read()).toBeNull();
  });

  test('writes leave the file and its one hidden spare, nothing else', async () => {
    const adapter = new JsonFileAdapter(join(tmp.path, 'users.json'), accountsSchema);
    for (let i = 0; i < 5; i++) await adapter.write(kitchenSink);
    expect((await readdir(tmp.path)).sort()).toEqual(['.users.json.spare', 'users.json']);
  });

  test('200 concurrent writes land in call order: the file holds the last one, whole', async () => {
    const file = join(tmp.path, 'users.json');
    const adapter = new JsonFileAdapter(file, accountsSchema);
    const writes = Array.from({ length: 200 }, (_, i) =>
      adapter.write({ accounts: Array.from({ length: 200 - i }, () => ({ name: `w${i}`, role: 'trainee' as const })) }),
    );
    const settled: number[] = [];
    await Promise.all(writes.map((write, i) => write.then(() => settled.push(i))));
    expect(settled).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const stored = accountsSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(stored.accounts).toEqual([{ name: 'w199', role: 'trainee' }]);
    expect((await readdir(tmp.path)).sort()).toEqual(['.users.json.spare', 'users.json']);
  });

  test('data mutated after write() is called does not leak into that write', async () => {
    const file = join(tmp.path, 'users.json');
    const adapter = new JsonFileAdapter(file, accountsSchema);
    const data: Accounts = { accounts: [{ name: 'Ada', role: 'lead' }] };
    const written = adapter.write(data);
    data.accounts.push({ name: 'late', role: 'trainee' });
    await written;
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ accounts: [{ name: 'Ada', role: 'lead' }] });
  });

  test('a truncated file stops the read with its name and is left byte-for-byte untouched', async () => {
    const file = join(tmp.path, 'users.json');
    const truncated = JSON.stringify(kitchenSink).slice(0, 42); // cut just after a comma
    await writeFile(file, truncated);
    const error = await new JsonFileAdapter(file, accountsSchema).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).file).toBe(file);
    expect((error as DataFileError).reason).toBe('Unexpected end of JSON input at position 42');
    expect((error as DataFileError).message).toBe(
      `Cannot start: data file ${file} is not valid JSON (Unexpected end of JSON input at position 42). ` +
        'It has been left untouched; restore it from a backup (npm run db:backup makes one) or move it aside.',
    );
    expect(await readFile(file, 'utf8')).toBe(truncated);
    expect(await readdir(tmp.path)).toEqual(['users.json']);
  });

  test('a file that does not match the schema names the failing path and is left untouched', async () => {
    const file = join(tmp.path, 'users.json');
    const wrong = JSON.stringify({ accounts: [...kitchenSink.accounts, { name: 'Ed', role: 'boss' }] });
    await writeFile(file, wrong);
    const error = await new JsonFileAdapter(file, accountsSchema).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).reason).toBe('accounts.4.role: Invalid option: expected one of "trainee"|"senior"|"lead"');
    expect((error as DataFileError).message).toContain(`data file ${file} does not match the expected format: accounts.4.role:`);
    expect(await readFile(file, 'utf8')).toBe(wrong);
  });

  test('a schema failure with many issues shows the first three and counts the rest', async () => {
    const file = join(tmp.path, 'users.json');
    await writeFile(file, JSON.stringify({ accounts: [1, 2, 3, 4, 5] }));
    const error = (await new JsonFileAdapter(file, accountsSchema).read().catch((e: unknown) => e)) as DataFileError;
    expect(error.reason).toBe(
      'accounts.0: Invalid input: expected object, received number; accounts.1: Invalid input: expected object, received number; ' +
        'accounts.2: Invalid input: expected object, received number; and 2 more',
    );
  });
});

describe('openJsonFile', () => {
  test('uses the defaults only while the file does not exist, without writing them', async () => {
    const file = join(tmp.path, 'users.json');
    const defaults: Accounts = { accounts: [] };
    const fresh = await openJsonFile(file, accountsSchema, defaults);
    expect(fresh.data).toEqual({ accounts: [] });
    expect(await readdir(tmp.path)).toEqual([]);
    fresh.data.accounts.push({ name: 'Ada', role: 'lead' });
    await fresh.write();
    expect(defaults).toEqual({ accounts: [] }); // the caller's defaults were not mutated
    const reopened = await openJsonFile(file, accountsSchema, defaults);
    expect(reopened.data).toEqual({ accounts: [{ name: 'Ada', role: 'lead' }] });
  });

  test('a bad file stops the open instead of falling back to the defaults', async () => {
    const file = join(tmp.path, 'users.json');
    await writeFile(file, '{"accounts": [');
    await expect(openJsonFile(file, accountsSchema, { accounts: [] })).rejects.toBeInstanceOf(DataFileError);
    expect(await readFile(file, 'utf8')).toBe('{"accounts": [');
  });
});

import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { DataFileError, describeIssues, describeJsonError } from './data-file-error.ts';
import { writeFileDurable } from './durable-write.ts';

/** lowdb adapter for one JSON file: validated reads that refuse bad files, durable writes in call order. */
export class JsonFileAdapter<T> implements Adapter<T> {
  /** The file this adapter reads and replaces. */
  readonly path: string;
  readonly #schema: z.ZodType<T>;

  constructor(path: string, schema: z.ZodType<T>) {
    this.path = path;
    this.#schema = schema;
  }

  /** The parsed document, or null when the file does not exist; throws DataFileError (and writes nothing) for a bad file. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new DataFileError(this.path, 'unreadable', (error as Error).message);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DataFileError(this.path, 'invalid-json', describeJsonError(error, text));
    }
    const result = this.#schema.safeParse(json);
    if (!result.success) throw new DataFileError(this.path, 'schema-mismatch', describeIssues(result.error));
    return result.data;
  }

  /** Durably replaces the file with `data` as compact JSON; resolves once it is on disk. Writes land in call order. */
  write(data: T): Promise<void> {
    // Serialise now: the caller may mutate `data` before an earlier queued write finishes.
    return writeFileDurable(this.path, JSON.stringify(data));
  }
}

/** A lowdb database on one JSON file, already read; `defaults` (copied) is used only when the file does not exist. */
export async function openJsonFile<T>(path: string, schema: z.ZodType<T>, defaults: T): Promise<Low<T>> {
  const db = new Low<T>(new JsonFileAdapter(path, schema), structuredClone(defaults));
  await db.read();
  return db;
}

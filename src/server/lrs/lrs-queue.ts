import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import { z } from 'zod';
import { openJsonFile } from '../store/json-file-adapter.ts';
import { DIR_MODE, FILE_MODE } from '../store/file-modes.ts';
import type { XapiStatement } from '../../domain/export/xapi-statements.ts';

const queueFileSchema = z.object({
  version: z.literal(1),
  /** Statements waiting to be sent, oldest first. */
  pending: z.array(z.looseObject({ id: z.string() })),
});
type QueueFile = z.output<typeof queueFileSchema>;

/**
 * The statements waiting for the Learning Record Store, durable across restarts: `lrs/queue.json`
 * (replaced atomically) holds what is still to send; `lrs/enqueued.log` (appended, fsynced) every id
 * ever queued, so an attempt's statements are queued once. A crash between the two writes queues a
 * statement again under the same id, which an LRS accepts as the same statement.
 */
export class LrsQueue {
  readonly dir: string;
  readonly #db: Low<QueueFile>;
  readonly #enqueued: Set<string>;

  private constructor(dir: string, db: Low<QueueFile>, enqueued: Set<string>) {
    this.dir = dir;
    this.#db = db;
    this.#enqueued = enqueued;
  }

  static async open(dataDir: string): Promise<LrsQueue> {
    const dir = path.join(dataDir, 'lrs');
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    const db = await openJsonFile(path.join(dir, 'queue.json'), queueFileSchema, { version: 1, pending: [] });
    const log = await readFile(path.join(dir, 'enqueued.log'), 'utf8').catch(() => '');
    return new LrsQueue(dir, db, new Set(log.split('\n').filter(Boolean)));
  }

  get size(): number {
    return this.#db.data.pending.length;
  }

  /** Has this statement id ever been queued? */
  has(id: string): boolean {
    return this.#enqueued.has(id);
  }

  /** Queues the statements not queued before; durable when it resolves. Returns how many were new. */
  async add(statements: readonly XapiStatement[]): Promise<number> {
    const fresh = statements.filter((statement) => !this.#enqueued.has(statement.id));
    if (!fresh.length) return 0;
    this.#db.data.pending.push(...(fresh as unknown as QueueFile['pending']));
    await this.#db.write();
    const handle = await open(path.join(this.dir, 'enqueued.log'), 'a', FILE_MODE);
    try {
      await handle.appendFile(`${fresh.map((statement) => statement.id).join('\n')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    for (const statement of fresh) this.#enqueued.add(statement.id);
    return fresh.length;
  }

  /** The oldest statements waiting, up to `count`. */
  peek(count: number): XapiStatement[] {
    return this.#db.data.pending.slice(0, count) as unknown as XapiStatement[];
  }

  /** Removes statements that were sent (or set aside); durable when it resolves. */
  async remove(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    this.#db.data.pending = this.#db.data.pending.filter((statement) => !gone.has(statement.id));
    await this.#db.write();
  }

  /** Keeps statements the LRS refused, with its answer, for a person to look at; they are not retried. */
  async setAside(statements: readonly XapiStatement[], reason: string): Promise<void> {
    const handle = await open(path.join(this.dir, 'rejected.jsonl'), 'a');
    try {
      await handle.appendFile(`${JSON.stringify({ at: new Date().toISOString(), reason, statements })}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await this.remove(statements.map((statement) => statement.id));
  }
}

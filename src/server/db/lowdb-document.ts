import { cloneJson } from './clone-json.ts';
import { Low, type Adapter } from 'lowdb';

/** Gives `target` exactly the fields of `source`, keeping `target` the same object. */
function replaceContents<T extends object>(target: T, source: T): void {
  for (const key of Object.keys(target)) if (!(key in source)) delete (target as Record<string, unknown>)[key];
  Object.assign(target, source);
}

/**
 * One lowdb document (a file, or a slot in memory) and the store's one way to change it: the change
 * is made on a private copy, the copy is written durably, and only then does it become the document.
 * A change that throws, or a write that fails, leaves the document as it was. Changes run one at a time.
 */
export class LowDocument<T extends object> {
  readonly #db: Low<T>;
  /** The last queued change; undefined when none is pending, so an idle document starts a change at once. */
  #tail: Promise<unknown> | undefined;

  constructor(adapter: Adapter<T>, data: T) {
    this.#db = new Low(adapter, data);
  }

  /** The document as last written; the same object for the document's whole life. */
  get data(): T {
    return this.#db.data;
  }

  /** Runs `change` on a copy, writes the copy durably, then makes it the document; resolves with `change`'s result. */
  mutate<R>(change: (draft: T) => R): Promise<R> {
    const run = async (): Promise<R> => {
      const draft = cloneJson(this.#db.data);
      const result = change(draft);
      await this.#db.adapter.write(draft);
      replaceContents(this.#db.data, draft);
      return result;
    };
    const result = this.#tail ? this.#tail.then(run) : run();
    const tail = result.catch(() => undefined);
    this.#tail = tail;
    void tail.then(() => {
      if (this.#tail === tail) this.#tail = undefined;
    });
    return result;
  }

  /** Writes the document as it is (a new document's first write). */
  write(): Promise<void> {
    return this.#db.write();
  }
}

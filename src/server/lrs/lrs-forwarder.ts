import type { XapiStatement } from '../../domain/export/xapi-statements.ts';
import type { LrsQueue } from './lrs-queue.ts';

export interface LrsTarget {
  /** The LRS's xAPI endpoint; statements go to `<endpoint>/statements`. */
  endpoint: string;
  key: string;
  secret: string;
}

export interface LrsTiming {
  /** How often to look for new statements. */
  sweepMs: number;
  /** The first wait after a failed send; doubled on each failure in a row. */
  retryMs: number;
  /** The longest wait between tries. */
  maxRetryMs: number;
  /** Statements per request. */
  batch: number;
}

export const DEFAULT_TIMING: LrsTiming = { sweepMs: 5_000, retryMs: 2_000, maxRetryMs: 300_000, batch: 50 };

export type SendOutcome = 'empty' | 'sent' | 'set-aside' | 'retry';

/** The wait before the next try after `failures` failures in a row: exponential, capped, with ±20 % jitter. */
export function backoff(failures: number, timing: Pick<LrsTiming, 'retryMs' | 'maxRetryMs'>, random = Math.random): number {
  const base = Math.min(timing.maxRetryMs, timing.retryMs * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Sends queued xAPI statements to a Learning Record Store: new statements are queued on each sweep,
 * then sent in batches; a failure (network, 5xx, 429, 401) waits longer each time and tries again; a
 * batch the LRS refuses as malformed (400, 409, 413) is set aside with its answer rather than retried forever.
 */
export class LrsForwarder {
  readonly queue: LrsQueue;
  readonly #target: LrsTarget;
  readonly #timing: LrsTiming;
  readonly #collect: () => AsyncIterable<XapiStatement[]>;
  readonly #log: (line: string) => void;
  #failures = 0;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;
  #stopping = false;
  #lastProblem = '';

  constructor(queue: LrsQueue, target: LrsTarget, collect: () => AsyncIterable<XapiStatement[]>, log: (line: string) => void, timing: Partial<LrsTiming> = {}) {
    this.queue = queue;
    this.#target = target;
    this.#collect = collect;
    this.#log = log;
    this.#timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** Failed sends in a row (0 after a success). */
  get failures(): number {
    return this.#failures;
  }

  /** Queues the statements earned since the last sweep, a few hundred at a time; returns how many were new. */
  async sweep(): Promise<number> {
    let added = 0;
    const fresh: XapiStatement[] = [];
    for await (const statements of this.#collect()) {
      fresh.push(...statements.filter((statement) => !this.queue.has(statement.id)));
      if (fresh.length >= 500) added += await this.queue.add(fresh.splice(0));
    }
    return added + (await this.queue.add(fresh));
  }

  /** Sends the oldest batch once. */
  async sendBatch(): Promise<SendOutcome> {
    const batch = this.queue.peek(this.#timing.batch);
    if (!batch.length) return 'empty';
    let status = 0;
    let answer: string;
    try {
      const response = await fetch(new URL('statements', this.#target.endpoint.replace(/\/?$/, '/')), {
        method: 'POST',
        headers: {
          Authorization: `Basic ${Buffer.from(`${this.#target.key}:${this.#target.secret}`).toString('base64')}`,
          'X-Experience-API-Version': '1.0.3',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      answer = (await response.text().catch(() => '')).slice(0, 500);
    } catch (error) {
      answer = (error as Error).message;
    }
    if (status >= 200 && status < 300) {
      await this.queue.remove(batch.map((statement) => statement.id));
      if (this.#failures) this.#log(`LRS: sending again after ${this.#failures} failed ${this.#failures === 1 ? 'try' : 'tries'}.`);
      this.#failures = 0;
      this.#lastProblem = '';
      return 'sent';
    }
    if (status === 400 || status === 409 || status === 413) {
      await this.queue.setAside(batch, `HTTP ${status}: ${answer}`);
      this.#log(`LRS refused ${batch.length} statements (HTTP ${status}); they are kept in ${this.queue.dir}/rejected.jsonl and not retried.`);
      return 'set-aside';
    }
    this.#failures++;
    const problem = status ? `HTTP ${status}${status === 401 || status === 403 ? ' (check DESK_LRS_KEY and DESK_LRS_SECRET)' : ''}` : `no answer (${answer})`;
    if (problem !== this.#lastProblem) this.#log(`LRS: ${problem}; ${this.queue.size} statements wait and will be retried.`);
    this.#lastProblem = problem;
    return 'retry';
  }

  /** One round: sweep, then send batches until the queue is empty or a send fails; returns the wait before the next round. */
  async round(): Promise<number> {
    try {
      await this.sweep();
    } catch (error) {
      this.#log(`LRS: could not queue new statements: ${(error as Error).message}`);
    }
    for (;;) {
      if (this.#stopping) return this.#timing.sweepMs;
      const outcome = await this.sendBatch();
      if (outcome === 'retry') return Math.max(this.#timing.sweepMs, backoff(this.#failures, this.#timing));
      if (outcome === 'empty') return this.#timing.sweepMs;
    }
  }

  /** Runs rounds in the background until stopped; the timer never keeps the process alive. */
  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#stopping = false;
    const tick = (wait: number) => {
      this.#timer = setTimeout(() => {
        this.#running = this.round().then(
          (next) => {
            this.#running = undefined;
            if (!this.#stopped) tick(next);
          },
          (error: Error) => {
            this.#running = undefined;
            this.#log(`LRS: ${error.message}`);
            if (!this.#stopped) tick(this.#timing.sweepMs);
          },
        );
      }, wait);
      this.#timer.unref();
    };
    tick(0);
  }

  /** Stops the rounds; waits for one in flight so its writes finish. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopping = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}

/** Failed logins allowed per account, and per address, in the window before a pause is imposed. */
export const MAX_FAILURES = { account: 5, address: 20 } as const;
export const WINDOW_MS = 15 * 60 * 1000;

interface Bucket {
  failures: number[];
}

/** Counts failed logins per account and per address in memory; a restart forgets them, by design. */
export class LoginThrottle {
  #buckets = new Map<string, Bucket>();
  #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  #recent(key: string): number[] {
    const bucket = this.#buckets.get(key);
    if (!bucket) return [];
    const since = this.#now() - WINDOW_MS;
    bucket.failures = bucket.failures.filter((time) => time > since);
    return bucket.failures;
  }

  /** Seconds until another try is allowed for this account or address; 0 when allowed now. */
  retryAfter(username: string, address: string): number {
    const checks: [string, number][] = [[`u:${username}`, MAX_FAILURES.account], [`a:${address}`, MAX_FAILURES.address]];
    let wait = 0;
    for (const [key, max] of checks) {
      const recent = this.#recent(key);
      if (recent.length >= max) wait = Math.max(wait, Math.ceil(((recent[recent.length - max] ?? 0) + WINDOW_MS - this.#now()) / 1000));
    }
    return wait;
  }

  fail(username: string, address: string): void {
    for (const key of [`u:${username}`, `a:${address}`]) {
      const bucket = this.#buckets.get(key) ?? { failures: [] };
      bucket.failures.push(this.#now());
      this.#buckets.set(key, bucket);
    }
  }

  succeed(username: string): void {
    this.#buckets.delete(`u:${username}`);
  }
}

// Decision 009 in src/server/DECISIONS.md: each account may make a limited number of each kind of
// repeatable write per minute (a token bucket: that many at once, then one more every 60/limit seconds).

interface Bucket {
  tokens: number;
  at: number;
}

/** Per account and kind of write, in memory; keys are signed-in accounts' names, so their number is bounded by the accounts. */
export class WriteRateLimit {
  #buckets = new Map<string, Bucket>();
  #perMinute: number;
  #now: () => number;

  constructor(perMinute: number, now: () => number = Date.now) {
    this.#perMinute = perMinute;
    this.#now = now;
  }

  /** Takes one write for this account and kind: 0 when allowed, else the seconds until the next one is. */
  take(username: string, kind: string): number {
    const key = `${username}\n${kind}`;
    const now = this.#now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.#perMinute, at: now };
    const refilled = Math.min(this.#perMinute, bucket.tokens + ((now - bucket.at) * this.#perMinute) / 60_000);
    if (refilled < 1) {
      this.#buckets.set(key, { tokens: refilled, at: now });
      return Math.ceil(((1 - refilled) * 60_000) / this.#perMinute / 1000);
    }
    this.#buckets.set(key, { tokens: refilled - 1, at: now });
    return 0;
  }
}

// Decision 008 in src/server/DECISIONS.md: failed logins slow down one account from one address, and one
// address across accounts, with delays that double; a login counts before its hash starts.

/** How one kind of key is throttled: failures allowed without delay, the delay's cap, and when failures are forgotten. */
interface Rule {
  free: number;
  maxDelayMs: number;
  forgetMs: number;
}

/** An account from one address, and one address across all accounts. */
export const THROTTLE_RULES = {
  pair: { free: 3, maxDelayMs: 15 * 60_000, forgetMs: 24 * 3600_000 },
  address: { free: 20, maxDelayMs: 60_000, forgetMs: 3600_000 },
} as const satisfies Record<string, Rule>;
/** The first delay after the free failures; each further failure doubles it, up to the rule's cap. */
export const FIRST_DELAY_MS = 1000;
/** Keys remembered at most; the least recently touched is forgotten first. */
export const MAX_KEYS = 20_000;

interface Entry {
  failures: number;
  last: number;
}

/** A login let through: report how it ended (a failure's delay runs from its end; a success gives back what it counted). */
export interface LoginTry {
  succeeded(): void;
  failed(): void;
}

/** Counts logins per account-and-address pair and per address in memory, bounded; a restart forgets them, by design. */
export class LoginThrottle {
  #entries = new Map<string, Entry>();
  #now: () => number;
  #maxKeys: number;

  constructor(options: { now?: () => number; maxKeys?: number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#maxKeys = options.maxKeys ?? MAX_KEYS;
  }

  /** Keys held now (bounded by maxKeys). */
  get size(): number {
    return this.#entries.size;
  }

  #keys(username: string, address: string): [string, Rule][] {
    return [
      [`p:${username}\n${address}`, THROTTLE_RULES.pair],
      [`a:${address}`, THROTTLE_RULES.address],
    ];
  }

  #entry(key: string, rule: Rule): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && this.#now() - entry.last > rule.forgetMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Seconds to wait before this account may be tried from this address; 0 when it may be now. */
  retryAfter(username: string, address: string): number {
    let waitMs = 0;
    for (const [key, rule] of this.#keys(username, address)) {
      const entry = this.#entry(key, rule);
      if (!entry || entry.failures < rule.free) continue;
      const delay = Math.min(FIRST_DELAY_MS * 2 ** (entry.failures - rule.free), rule.maxDelayMs);
      waitMs = Math.max(waitMs, entry.last + delay - this.#now());
    }
    return Math.max(0, Math.ceil(waitMs / 1000));
  }

  /**
   * Counts a login as failed before its password is checked (so logins in flight count too); a success
   * reported afterwards clears the pair and gives the address its count back.
   */
  begin(username: string, address: string): LoginTry {
    const now = this.#now();
    const touched: Entry[] = [];
    for (const [key, rule] of this.#keys(username, address)) {
      const entry = this.#entry(key, rule) ?? { failures: 0, last: now };
      entry.failures++;
      entry.last = now;
      this.#entries.delete(key); // re-inserted last: the map's order is least recently touched first
      this.#entries.set(key, entry);
      touched.push(entry);
    }
    while (this.#entries.size > this.#maxKeys) this.#entries.delete(this.#entries.keys().next().value as string);
    const [pairKey] = this.#keys(username, address)[0] as [string, Rule];
    return {
      succeeded: () => {
        this.#entries.delete(pairKey);
        const addressEntry = touched[1];
        if (addressEntry) addressEntry.failures = Math.max(0, addressEntry.failures - 1);
      },
      failed: () => {
        for (const entry of touched) entry.last = Math.max(entry.last, this.#now());
      },
    };
  }
}

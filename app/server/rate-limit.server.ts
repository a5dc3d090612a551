/**
 * A token bucket per client address for sign-ins, in memory, checked before Remix: a flood of
 * sign-in attempts is answered 429 without touching the database, so pages keep their speed.
 * The finer limits (failures per account and per address) are the app's, in the database
 * (app/models/user.server.ts). Behind a proxy every client shares the proxy's address; see
 * docs/decisions/005-accounts-and-sessions.md.
 */
export class RateLimiter {
  #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** Attempts allowed at once. */
    readonly burst: number,
    /** Attempts regained per second. */
    readonly perSecond: number,
  ) {}

  /** Takes one token for `key`; false when none is left. */
  take(key: string, now = Date.now()): boolean {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      // A full bucket is the same as none: forget them all rather than let the map grow.
      if (this.#buckets.size >= 10_000) this.#buckets.clear();
      bucket = { tokens: this.burst, at: now };
      this.#buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until `key` has a token again. */
  retryAfter(key: string): number {
    const bucket = this.#buckets.get(key);
    return bucket ? Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond)) : 0;
  }
}

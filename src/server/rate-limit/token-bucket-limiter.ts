/**
 * In-memory token buckets, one per client key: a client may burst up to `perMinute` requests and
 * then gets `perMinute / 60` per second. The state lives in this process only, so with N replicas
 * behind a load balancer a client can reach up to N times the limit; a shared store (Redis, the
 * gateway) is needed for a global limit.
 */

/** The verdict of one {@link TokenBucketLimiter.take}. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Options of the limiter. */
export interface TokenBucketOptions {
  readonly perMinute: number;
  /** Most buckets kept; the least recently used is dropped beyond it (bounds memory). */
  readonly maxKeys?: number;
  /** Milliseconds clock (tests pass a fake one). */
  readonly now?: () => number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Per-key token buckets.
 *
 * @example
 * const limiter = new TokenBucketLimiter({ perMinute: 2 });
 * limiter.take('ip:1.2.3.4'); // { allowed: true }
 * limiter.take('ip:1.2.3.4'); // { allowed: true }
 * limiter.take('ip:1.2.3.4'); // { allowed: false, retryAfterSeconds: 30 }
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: TokenBucketOptions) {
    this.capacity = options.perMinute;
    this.perMs = options.perMinute / 60_000;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** Number of buckets held (for tests). */
  get size(): number {
    return this.buckets.size;
  }

  /** Takes one token from `key`'s bucket. */
  take(key: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedAt: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    // Re-insert so the map's order is least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.evict(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  /**
   * Drops buckets that have refilled completely (forgetting them changes nothing), and the least
   * recently used ones beyond `maxKeys`. Looks at the oldest entries only, so each call is O(1)
   * amortised.
   */
  private evict(now: number): void {
    const refillMs = this.capacity / this.perMs;
    for (const [key, bucket] of this.buckets) {
      const full = now - bucket.updatedAt >= refillMs;
      if (!full && this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}

/**
 * Viewers of bearer tokens already verified, so a client that sends the same token with every
 * request (as apps do) has its signature checked about once a minute instead of every time. The
 * check was 3-4 % of the request thread's time at 500 coverage requests a second.
 *
 * Only tokens that passed every check are kept, each until the earlier of its own expiry (`exp`)
 * and {@link MAX_CACHED_TOKEN_SECONDS} after it was verified: a key withdrawn from the JWKS stops
 * accepting its tokens within that time, as a cached JWKS response would. A failed token is
 * verified again each time (and so fails again), so the cache holds nothing an unsigned request
 * can put there.
 */
import { LRUCache } from 'lru-cache';
import type { Viewer } from '../domain/access/viewer';

/** Longest time a verified token is trusted without checking its signature again, in seconds. */
export const MAX_CACHED_TOKEN_SECONDS = 60;

/** Tokens kept at most (by default). */
export const DEFAULT_MAX_CACHED_TOKENS = 10_000;

/**
 * Characters of token text kept at most, all tokens together: 10,000 tokens of 800 characters.
 * A token longer than a tenth of it is never kept.
 */
export const MAX_CACHED_TOKEN_CHARS = 8_000_000;

/** Options of {@link VerifiedTokenCache}; the defaults are the constants above. */
export interface VerifiedTokenCacheOptions {
  readonly maxTokens?: number;
  readonly maxChars?: number;
  readonly maxAgeSeconds?: number;
  /** Milliseconds since the epoch (tests move it). */
  readonly now?: () => number;
}

/**
 * A bounded map from token text to the viewer it was verified as.
 *
 * @example
 * const cache = new VerifiedTokenCache();
 * cache.get(token) ?? cache.put(token, await verify(token), payload.exp);
 */
export class VerifiedTokenCache {
  private readonly entries: LRUCache<string, Viewer>;
  private readonly maxChars: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: VerifiedTokenCacheOptions = {}) {
    this.maxChars = options.maxChars ?? MAX_CACHED_TOKEN_CHARS;
    this.maxAgeMs = (options.maxAgeSeconds ?? MAX_CACHED_TOKEN_SECONDS) * 1000;
    this.now = options.now ?? Date.now;
    // Each entry's own time to live (lru-cache's TTL, read against this clock to the millisecond).
    this.entries = new LRUCache({
      max: options.maxTokens ?? DEFAULT_MAX_CACHED_TOKENS,
      maxSize: this.maxChars,
      sizeCalculation: (_viewer, token) => token.length,
      perf: { now: this.now },
      ttlResolution: 0,
    });
  }

  /** The viewer a token was verified as, unless it was never verified, was evicted or is past its time. */
  get(token: string): Viewer | undefined {
    return this.entries.get(token);
  }

  /**
   * Keeps a token that passed verification, until `expiresAtSeconds` (its `exp` claim) or the
   * maximum age, whichever comes first. Returns the viewer, frozen: requests share it.
   */
  put(token: string, viewer: Viewer, expiresAtSeconds: number): Viewer {
    const frozen = Object.isFrozen(viewer) ? viewer : Object.freeze({ ...viewer });
    const untilExpiry = Math.floor(Math.min(expiresAtSeconds * 1000 - this.now(), this.maxAgeMs));
    // lru-cache serves an entry until its age exceeds its ttl: one less ends it at the expiry itself.
    if (token.length <= this.maxChars / 10 && untilExpiry > 1)
      this.entries.set(token, frozen, { ttl: untilExpiry - 1 });
    return frozen;
  }

  /** Tokens kept now (expired ones included until they are next read or evicted). */
  get size(): number {
    return this.entries.size;
  }
}

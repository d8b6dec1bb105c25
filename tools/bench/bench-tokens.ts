/**
 * Bearer tokens for the benchmark's callers, signed with the secret the in-process server is
 * configured with: each learner request carries that learner's token, each ranking request the
 * posting's portal token, as real clients would.
 */
import { randomBytes } from 'node:crypto';
import { signToken } from '../../src/auth/sign-token';
import type { PoolRequest, RequestAuth } from './scenarios';

/** Mints and caches tokens for request callers. */
export class BenchTokens {
  /** A fresh HS256 secret for this run (the server is started with it). */
  readonly secret = randomBytes(32).toString('base64url');
  private readonly cache = new Map<string, string>();

  /** The Authorization header of a caller ('' for anonymous). */
  async header(auth: RequestAuth): Promise<string> {
    if (auth.role === 'ANONYMOUS') return '';
    const key = auth.role === 'LEARNER' ? `L:${auth.learnerId}` : `P:${auth.portalId}`;
    let token = this.cache.get(key);
    if (token === undefined) {
      token =
        auth.role === 'LEARNER'
          ? await signToken(
              { sub: `bench-${auth.learnerId}`, roles: ['LEARNER'], learnerId: auth.learnerId },
              this.secret,
              '6h',
            )
          : await signToken(
              { sub: `bench-${auth.portalId}`, roles: ['PORTAL'], portalId: auth.portalId },
              this.secret,
              '6h',
            );
      this.cache.set(key, token);
    }
    return `Bearer ${token}`;
  }

  /** Headers of a whole pool, in pool order. */
  headers(pool: readonly PoolRequest[]): Promise<string[]> {
    return Promise.all(pool.map((request) => this.header(request.auth)));
  }
}

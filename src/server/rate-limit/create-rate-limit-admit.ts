/**
 * The HTTP server's `admit` hook: refuses a GraphQL request with 429, `retry-after` and
 * `extensions.code: RATE_LIMITED` when its client has used up its budget.
 */
import type { IncomingMessage } from 'node:http';
import { ERROR_CATALOGUE, type ErrorCode } from '../../domain/errors';
import type { TrustProxy } from '../../config/config';
import { clientKey, compileProxyTrust } from './client-key';
import { TokenBucketLimiter } from './token-bucket-limiter';

/** Options of {@link createRateLimitAdmit}. */
export interface RateLimitSettings {
  readonly perMinute: number;
  readonly trustProxy: TrustProxy;
  /**
   * The request's token subject once its signature is verified; undefined for no token or an
   * invalid one (which then count against the client address).
   */
  readonly verifiedSubject?: (req: IncomingMessage) => Promise<string | undefined>;
  /** Called for every refused request (metrics). */
  readonly onLimited?: () => void;
  readonly now?: () => number;
}

/** A refusal in the shape the HTTP server sends. */
export interface Refusal {
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
  /** The error code the body carries (request log and metrics). */
  readonly code?: ErrorCode;
}

/**
 * Builds the hook.
 *
 * @example
 * const admit = createRateLimitAdmit({ perMinute: 600, trustProxy: 0, verifiedSubject: (req) => subjectOf(req) });
 * await admit(req); // null, or { status: 429, headers: { 'retry-after': '1' }, body: '{"errors":[...]}' }
 */
export function createRateLimitAdmit(settings: RateLimitSettings): (req: IncomingMessage) => Promise<Refusal | null> {
  const limiter = new TokenBucketLimiter({ perMinute: settings.perMinute, now: settings.now });
  const trust = compileProxyTrust(settings.trustProxy);
  return async (req) => {
    const subject = await settings.verifiedSubject?.(req).catch(() => undefined);
    const decision = limiter.take(clientKey(req, subject, trust));
    if (decision.allowed) return null;
    settings.onLimited?.();
    const error = {
      message: `Too many requests: the limit is ${settings.perMinute} per minute; retry in ${decision.retryAfterSeconds} s`,
      extensions: { code: 'RATE_LIMITED' satisfies ErrorCode, retryAfterSeconds: decision.retryAfterSeconds },
    };
    return {
      status: ERROR_CATALOGUE.RATE_LIMITED.status,
      code: 'RATE_LIMITED',
      headers: { 'retry-after': String(decision.retryAfterSeconds) },
      body: JSON.stringify({ errors: [error] }),
    };
  };
}

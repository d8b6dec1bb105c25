/**
 * Verifies bearer JWTs with jose: HS256 with a shared secret, or RS256/ES256 against a JWKS URL.
 * A valid token becomes a {@link Viewer}; an invalid, expired or wrongly signed one is refused
 * with UNAUTHENTICATED. No token at all is an anonymous caller.
 *
 * Every token must expire: `exp` is required, and its lifetime may not exceed
 * `maxLifetimeSeconds`, measured from `iat` or, when `iat` is absent or lies in the future, from
 * now. A leaked token is thus useful for a bounded time, whoever minted it.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '../domain/errors';
import { ANONYMOUS, ROLES, type Role, type Viewer } from '../domain/access/viewer';
import { VerifiedTokenCache } from './verified-token-cache';

/** How tokens are checked. */
export interface TokenSettings {
  readonly secret: string | undefined;
  readonly jwksUrl: string | undefined;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  /** Longest accepted lifetime of a token, in seconds. */
  readonly maxLifetimeSeconds: number;
}

/** Clock skew tolerated between the token issuer and this server, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** Turns an Authorization header into a viewer. */
export type TokenVerifier = (authorization: string | undefined) => Promise<Viewer>;

function claimString(payload: JWTPayload, name: string): string | null {
  const value = payload[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null;
}

/**
 * Seconds from the token's start to its expiry: from `iat`, unless that is missing or later than
 * now (a future `iat` would otherwise shorten the measured lifetime of a long-lived token).
 *
 * @example
 * tokenLifetimeSeconds({ iat: 1000, exp: 4600 }, 2000) // 3600
 * tokenLifetimeSeconds({ exp: 4600 }, 2000) // 2600
 */
export function tokenLifetimeSeconds(payload: JWTPayload, nowSeconds: number): number {
  const start = typeof payload.iat === 'number' && payload.iat <= nowSeconds ? payload.iat : nowSeconds;
  return (payload.exp ?? Number.POSITIVE_INFINITY) - start;
}

/**
 * Builds the verifier for the configured key source. A token verified once is trusted from
 * `cache` until its expiry or for at most a minute (see {@link VerifiedTokenCache}); pass null to
 * verify every time.
 */
export function createTokenVerifier(
  settings: TokenSettings,
  cache: VerifiedTokenCache | null = new VerifiedTokenCache(),
): TokenVerifier {
  const secret = settings.secret ? new TextEncoder().encode(settings.secret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : undefined;
  return async (authorization) => {
    if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
    const token = match[1]!;
    const cached = cache?.get(token);
    if (cached !== undefined) return cached;
    let payload: JWTPayload;
    try {
      const options = { issuer: settings.issuer, audience: settings.audience, requiredClaims: ['exp'] };
      if (jwks) payload = (await jwtVerify(token, jwks, { ...options, algorithms: ['RS256', 'ES256'] })).payload;
      else if (secret) payload = (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
      else throw new Error('no key configured');
    } catch (error) {
      const code = (error as { code?: string; claim?: string }).code;
      const missingExp = code === 'ERR_JWT_CLAIM_VALIDATION_FAILED' && (error as { claim?: string }).claim === 'exp';
      const reason =
        code === 'ERR_JWT_EXPIRED'
          ? 'the token has expired'
          : missingExp
            ? 'the token has no expiry (exp)'
            : 'the token is invalid';
      throw new UnauthenticatedError(`Authentication failed: ${reason}`);
    }
    const lifetime = tokenLifetimeSeconds(payload, Math.floor(Date.now() / 1000));
    if (lifetime > settings.maxLifetimeSeconds + CLOCK_TOLERANCE_SECONDS) {
      throw new UnauthenticatedError(
        `Authentication failed: the token's lifetime exceeds the maximum of ${settings.maxLifetimeSeconds} s`,
      );
    }
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw new UnauthenticatedError('Authentication failed: the token has no subject');
    const rawRoles = Array.isArray(payload.roles) ? payload.roles : [];
    const roles = new Set<Role>(
      rawRoles.filter((role): role is Role => typeof role === 'string' && (ROLES as readonly string[]).includes(role)),
    );
    const viewer: Viewer = {
      subject: payload.sub,
      roles,
      learnerId: claimString(payload, 'learnerId'),
      providerId: claimString(payload, 'providerId'),
      portalId: claimString(payload, 'portalId'),
    };
    // `exp` is a required claim: jose refused the token above without it.
    return cache ? cache.put(token, viewer, payload.exp!) : viewer;
  };
}

/** Mints HS256 tokens: for development (`npm run token`) and tests. */
import { SignJWT } from 'jose';
import type { Role } from '../domain/access/viewer';

/** Claims of a credgraph token. */
export interface TokenClaims {
  readonly sub: string;
  readonly roles: readonly Role[];
  readonly learnerId?: string;
  readonly providerId?: string;
  readonly portalId?: string;
}

/**
 * Signs a token with the shared secret.
 *
 * @example
 * await signToken({ sub: 'ann', roles: ['LEARNER'], learnerId: 'l-ann' }, secret, '1h')
 */
export async function signToken(
  claims: TokenClaims,
  secret: string,
  expiresIn: string | number = '1h',
  options: { issuer?: string; audience?: string } = {},
): Promise<string> {
  let jwt = new SignJWT({
    roles: [...claims.roles],
    learnerId: claims.learnerId,
    providerId: claims.providerId,
    portalId: claims.portalId,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}

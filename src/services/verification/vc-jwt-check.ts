/**
 * Checks a VC-JWT (JWS compact serialisation) with `jose`: EdDSA (Ed25519) or ES256, in either
 * encoding — VC Data Model 1.1's JWT with a `vc` claim (what Open Badges 3.0 describes) or
 * VC-JOSE-COSE's `vc+jwt`, whose payload is the credential itself.
 *
 * The key comes from the header: `kid` as a DID URL (did:key offline, did:web fetched), or `jku`
 * (a JWKS URL, fetched) with `kid` selecting the key. A key embedded in the header (`jwk`) is not
 * trusted: anyone can embed one.
 */
import {
  compactVerify,
  decodeJwt,
  decodeProtectedHeader,
  importJWK,
  type JWK,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import { failed, passed, undetermined, type VerificationCheck } from '../../domain/verification/verification';
import type { DocumentLoader } from './document-loader';
import type { JsonFetcher } from './json-fetcher';
import { Ed25519Multikey } from './vc-libraries';

/** Algorithms accepted; anything else is UNDETERMINED (not a failure: we cannot judge it). */
export const SUPPORTED_JWT_ALGORITHMS = ['EdDSA', 'ES256'] as const;

/** What a VC-JWT holds and what its checks found. */
export interface VcJwtResult {
  readonly checks: VerificationCheck[];
  /** The credential as JSON-LD (claims mapped for the VC 1.1 encoding); null when unreadable. */
  readonly credential: Record<string, unknown> | null;
}

const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** True when `value` looks like a compact JWS (three base64url segments). */
export function isCompactJws(value: string): boolean {
  return COMPACT_JWS.test(value.trim());
}

/** FORMAT, ISSUER_KEY, SIGNATURE and ISSUER checks of a VC-JWT. Never throws for a bad token. */
export async function checkVcJwt(
  token: string,
  documentLoader: DocumentLoader,
  fetchJson: JsonFetcher,
): Promise<VcJwtResult> {
  const jwt = token.trim();
  let header: ProtectedHeaderParameters;
  let payload: JWTPayload;
  try {
    header = decodeProtectedHeader(jwt);
    payload = decodeJwt(jwt);
  } catch (error) {
    return { checks: [failed('FORMAT', `not a readable JWT: ${(error as Error).message}`)], credential: null };
  }
  const credential = credentialOf(payload, header);
  if (credential === null) {
    return {
      checks: [
        failed('FORMAT', 'the JWT carries no credential: neither a "vc" claim nor a credential payload (vc+jwt)'),
      ],
      credential: null,
    };
  }
  const checks: VerificationCheck[] = [
    passed(
      'FORMAT',
      header.typ === 'vc+jwt' || !('vc' in payload)
        ? 'a vc+jwt credential (VC-JOSE-COSE)'
        : 'a VC-JWT with a "vc" claim (VC Data Model 1.1)',
    ),
  ];
  const alg = header.alg;
  if (!SUPPORTED_JWT_ALGORITHMS.includes(alg as (typeof SUPPORTED_JWT_ALGORITHMS)[number])) {
    checks.push(
      undetermined(
        'SIGNATURE',
        `JWS algorithm ${JSON.stringify(alg)} is not supported (${SUPPORTED_JWT_ALGORITHMS.join(', ')})`,
      ),
    );
    return { checks, credential };
  }
  const issuer = issuerId(credential);
  const key = await resolveKey(header, documentLoader, fetchJson);
  if ('reason' in key) {
    checks.push(
      undetermined('ISSUER_KEY', key.reason),
      undetermined('SIGNATURE', 'not checked: the issuer key is not available'),
    );
    return { checks, credential };
  }
  checks.push(passed('ISSUER_KEY', `resolved ${key.source}`));
  try {
    await compactVerify(jwt, await importJWK(key.jwk, alg), { algorithms: [alg!] });
    checks.push(passed('SIGNATURE', `the ${alg} signature verifies`));
  } catch (error) {
    checks.push(failed('SIGNATURE', `the ${alg} signature does not verify: ${(error as Error).message}`));
    return { checks, credential };
  }
  if (typeof payload.iss === 'string' && issuer !== null && payload.iss !== issuer) {
    checks.push(failed('ISSUER', `the JWT's iss ${payload.iss} differs from the credential's issuer ${issuer}`));
  } else if (issuer === null) {
    checks.push(failed('ISSUER', 'the credential names no issuer'));
  } else if (!key.controlledBy(issuer)) {
    checks.push(failed('ISSUER', `the signing key ${key.source} does not belong to the issuer ${issuer}`));
  } else {
    checks.push(passed('ISSUER', 'the signing key belongs to the issuer'));
  }
  return { checks, credential };
}

/** The credential object of a payload; for the `vc` claim, registered claims fill its gaps. */
function credentialOf(payload: JWTPayload, header: ProtectedHeaderParameters): Record<string, unknown> | null {
  const vc = payload.vc;
  if (header.typ !== 'vc+jwt' && typeof vc === 'object' && vc !== null && !Array.isArray(vc)) {
    const credential: Record<string, unknown> = { ...(vc as Record<string, unknown>) };
    if (credential.issuer === undefined && typeof payload.iss === 'string') credential.issuer = payload.iss;
    if (credential.id === undefined && typeof payload.jti === 'string') credential.id = payload.jti;
    if (
      typeof payload.nbf === 'number' &&
      credential.issuanceDate === undefined &&
      credential.validFrom === undefined
    ) {
      credential.issuanceDate = new Date(payload.nbf * 1000).toISOString();
    }
    if (
      typeof payload.exp === 'number' &&
      credential.expirationDate === undefined &&
      credential.validUntil === undefined
    ) {
      credential.expirationDate = new Date(payload.exp * 1000).toISOString();
    }
    const subject = credential.credentialSubject;
    if (
      typeof payload.sub === 'string' &&
      typeof subject === 'object' &&
      subject !== null &&
      !Array.isArray(subject) &&
      !('id' in subject)
    ) {
      credential.credentialSubject = { ...(subject as Record<string, unknown>), id: payload.sub };
    }
    return credential;
  }
  const types = Array.isArray(payload.type) ? payload.type : [payload.type];
  if ('@context' in payload && types.includes('VerifiableCredential'))
    return { ...(payload as Record<string, unknown>) };
  return null;
}

function issuerId(credential: Record<string, unknown>): string | null {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (typeof issuer === 'object' && issuer !== null && typeof (issuer as { id?: unknown }).id === 'string')
    return (issuer as { id: string }).id;
  return null;
}

type ResolvedKey = { jwk: JWK; source: string; controlledBy(issuer: string): boolean } | { reason: string };

async function resolveKey(
  header: ProtectedHeaderParameters,
  documentLoader: DocumentLoader,
  fetchJson: JsonFetcher,
): Promise<ResolvedKey> {
  const kid = header.kid;
  if (typeof kid === 'string' && kid.startsWith('did:')) {
    const did = kid.split('#')[0]!;
    try {
      const { document } = await documentLoader(kid);
      const jwk = await jwkOfMethod(document as Record<string, unknown>);
      return { jwk, source: kid, controlledBy: (issuer) => issuer === did };
    } catch (error) {
      return { reason: (error as Error).message };
    }
  }
  if (typeof header.jku === 'string') {
    let jwks: unknown;
    try {
      jwks = await fetchJson(header.jku);
    } catch (error) {
      return { reason: `the JWKS ${header.jku} could not be fetched: ${(error as Error).message}` };
    }
    const keys = (jwks as { keys?: unknown })?.keys;
    const jwk = Array.isArray(keys)
      ? (keys.find((k) => typeof k === 'object' && k !== null && (kid === undefined || (k as JWK).kid === kid)) as
          | JWK
          | undefined)
      : undefined;
    if (!jwk)
      return { reason: `the JWKS ${header.jku} has no key ${kid === undefined ? '' : JSON.stringify(kid)}`.trim() };
    // A JWKS vouches for an issuer only when the issuer is a URL of the same origin (the fetcher
    // decides which schemes may be fetched at all).
    return { jwk, source: header.jku, controlledBy: (issuer) => sameOrigin(issuer, header.jku!) };
  }
  if (header.jwk !== undefined)
    return {
      reason:
        'the key is embedded in the JWT header (jwk), which proves nothing about the issuer; use a DID URL kid or jku',
    };
  return { reason: 'the JWT header names no key: a DID URL kid or a jku (JWKS URL) is needed' };
}

async function jwkOfMethod(method: Record<string, unknown>): Promise<JWK> {
  if (typeof method.publicKeyJwk === 'object' && method.publicKeyJwk !== null) return method.publicKeyJwk as JWK;
  if (typeof method.publicKeyMultibase === 'string') {
    // did:key answers Ed25519VerificationKey2020 methods; their multibase encoding is Multikey's.
    const keyPair = await Ed25519Multikey.from({
      '@context': 'https://w3id.org/security/multikey/v1',
      type: 'Multikey',
      id: method.id,
      controller: method.controller,
      publicKeyMultibase: method.publicKeyMultibase,
    });
    return (await Ed25519Multikey.toJwk({ keyPair })) as unknown as JWK;
  }
  throw new Error(
    `the verification method ${String(method.id)} has neither publicKeyJwk nor an Ed25519 publicKeyMultibase`,
  );
}

function sameOrigin(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a), new URL(b)];
    return x.origin === y.origin;
  } catch {
    return false;
  }
}

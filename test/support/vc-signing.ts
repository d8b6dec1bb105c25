/**
 * Signs credentials in tests with the same libraries credgraph verifies with: keys generated per
 * test run, Data Integrity (eddsa-rdfc-2022, Ed25519Signature2020) through @digitalbazaar/vc, and
 * VC-JWT through jose. Nothing here is used by the server.
 */
import { Bitstring } from '@digitalbazaar/bitstring';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import { SignJWT, importJWK, type JWK } from 'jose';
import { createDocumentLoader } from '../../src/services/verification/document-loader';
import { noNetworkFetcher } from '../../src/services/verification/json-fetcher';
import {
  DataIntegrityProof,
  Ed25519Multikey,
  Ed25519Signature2020,
  eddsaRdfc2022Cryptosuite,
  issueCredential,
  type Ed25519KeyPair,
} from '../../src/services/verification/vc-libraries';

/** An Ed25519 key pair identified as a did:key. */
export interface TestIssuerKey {
  readonly did: string;
  readonly verificationMethod: string;
  readonly keyPair: Ed25519KeyPair;
}

/** A fresh did:key Ed25519 issuer key. */
export async function generateIssuerKey(): Promise<TestIssuerKey> {
  const generated = await Ed25519Multikey.generate();
  const did = `did:key:${generated.publicKeyMultibase}`;
  const verificationMethod = `${did}#${generated.publicKeyMultibase}`;
  const keyPair = await Ed25519Multikey.from({
    ...(await generated.export({ publicKey: true, secretKey: true, includeContext: true })),
    id: verificationMethod,
    controller: did,
  });
  return { did, verificationMethod, keyPair };
}

const loader = createDocumentLoader(noNetworkFetcher);

/** Signs `credential` with a DataIntegrityProof (eddsa-rdfc-2022) by `key`. */
export async function signEddsaRdfc2022(
  credential: Record<string, unknown>,
  key: TestIssuerKey,
): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ signer: key.keyPair.signer(), cryptosuite: eddsaRdfc2022Cryptosuite });
  return issueCredential({ credential: structuredClone(credential), suite, documentLoader: loader });
}

/** Signs `credential` with an Ed25519Signature2020 proof by `key` (adds the suite's context). */
export async function signEd25519Signature2020(
  credential: Record<string, unknown>,
  key: TestIssuerKey,
): Promise<Record<string, unknown>> {
  const exported = await key.keyPair.export({ publicKey: true, secretKey: true });
  const legacy = await Ed25519VerificationKey2020.from({
    type: 'Ed25519VerificationKey2020',
    id: key.verificationMethod,
    controller: key.did,
    publicKeyMultibase: exported.publicKeyMultibase,
    privateKeyMultibase: exported.secretKeyMultibase,
  });
  const contexts = [...(credential['@context'] as string[]), 'https://w3id.org/security/suites/ed25519-2020/v1'];
  const suite = new Ed25519Signature2020({ key: legacy });
  return issueCredential({
    credential: { ...structuredClone(credential), '@context': contexts },
    suite,
    documentLoader: loader,
  });
}

/** The JWK pair of a did:key Ed25519 key, for jose. */
export async function ed25519Jwks(key: TestIssuerKey): Promise<{ publicJwk: JWK; privateJwk: JWK }> {
  const publicJwk = (await Ed25519Multikey.toJwk({ keyPair: key.keyPair })) as unknown as JWK;
  const full = (await Ed25519Multikey.toJwk({ keyPair: key.keyPair, secretKey: true })) as unknown as JWK;
  // The multikey library exports the 64-byte secret (seed ‖ public key); JWK's `d` is the seed.
  const privateJwk = { ...full, d: Buffer.from(full.d!, 'base64url').subarray(0, 32).toString('base64url') };
  return { publicJwk, privateJwk };
}

/**
 * A VC-JWT: `encoding: 'vc'` puts the credential in a `vc` claim with iss/nbf/exp/jti (VC Data
 * Model 1.1, Open Badges 3.0); `'vc+jwt'` signs the credential itself as the payload.
 */
export async function signVcJwt(
  credential: Record<string, unknown>,
  options: {
    encoding: 'vc' | 'vc+jwt';
    alg: 'EdDSA' | 'ES256';
    privateJwk: JWK;
    kid?: string;
    jku?: string;
    iss?: string;
    exp?: number;
    nbf?: number;
  },
): Promise<string> {
  const key = await importJWK(options.privateJwk, options.alg);
  const header = {
    alg: options.alg,
    typ: options.encoding === 'vc+jwt' ? 'vc+jwt' : 'JWT',
    ...(options.kid ? { kid: options.kid } : {}),
    ...(options.jku ? { jku: options.jku } : {}),
  };
  const payload = options.encoding === 'vc' ? { vc: credential } : credential;
  let jwt = new SignJWT(payload as Record<string, unknown>).setProtectedHeader(header);
  if (options.iss) jwt = jwt.setIssuer(options.iss);
  if (options.exp !== undefined) jwt = jwt.setExpirationTime(options.exp);
  if (options.nbf !== undefined) jwt = jwt.setNotBefore(options.nbf);
  return jwt.sign(key);
}

/** An encoded status list (GZIP, base64url) of `length` bits with `setIndexes` set. */
export async function encodeStatusList(setIndexes: readonly number[], length = 131_072): Promise<string> {
  const bits = new Bitstring({ length });
  for (const index of setIndexes) bits.set(index, true);
  return bits.encodeBits();
}

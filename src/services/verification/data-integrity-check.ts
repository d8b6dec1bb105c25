/**
 * Checks the embedded proofs of a JSON-LD credential with the Digital Bazaar stack: Data Integrity
 * `eddsa-rdfc-2022` and `Ed25519Signature2020`, the key bound to the issuer by the
 * CredentialIssuancePurpose (the verification method's controller must be the issuer).
 */
import { failed, passed, undetermined, type VerificationCheck } from '../../domain/verification/verification';
import { asArray } from '../../domain/credentials/json-ld-values';
import type { DocumentLoader } from './document-loader';
import { KeyUnavailableError, UnknownContextError } from './document-loader';
import { errorChain, findError } from './library-errors';
import {
  CredentialIssuancePurpose,
  DataIntegrityProof,
  Ed25519Signature2020,
  eddsaRdfc2022Cryptosuite,
  jsigs,
} from './vc-libraries';

/** The proof kinds checked; any other proof makes the SIGNATURE check UNDETERMINED. */
export const SUPPORTED_PROOFS = ['DataIntegrityProof (eddsa-rdfc-2022)', 'Ed25519Signature2020'] as const;

/** The contexts a credential names by URL (inline contexts left out): the ones the loader must hold. */
export function contextUrls(credential: Record<string, unknown>): string[] {
  return asArray(credential['@context']).filter((c): c is string => typeof c === 'string');
}

/**
 * CONTEXT, ISSUER_KEY, SIGNATURE and ISSUER checks of a credential carrying `proof`.
 * Never throws for a bad document: every problem becomes a check.
 */
export async function checkDataIntegrity(
  credential: Record<string, unknown>,
  documentLoader: DocumentLoader,
): Promise<VerificationCheck[]> {
  const proofs = (Array.isArray(credential.proof) ? credential.proof : [credential.proof]) as unknown[];
  const unsupported = proofs.map(describeUnsupported).filter((reason): reason is string => reason !== null);
  if (unsupported.length > 0) {
    return [undetermined('SIGNATURE', `${unsupported.join('; ')}; supported: ${SUPPORTED_PROOFS.join(', ')}`)];
  }

  const contexts = contextUrls(credential);
  for (const url of contexts) {
    try {
      await documentLoader(url);
    } catch {
      return [undetermined('CONTEXT', new UnknownContextError(url).message)];
    }
  }
  const checks: VerificationCheck[] = [passed('CONTEXT', `all ${contexts.length} contexts are bundled`)];

  for (const proof of proofs as Record<string, unknown>[]) {
    const method = proof.verificationMethod;
    if (typeof method !== 'string') return [...checks, failed('ISSUER_KEY', 'the proof names no verificationMethod')];
    try {
      await documentLoader(method);
    } catch (error) {
      const reason = error instanceof KeyUnavailableError ? error.message : (error as Error).message;
      return [
        ...checks,
        undetermined('ISSUER_KEY', reason),
        undetermined('SIGNATURE', 'not checked: the issuer key is not available'),
      ];
    }
  }
  checks.push(
    passed('ISSUER_KEY', `resolved ${proofs.map((p) => (p as Record<string, unknown>).verificationMethod).join(', ')}`),
  );

  const result = await jsigs.verify(credential, {
    suite: [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Cryptosuite }), new Ed25519Signature2020()],
    purpose: new CredentialIssuancePurpose(),
    documentLoader,
  });
  if (result.verified) {
    checks.push(
      passed('SIGNATURE', `${proofs.length === 1 ? 'the proof verifies' : `all ${proofs.length} proofs verify`}`),
    );
    checks.push(passed('ISSUER', 'the signing key is controlled by the issuer'));
    return checks;
  }
  const errors = [result.error, ...(result.results ?? []).map((r) => r.error)];
  const unknownContext = errors.map((e) => findError(e, UnknownContextError)).find(Boolean);
  if (unknownContext) return [undetermined('CONTEXT', unknownContext.message)];
  const keyError = errors.map((e) => findError(e, KeyUnavailableError)).find(Boolean);
  if (keyError)
    return [...checks.filter((c) => c.check !== 'ISSUER_KEY'), undetermined('ISSUER_KEY', keyError.message)];
  const messages = errors.flatMap((e) => errorChain(e)).map((e) => e.message);
  if (
    messages.some((m) => /issuer must match|not authorized by controller|controller/i.test(m)) &&
    !messages.some((m) => /invalid signature/i.test(m))
  ) {
    checks.push(passed('SIGNATURE', 'the signature is valid for the key it names'));
    checks.push(failed('ISSUER', `the signing key is not the issuer's: ${first(messages)}`));
    return checks;
  }
  if (messages.some((m) => /safe mode/i.test(m))) {
    checks.push(
      failed('SIGNATURE', 'the document uses terms its JSON-LD contexts do not define, so no signature can cover them'),
    );
    return checks;
  }
  checks.push(failed('SIGNATURE', `the signature does not verify: ${first(messages)}`));
  return checks;
}

function first(messages: string[]): string {
  return messages.find((m) => m.trim() !== '' && !/^verification error/i.test(m)) ?? 'unknown reason';
}

function describeUnsupported(proof: unknown): string | null {
  if (typeof proof !== 'object' || proof === null) return 'a proof is not an object';
  const { type, cryptosuite } = proof as { type?: unknown; cryptosuite?: unknown };
  if (type === 'Ed25519Signature2020') return null;
  if (type === 'DataIntegrityProof' && cryptosuite === 'eddsa-rdfc-2022') return null;
  if (type === 'DataIntegrityProof') return `cryptosuite ${JSON.stringify(cryptosuite)} is not supported`;
  return `proof type ${JSON.stringify(type)} is not supported`;
}

/**
 * A Data Integrity proof signs a credential's JSON-LD meaning, not its JSON text: `id` and `@id`,
 * `validUntil` and its full IRI, or a term an inline context adds, all sign the same. credgraph
 * reads the holder, the validity period and the status entries from the plain JSON keys, so a
 * signed credential respelled that way would still verify while those reads miss the field: a
 * credential issued to someone else imported as one's own, an expired or revoked one VERIFIED.
 *
 * This check re-reads those fields from the credential compacted with its own bundled contexts
 * (the string ones; an inline context's terms compact to full IRIs) and fails when they differ
 * from the plain reading. A credential written in the compact form its contexts define, as
 * issuers write them, passes unchanged.
 */
import { failed, passed, type VerificationCheck } from '../../domain/verification/verification';
import { asArray } from '../../domain/credentials/json-ld-values';
import { contextUrls } from './data-integrity-check';
import type { DocumentLoader } from './document-loader';
import { jsonld } from './vc-libraries';

/** Top-level fields whose plain reading decides a verification or a holder. */
const DATE_FIELDS = ['validFrom', 'validUntil', 'issuanceDate', 'expirationDate'] as const;

/**
 * FORMAT check of a credential whose proof verified: PASSED when the holder ids, the validity
 * dates and the status entries read from its JSON keys are those its signed meaning gives.
 */
export async function checkSignedReading(
  credential: Record<string, unknown>,
  documentLoader: DocumentLoader,
): Promise<VerificationCheck> {
  const contexts = contextUrls(credential);
  let compacted: Record<string, unknown>;
  try {
    compacted = await jsonld.compact(credential, contexts, { documentLoader });
  } catch (error) {
    return failed('FORMAT', `the credential's JSON-LD cannot be read back: ${(error as Error).message.slice(0, 200)}`);
  }
  const differs: string[] = [];
  const plainSubjects = subjectIds(credential.credentialSubject);
  const signedSubjects = subjectIds(compacted.credentialSubject);
  if (!sameValues(plainSubjects, signedSubjects)) differs.push('credentialSubject.id');
  for (const field of DATE_FIELDS) {
    if (!sameValues(credential[field], compacted[field])) differs.push(field);
  }
  if (!sameValues(credential.credentialStatus, compacted.credentialStatus)) differs.push('credentialStatus');
  if (differs.length === 0) return passed('FORMAT', 'a JSON-LD credential with an embedded proof, in compact form');
  return failed(
    'FORMAT',
    `the signed credential spells ${differs.join(', ')} in a form its contexts do not give them (a JSON-LD keyword, a full IRI or an inline term): credgraph reads credentials in the compact form their contexts define`,
  );
}

/** The `id`s of one subject or a list of them (undefined entries kept, so a missing id counts). */
function subjectIds(subject: unknown): unknown[] {
  return asArray(subject).map((s) => (typeof s === 'object' && s !== null ? (s as { id?: unknown }).id : s));
}

/**
 * Equality of two JSON values as JSON-LD compaction may write them: a one-item list and its item
 * are the same, key order does not matter, and lists compare as multisets (compaction keeps
 * order, but an unordered set's order carries no meaning).
 */
export function sameValues(a: unknown, b: unknown): boolean {
  const listA = asArray(a);
  const listB = asArray(b);
  if (listA.length !== listB.length) return false;
  const keysA = listA.map(canonicalText).sort();
  const keysB = listB.map(canonicalText).sort();
  return keysA.every((key, i) => key === keysB[i]);
}

/** A text equal for values `sameValues` treats as equal (one-item lists unwrapped, keys sorted). */
function canonicalText(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 1) return canonicalText(value[0]);
    return `[${value.map(canonicalText).sort().join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalText((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

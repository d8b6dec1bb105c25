import { BadInputError } from '../errors';
import { compareStrings } from './compare-strings';
import type { MatchPolicy } from './match-policy';
import type { VerificationStatus } from '../verification/verification';

/**
 * Where a piece of evidence comes from; explanations name it. A CREDENTIAL held by a learner
 * carries its holding's verification status (null: the holding was never verified, e.g. added by
 * hand); a credential named by the caller (`credentialIds`) is no holding and carries none.
 */
export type EvidenceSource =
  | {
      readonly kind: 'CREDENTIAL';
      readonly credentialId: string;
      readonly holdingVerification?: VerificationStatus | null;
    }
  | { readonly kind: 'STATED' }
  | { readonly kind: 'SELF_DECLARED' }
  | { readonly kind: 'OCCUPATION'; readonly occupationUri: string };

/** A skill the subject is taken to have, and why. */
export interface Evidence {
  readonly skillUri: string;
  readonly source: EvidenceSource;
}

/**
 * How much a source vouches for its skill: verified holdings, credentials the caller names, skills
 * the caller states and an occupation's essential skills count fully; holdings whose credential
 * is not verified (unsigned, unverifiable, never checked) count `policy.unverified`; holdings
 * whose credential proved INVALID (forged, revoked, expired) count nothing; self-declared skills
 * count `policy.selfDeclared`.
 */
export function evidenceFactor(
  source: EvidenceSource,
  policy: Pick<MatchPolicy, 'selfDeclared' | 'unverified'>,
): number {
  switch (source.kind) {
    case 'CREDENTIAL':
      if (source.holdingVerification === undefined || source.holdingVerification === 'VERIFIED') return 1;
      return source.holdingVerification === 'INVALID' ? 0 : policy.unverified;
    case 'STATED':
    case 'OCCUPATION':
      return 1;
    case 'SELF_DECLARED':
      return policy.selfDeclared;
    default:
      return unknownKind(source);
  }
}

/**
 * A fresh source carrying only its defining fields. Results hold these rather than the
 * caller's objects, so extra properties or which of two equal sources came first cannot leak
 * into the output.
 */
export function canonicalSource(source: EvidenceSource): EvidenceSource {
  switch (source.kind) {
    case 'CREDENTIAL':
      return Object.freeze(
        source.holdingVerification === undefined
          ? { kind: 'CREDENTIAL', credentialId: source.credentialId }
          : { kind: 'CREDENTIAL', credentialId: source.credentialId, holdingVerification: source.holdingVerification },
      );
    case 'OCCUPATION':
      return Object.freeze({ kind: 'OCCUPATION', occupationUri: source.occupationUri });
    case 'STATED':
    case 'SELF_DECLARED':
      return Object.freeze({ kind: source.kind });
    default:
      return unknownKind(source);
  }
}

/** Identity of a source: equal keys mean the same source. */
export function sourceKey(source: EvidenceSource): string {
  switch (source.kind) {
    case 'CREDENTIAL':
      return `CREDENTIAL\u0000${source.credentialId}`;
    case 'OCCUPATION':
      return `OCCUPATION\u0000${source.occupationUri}`;
    case 'STATED':
    case 'SELF_DECLARED':
      return source.kind;
    default:
      return unknownKind(source);
  }
}

const KIND_ORDER: Readonly<Record<EvidenceSource['kind'], number>> = {
  CREDENTIAL: 0,
  OCCUPATION: 1,
  STATED: 2,
  SELF_DECLARED: 3,
};

/** Deterministic order of sources in results: by kind (credentials first), then id/URI. */
export function compareSources(a: EvidenceSource, b: EvidenceSource): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(sourceKey(a), sourceKey(b));
}

// Reached only when untyped input (e.g. a resolver passing raw JSON) carries a bad kind.
function unknownKind(source: never): never {
  const kind = (source as { kind?: unknown } | null)?.kind;
  throw new BadInputError(`evidence.source.kind is not a known source kind, got ${JSON.stringify(kind)}`, {
    field: 'evidence.source.kind',
    value: kind,
  });
}

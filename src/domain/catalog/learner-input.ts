/** Learners and their holdings: validation of the writes that create and change them. */
import { isVerified, type Verification, type VerificationStatus } from '../verification/verification';
import { randomUUID } from 'node:crypto';
import { BadInputError } from '../errors';
import { checkEscoUri, checkId, optionalDate, optionalText, optionalUrl, requiredText, unique } from './field-checks';

/** Input of `createLearner`. */
export interface LearnerInput {
  id?: string | null;
  displayName: string;
  externalId?: string | null;
  matchingConsent?: boolean | null;
  declaredSkillUris?: string[] | null;
  targetOccupationUris?: string[] | null;
}

/** Validated learner creation. */
export interface ValidLearner {
  record: { id: string; displayName: string; externalId: string | null; matchingConsent: boolean };
  skillUris: string[];
  occupationUris: string[];
}

/** Validates a new learner. Consent to matching is off unless given. */
export function validateLearnerInput(input: LearnerInput, newId: () => string = randomUUID): ValidLearner {
  return {
    record: {
      id: input.id == null ? newId() : checkId('id', input.id),
      displayName: requiredText('displayName', input.displayName, 200),
      externalId: optionalText('externalId', input.externalId, 500),
      matchingConsent: input.matchingConsent ?? false,
    },
    skillUris: validateSkillUris('declaredSkillUris', input.declaredSkillUris ?? []),
    occupationUris: unique(
      (input.targetOccupationUris ?? []).map((uri, i) => checkEscoUri(`targetOccupationUris[${i}]`, uri, 'occupation')),
    ),
  };
}

/** Checks a list of skill URIs (at most 500), deduplicated. */
export function validateSkillUris(field: string, uris: readonly string[]): string[] {
  if (uris.length > 500) throw new BadInputError(`${field} may hold at most 500 skills`, { field });
  return unique(uris.map((uri, i) => checkEscoUri(`${field}[${i}]`, uri, 'skill')));
}

/** Input of `addHolding`. */
export interface HoldingInput {
  issuedOn?: string | Date | null;
  expiresOn?: string | Date | null;
  /** Ignored: a holding is verified only by checking its credential's proof (importCredential). */
  verified?: boolean | null;
  evidenceUrl?: string | null;
}

/** Validated holding. */
export interface HoldingRecord {
  issuedOn: string | null;
  expiresOn: string | null;
  /** True only when `verification.status` is VERIFIED. */
  verified: boolean;
  evidenceUrl: string | null;
  /** The verification of the credential document behind the holding; absent for holdings added by hand. */
  verification?: StoredVerification | null;
}

/** A verification as a holding stores it (checks as JSON text: relationship properties hold no maps). */
export interface StoredVerification {
  status: VerificationStatus;
  checksJson: string;
  issuer: string | null;
  checkedAt: string;
}

/**
 * Validates a holding: dates as YYYY-MM-DD, expiry not before issue. `verified` is always false
 * here: no client may assert it; only a VERIFIED proof check sets it (see toStoredVerification).
 */
export function validateHoldingInput(input: HoldingInput): HoldingRecord {
  const issuedOn = optionalDate('issuedOn', input.issuedOn);
  const expiresOn = optionalDate('expiresOn', input.expiresOn);
  if (issuedOn && expiresOn && expiresOn < issuedOn)
    throw new BadInputError('expiresOn must not be before issuedOn', { field: 'expiresOn' });
  return { issuedOn, expiresOn, verified: false, evidenceUrl: optionalUrl('evidenceUrl', input.evidenceUrl) };
}

/** The holding-side record of a verification, and `verified` derived from it. */
export function withVerification(holding: HoldingRecord, verification: Verification): HoldingRecord {
  return {
    ...holding,
    verified: isVerified(verification),
    verification: {
      status: verification.status,
      checksJson: JSON.stringify(verification.checks),
      issuer: verification.issuer,
      checkedAt: verification.checkedAt,
    },
  };
}

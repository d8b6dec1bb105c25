/**
 * The answer to "is this credential genuine?": one overall status derived from named checks.
 * Pure: the verifier (src/services/verification) runs the checks, this module only shapes them,
 * so the rule turning checks into a status lives in one place.
 */

/** Overall result of verifying one credential. */
export type VerificationStatus = 'VERIFIED' | 'INVALID' | 'UNVERIFIABLE' | 'UNSIGNED';

/** The checks a verification may run, each reported once at most. */
export type VerificationCheckName =
  /** The envelope is a credential in a form the verifier knows (JSON-LD, VC-JWT). */
  | 'FORMAT'
  /** Every JSON-LD context comes from the bundled, offline set. */
  | 'CONTEXT'
  /** The issuer's public key could be obtained (did:key, did:web, JWKS). */
  | 'ISSUER_KEY'
  /** The signature over the document verifies with that key. */
  | 'SIGNATURE'
  /** The key belongs to the credential's issuer. */
  | 'ISSUER'
  /** The credential is already valid (validFrom / issuanceDate / nbf). */
  | 'VALID_FROM'
  /** The credential has not expired (validUntil / expirationDate / exp). */
  | 'VALID_UNTIL'
  /** No revocation or suspension bit set in the issuer's status list. */
  | 'STATUS'
  /** An administrator vouched for the holding after checking it outside credgraph (no proof checked). */
  | 'ATTESTATION';

/**
 * PASSED and FAILED are conclusive; UNDETERMINED means the check could not be carried out (a
 * key or status list out of reach, an unsupported proof), which makes the credential
 * UNVERIFIABLE rather than INVALID.
 */
export type CheckOutcome = 'PASSED' | 'FAILED' | 'UNDETERMINED';

/** One check and what it found; `message` says why in a sentence a person can act on. */
export interface VerificationCheck {
  readonly check: VerificationCheckName;
  readonly outcome: CheckOutcome;
  readonly message: string;
}

/** The verification of one credential. */
export interface Verification {
  readonly status: VerificationStatus;
  readonly checks: readonly VerificationCheck[];
  /** The issuer's identifier (DID or URL) as the credential states it; null when none is found. */
  readonly issuer: string | null;
  /** When the checks ran (ISO 8601): a status is a statement about that instant. */
  readonly checkedAt: string;
}

/**
 * Longest check message kept. Messages quote parts of the document (a date, a proof type, a key
 * id), which the credential's author controls; a check is stored with the holding and listed in
 * the learner's export, so a 200 KB `validUntil` must not become a 200 KB message.
 */
export const MAX_CHECK_MESSAGE_CHARS = 500;

function check(name: VerificationCheckName, outcome: CheckOutcome, message: string): VerificationCheck {
  const kept =
    message.length <= MAX_CHECK_MESSAGE_CHARS
      ? message
      : `${message.slice(0, MAX_CHECK_MESSAGE_CHARS - 40)}… (${message.length} characters in all)`;
  return { check: name, outcome, message: kept };
}

/** Shorthand constructors keep the verifier's code to one line per finding; each caps its message. */
export const passed = (name: VerificationCheckName, message: string): VerificationCheck =>
  check(name, 'PASSED', message);
export const failed = (name: VerificationCheckName, message: string): VerificationCheck =>
  check(name, 'FAILED', message);
export const undetermined = (name: VerificationCheckName, message: string): VerificationCheck =>
  check(name, 'UNDETERMINED', message);

/**
 * The status the checks add up to:
 * - INVALID when any check FAILED (a bad signature, a wrong key, expiry, revocation), signed or not;
 * - UNSIGNED when the document carries no proof at all and nothing failed;
 * - UNVERIFIABLE when some check could not be carried out;
 * - VERIFIED only when the document is signed and every check PASSED.
 *
 * @example
 * concludeVerification({ signed: true, issuer: 'did:key:z6Mk…', checkedAt: now,
 *   checks: [passed('SIGNATURE', 'ok'), failed('VALID_UNTIL', 'expired on 2011-01-01')] }).status // 'INVALID'
 */
export function concludeVerification(input: {
  readonly signed: boolean;
  readonly checks: readonly VerificationCheck[];
  readonly issuer: string | null;
  readonly checkedAt: string;
}): Verification {
  const { signed, checks, issuer, checkedAt } = input;
  let status: VerificationStatus;
  if (checks.some((c) => c.outcome === 'FAILED')) status = 'INVALID';
  else if (!signed) status = 'UNSIGNED';
  else if (checks.length === 0 || checks.some((c) => c.outcome === 'UNDETERMINED')) status = 'UNVERIFIABLE';
  else status = 'VERIFIED';
  return Object.freeze({ status, checks: Object.freeze([...checks]), issuer, checkedAt });
}

/** True only for a VERIFIED verification: what `Holding.verified` means. */
export function isVerified(verification: Pick<Verification, 'status'> | null | undefined): boolean {
  return verification?.status === 'VERIFIED';
}

/**
 * The verification an ADMIN's `addHolding(verified: true)` records: VERIFIED on an administrator's
 * word, with one ATTESTATION check saying who and that no proof was checked, so a reader of the
 * holding can always tell an attested holding from one whose signature verified.
 *
 * @example
 * attestedVerification('registrar-7', new Date('2026-01-02T03:04:05Z')).checks[0].message
 * // 'attested by administrator registrar-7; no cryptographic proof was checked'
 */
export function attestedVerification(administrator: string, at: Date): Verification {
  return {
    status: 'VERIFIED',
    checks: [passed('ATTESTATION', `attested by administrator ${administrator}; no cryptographic proof was checked`)],
    issuer: null,
    checkedAt: at.toISOString(),
  };
}

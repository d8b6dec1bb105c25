/**
 * The rows the read model is loaded from (one per entity, as the loading queries return them).
 * Plain data, so a loader, a test or a worker can build a model.
 */
import type { Requirement } from '../coverage/requirement';
import type { VerificationStatus } from '../verification/verification';
import type { CandidateCourse } from '../planning';

/** One credential holding of a learner; dates as stored (YYYY-MM-DD strings) or null. */
export interface HoldingRow {
  readonly credentialId: string;
  readonly issuedOn: unknown;
  readonly expiresOn: unknown;
  readonly verificationStatus: VerificationStatus | null;
}

/** A learner's evidence and consent. */
export interface LearnerRow {
  readonly id: string;
  readonly matchingConsent: boolean;
  readonly holdings: readonly HoldingRow[];
  readonly declaredSkillUris: readonly string[];
  /** The name a ranking shows; absent or null without matching consent (never shown then). */
  readonly displayName?: string | null;
}

/** An occupation's requirements, stored counts and ISCO group code. */
export interface OccupationRow {
  readonly uri: string;
  readonly iscoGroupCode: string | null;
  readonly essentialCount: number | null;
  readonly optionalCount: number | null;
  readonly requirements: readonly Requirement[];
}

/** A job posting's requirements. */
export interface PostingRow {
  readonly id: string;
  readonly portalId: string | null;
  readonly requirements: readonly Requirement[];
}

/** A credential as planning sees it (its taught skills are `teaches`). */
export type CredentialRow = CandidateCourse;

/** One BROADER link between skills. */
export interface BroaderRow {
  readonly narrowerUri: string;
  readonly broaderUri: string;
}

/** Rows of the catalog repositories. */
import type { CredentialRecord, SkillSource } from '../../domain/catalog/credential-input';
import type { ProviderRecord } from '../../domain/catalog/provider-input';

export type ProviderRow = ProviderRecord;

/** A stored micro-credential with its links. */
export interface CredentialRow extends CredentialRecord {
  createdAt: string | null;
  updatedAt: string | null;
  skills: { uri: string; source: SkillSource; confidence: number; sourceText: string | null }[];
  prerequisiteUris: string[];
}

/** A credential's skill links alone (what a summary leaves out). */
export type CredentialSkillLinks = Pick<CredentialRow, 'skills' | 'prerequisiteUris'>;

/** A stored micro-credential without its skill links (a page of many, loaded for titles). */
export type CredentialSummaryRow = Omit<CredentialRow, keyof CredentialSkillLinks>;

/** A stored learner with holdings and declarations. */
export interface LearnerRow {
  id: string;
  displayName: string;
  externalId: string | null;
  matchingConsent: boolean;
  createdAt: string | null;
  holdings: HoldingRow[];
  declaredSkillUris: string[];
  targetOccupationUris: string[];
  advisorSubjects: string[];
}

/** A learner's holding of a credential. */
export interface HoldingRow {
  credentialId: string;
  issuedOn: string | null;
  expiresOn: string | null;
  verified: boolean;
  evidenceUrl: string | null;
  /** Stored verification (absent on holdings added by hand or before verification existed). */
  verificationStatus?: string | null;
  /** JSON text of the checks. */
  verificationChecks?: string | null;
  verificationIssuer?: string | null;
  verificationCheckedAt?: string | null;
}

/** A stored job posting. */
export interface JobPostingRow {
  id: string;
  title: string;
  employer: string | null;
  location: string | null;
  portalId: string | null;
  occupationUri: string | null;
  essentialCount: number;
  optionalCount: number;
  requirements: { uri: string; relation: 'ESSENTIAL' | 'OPTIONAL' }[];
}

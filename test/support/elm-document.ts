/**
 * Variants of the official ELM Annex I sample micro-credential (from the shared data) with the
 * issuer, specification, holder and document id a test needs, so tests isolate their records.
 */
import fs from 'node:fs';
import { sharedDataDir } from './shared-data';

const ANNEX_SAMPLE = sharedDataDir('elm_edc', 'elm3_sample_microcredential_annex1_unsigned.no-images.jsonld');

/** What to change in the sample. `email: null` removes the holder's e-mail; `subjectId: null` its id. */
export interface ElmVariant {
  readonly issuerId: string;
  readonly issuerName?: string;
  readonly specId: string;
  readonly email?: string | null;
  readonly subjectId?: string | null;
  readonly documentId?: string | null;
}

/** A fresh copy of the Annex I sample with the variant applied. */
export function elmDocument(variant: ElmVariant): any {
  const doc = JSON.parse(fs.readFileSync(ANNEX_SAMPLE, 'utf8'));
  const subject = doc.credentialSubject;
  const claim = subject.hasClaim;
  claim.awardedBy.awardingBody.id = variant.issuerId;
  claim.awardedBy.awardingBody.legalName = { en: variant.issuerName ?? variant.issuerId };
  claim.specifiedBy.id = variant.specId;
  if (variant.email === null) delete subject.contactPoint;
  else if (variant.email !== undefined) subject.contactPoint.emailAddress.id = `mailto:${variant.email}`;
  if (variant.subjectId === null) delete subject.id;
  else if (variant.subjectId !== undefined) subject.id = variant.subjectId;
  if (variant.documentId === null) delete doc.id;
  else if (variant.documentId !== undefined) doc.id = variant.documentId;
  return doc;
}

/**
 * A learner's record as Open Badges 3.0 / CLR 2.0 JSON-LD: one OB 3.0 `OpenBadgeCredential` per
 * held credential (its achievement aligned to the ESCO skills it teaches), gathered in a
 * `ClrCredential` whose `ClrSubject` lists them. Pure: signing happens in the export service.
 *
 * Contexts are the VC 2.0 and OB 3.0.3 ones, both bundled, so credgraph (and any verifier with
 * those contexts) can check the signatures offline. The CLR 2.0 context is not bundled: the CLR's
 * own terms (`ClrCredential`, `ClrSubject`, its `verifiableCredential` and `achievement` lists)
 * expand through W3C's undefined-terms context to issuer-dependent IRIs.
 */

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** W3C's context mapping terms no other context defines to issuer-dependent IRIs (VC 2.0 §5.2). */
export const UNDEFINED_TERMS_CONTEXT = 'https://www.w3.org/ns/credentials/undefined-terms/v2';

/** One held credential as the record lists it. */
export interface RecordAchievement {
  readonly credentialId: string;
  readonly title: string;
  readonly description: string | null;
  /** The original achievement's id when the credential was imported; else a credgraph URN. */
  readonly sourceId: string | null;
  readonly providerName: string | null;
  readonly skills: readonly { readonly uri: string; readonly label: string | null }[];
  readonly ects: number | null;
  /** YYYY-MM-DD */
  readonly issuedOn: string | null;
  readonly expiresOn: string | null;
  /** The holding's verification at import (null: never verified). */
  readonly verificationStatus: string | null;
}

/** Everything the record is built from. */
export interface LearnerRecordInput {
  readonly learnerId: string;
  readonly displayName: string;
  readonly issuer: { readonly id: string; readonly name: string };
  /** ISO 8601 instant of the export; the ClrCredential's validFrom. */
  readonly issuedAt: string;
  readonly achievements: readonly RecordAchievement[];
}

/** The subject id of a learner in exported documents (no personal identifier leaks into it). */
export function learnerSubjectId(learnerId: string): string {
  return `urn:credgraph:learner:${encodeURIComponent(learnerId)}`;
}

/**
 * The OB 3.0 credential stating that the learner holds one achievement.
 *
 * @example
 * achievementCredential(input, input.achievements[0]).type // ['VerifiableCredential', 'OpenBadgeCredential']
 */
export function achievementCredential(input: LearnerRecordInput, a: RecordAchievement): Record<string, unknown> {
  const verified = a.verificationStatus === null ? 'never verified' : `verification ${a.verificationStatus}`;
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: `urn:credgraph:holding:${encodeURIComponent(input.learnerId)}:${encodeURIComponent(a.credentialId)}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name },
    validFrom: a.issuedOn ? `${a.issuedOn}T00:00:00Z` : input.issuedAt,
    ...(a.expiresOn ? { validUntil: `${a.expiresOn}T00:00:00Z` } : {}),
    name: a.title,
    credentialSubject: {
      id: learnerSubjectId(input.learnerId),
      type: ['AchievementSubject'],
      achievement: achievement(a, verified),
    },
  };
}

/**
 * The CLR: a ClrCredential whose subject carries the (already signed, when signing) achievement
 * credentials and their achievements.
 */
export function clrCredential(
  input: LearnerRecordInput,
  credentials: readonly Record<string, unknown>[],
): Record<string, unknown> {
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, UNDEFINED_TERMS_CONTEXT],
    id: `urn:credgraph:clr:${encodeURIComponent(input.learnerId)}:${input.issuedAt}`,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name },
    validFrom: input.issuedAt,
    name: `Learner record of ${input.displayName}`,
    credentialSubject: {
      id: learnerSubjectId(input.learnerId),
      type: ['ClrSubject'],
      verifiableCredential: credentials,
      achievement: input.achievements.map((a) => achievement(a, null)),
    },
  };
}

// An absolute IRI in a scheme an achievement id is written in, with no character IRIs exclude.
const EXPORTABLE_ID = /^(?:https?:\/\/|urn:|did:)[^\s<>"{}|\\^`\u0000-\u001f\u007f]+$/i;

/**
 * The achievement's id: the imported document's own when it is an absolute http(s), urn or did
 * IRI (at most 2,000 characters), else a credgraph URN. An imported id is the document author's
 * text: "foo bar" or a blank node would make signing the record fail for every learner holding
 * that credential (canonicalisation refuses them), and `javascript:` has no place in a signed id.
 */
export function achievementId(a: Pick<RecordAchievement, 'sourceId' | 'credentialId'>): string {
  if (a.sourceId !== null && a.sourceId.length <= 2_000 && EXPORTABLE_ID.test(a.sourceId)) return a.sourceId;
  return `urn:credgraph:credential:${encodeURIComponent(a.credentialId)}`;
}

function achievement(a: RecordAchievement, verified: string | null): Record<string, unknown> {
  return {
    id: achievementId(a),
    type: ['Achievement'],
    name: a.title,
    description: a.description ?? a.title,
    criteria: {
      narrative: `Holds "${a.title}"${a.providerName ? ` awarded by ${a.providerName}` : ''}, as recorded by credgraph${verified ? ` (${verified} at import)` : ''}.`,
    },
    ...(a.ects !== null ? { creditsAvailable: a.ects } : {}),
    alignment: a.skills.map((s) => ({
      type: ['Alignment'],
      targetName: s.label ?? s.uri,
      targetUrl: s.uri,
      targetFramework: 'ESCO',
    })),
  };
}

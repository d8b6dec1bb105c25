/** The credential formats the parser understands. */
export type CredentialFormat = 'OB2' | 'OB3' | 'ELM';

/** How learners take part, in the terms of the EU micro-credential Annex I. */
export type ParticipationForm = 'ONLINE' | 'ONSITE' | 'BLENDED';

/** The organisation that awards (or, for a bare achievement, defines) the credential. */
export interface CredentialProvider {
  /** Legal or display name; the issuer URL's host when the document only links the issuer. */
  readonly name: string;
  readonly url?: string;
  /** ISO 3166-1 alpha-2 where derivable (see `toCountryCode`). */
  readonly country?: string;
  /** The provider's identifier in the source document (IRI, DID or URN). */
  readonly id?: string;
}

/** One ESCO skill the credential claims to certify. */
export interface CredentialSkill {
  /** Canonical `http://data.europa.eu/esco/skill/<id>`; existence is checked by the caller. */
  readonly uri: string;
  readonly label?: string;
}

/** An alignment to something other than an ESCO skill (CASE item, DigComp, ISCO, ...). */
export interface NonEscoAlignment {
  readonly url: string;
  readonly name?: string;
}

/** What an issued credential says about the person who holds it. */
export interface CredentialHolding {
  readonly subject: {
    /** Subject id (DID / IRI), e-mail, or the recipient identity as given (possibly a salted hash). */
    readonly identifier?: string;
    readonly name?: string;
  };
  /** ISO 8601 date or date-time exactly as written in the document. */
  readonly issuedOn?: string;
  readonly expiresOn?: string;
  readonly evidenceUrl?: string;
  /**
   * Always `false` from the parser: it reads the document and does not check proofs, signatures
   * or hosted verification. Whoever verifies must set this, not the parser.
   */
  readonly verified: boolean;
}

/**
 * A credential document of any supported format, reduced to the fields the graph stores.
 *
 * Optional numeric fields are absent, never zero, when the document does not state them.
 */
export interface ParsedCredential {
  readonly format: CredentialFormat;
  readonly title: string;
  readonly description?: string;
  /** What earning the credential required (Open Badges `criteria.narrative`), as written. */
  readonly criteria?: string;
  readonly provider: CredentialProvider;
  readonly learningOutcomes: readonly string[];
  /** Deduplicated by canonical URI, in document order. */
  readonly skills: readonly CredentialSkill[];
  readonly nonEscoAlignments: readonly NonEscoAlignment[];
  readonly workloadHours?: number;
  readonly ects?: number;
  /** 1..8 */
  readonly eqfLevel?: number;
  readonly participationForm?: ParticipationForm;
  readonly assessmentType?: string;
  readonly qualityAssurance?: string;
  /** ISO 639-1 lower-case where derivable, deduplicated. */
  readonly languages: readonly string[];
  /** A human-facing page about the credential or its course. */
  readonly url?: string;
  /** Id of the achievement / learning achievement specification: a stable seed for a credential id. */
  readonly sourceId?: string;
  /** Present only for issued credentials (documents with a credential subject or recipient). */
  readonly holding?: CredentialHolding;
}

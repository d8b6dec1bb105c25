/**
 * Turns a parsed credential document into the validated writes of one import: the provider, the
 * micro-credential with its DECLARED skills, and for an issued credential the learner and the
 * holding. Fields the catalog cannot store as given (a non-http URL, an over-long text, an unknown
 * language code) are dropped or shortened with a warning rather than failing the import; whatever
 * still fails validation rejects the document before anything is written.
 */
import {
  CREDENTIAL_LIST_LIMITS,
  validateCredentialInput,
  type ValidCredential,
} from '../domain/catalog/credential-input';
import {
  validateHoldingInput,
  validateLearnerInput,
  type HoldingRecord,
  type ValidLearner,
} from '../domain/catalog/learner-input';
import { validateProviderInput, type ProviderRecord } from '../domain/catalog/provider-input';
import type { CredentialProvider, ParsedCredential } from '../domain/credentials';
import { seedHash, stableId } from './stable-id';

/** Learner name when the credential does not name its holder. */
export const DEFAULT_LEARNER_NAME = 'Imported learner';

/** The writes of one credential import, all validated. */
export interface CredentialImportPlan {
  readonly provider: ProviderRecord;
  readonly credential: ValidCredential;
  /** The learner to create when none has the holder's external id (issued credentials only). */
  readonly learner: ValidLearner | null;
  readonly holding: HoldingRecord | null;
  readonly warnings: string[];
}

const LIMITS = {
  title: 300,
  description: 5000,
  outcome: 2000,
  assessmentType: 200,
  qualityAssurance: 500,
  sourceId: 2000,
  displayName: 200,
  externalId: 500,
};

function isHttpUrl(value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The seed of a provider's id: the issuer's own identifier when it is globally unique by
 * construction (an http(s) IRI or a DID), else its web address, else its name with whatever
 * local identifier the document gives.
 */
export function providerSeed(provider: CredentialProvider): string {
  if (provider.id && (isHttpUrl(provider.id) || provider.id.startsWith('did:'))) return provider.id.trim();
  if (provider.url !== undefined && isHttpUrl(provider.url))
    return provider.url.trim().toLowerCase().replace(/\/+$/, '');
  return `${provider.name.trim().toLowerCase()}|${provider.id ?? ''}`;
}

/** Stable provider id of a document's issuer. */
export function importedProviderId(provider: CredentialProvider): string {
  const seed = providerSeed(provider);
  return stableId(
    'prov',
    seed,
    provider.url !== undefined && isHttpUrl(provider.url) ? new URL(provider.url).hostname : provider.name,
  );
}

/**
 * Stable credential id: the achievement / specification id within its provider, so the same
 * achievement imported again (for another learner, or updated) is the same micro-credential. A
 * document without one falls back to its title.
 */
export function importedCredentialId(providerId: string, parsed: Pick<ParsedCredential, 'sourceId' | 'title'>): string {
  const seed = parsed.sourceId
    ? `${providerId}|source|${parsed.sourceId.trim()}`
    : `${providerId}|title|${parsed.title.trim().toLowerCase()}`;
  return `mc-${seedHash(seed, 20)}`;
}

/**
 * The learner id of an issued credential that names no holder: derived from the issuer and the
 * document's own `id` (else its whole content), so the same document imported again reaches the
 * same learner and holding instead of creating a new person each time.
 *
 * @example
 * holderlessLearnerId('prov-uniz-edu-1a2b3c4d5e', { id: 'urn:credential:42', ... }) // 'lrn-import-…'
 */
export function holderlessLearnerId(providerId: string, document: unknown): string {
  const docId =
    typeof (document as { id?: unknown } | null)?.id === 'string' ? (document as { id: string }).id.trim() : '';
  const seed =
    docId !== '' ? `${providerId}|id|${docId}` : `${providerId}|content|${seedHash(JSON.stringify(document), 64)}`;
  return `lrn-import-${seedHash(seed, 24)}`;
}

/** A skill mapped from the credential's text (not stated by the document): stored as MAPPED. */
export interface MappedSkillLink {
  readonly uri: string;
  readonly confidence: number;
  readonly sourceText: string;
}

/**
 * Plans the import of a parsed credential (skills already required by the caller). The
 * document's own ESCO skills are DECLARED (confidence 1); `mappedSkills` (for a badge without
 * ESCO alignments) are MAPPED with their confidence and source text.
 *
 * @throws BadInputError when a field fails validation even after the repairs above.
 */
export function planCredentialImport(
  parsed: ParsedCredential,
  newLearnerId?: () => string,
  mappedSkills: readonly MappedSkillLink[] = [],
): CredentialImportPlan {
  const warnings: string[] = [];
  const shorten = (field: string, value: string | undefined, max: number): string | undefined => {
    if (value === undefined || value.trim().length <= max) return value;
    warnings.push(`${field} was shortened to ${max} characters`);
    return value.trim().slice(0, max - 1) + '…';
  };
  const url = (field: string, value: string | undefined): string | null => {
    if (value === undefined) return null;
    if (isHttpUrl(value)) return value;
    warnings.push(`${field} "${value.slice(0, 100)}" is not an http(s) URL and was not stored`);
    return null;
  };
  const limitList = <T>(field: string, values: readonly T[], max: number): T[] => {
    if (values.length <= max) return [...values];
    warnings.push(`only the first ${max} of ${values.length} ${field} were stored`);
    return values.slice(0, max);
  };
  const bounded = (field: string, value: number | undefined, max: number): number | null => {
    if (value === undefined) return null;
    if (value >= 0 && value <= max) return value;
    warnings.push(`${field} ${value} is outside [0, ${max}] and was not stored`);
    return null;
  };

  const country =
    parsed.provider.country && /^[A-Za-z]{2}$/.test(parsed.provider.country) ? parsed.provider.country : null;
  if (parsed.provider.country && country === null)
    warnings.push(`issuer country "${parsed.provider.country}" is not an ISO 3166-1 alpha-2 code and was not stored`);
  const provider = validateProviderInput({
    id: importedProviderId(parsed.provider),
    name: shorten('issuer name', parsed.provider.name, 300)!,
    country,
    url: url('issuer url', parsed.provider.url),
  });

  const readable = parsed.languages.filter((lang) => /^[a-z]{2,3}$/.test(lang));
  if (readable.length < parsed.languages.length)
    warnings.push(
      `language codes ignored: ${parsed.languages
        .filter((l) => !readable.includes(l))
        .slice(0, 20)
        .join(', ')}`,
    );
  const languages = limitList('languages', readable, CREDENTIAL_LIST_LIMITS.languages);
  const credential = validateCredentialInput({
    id: importedCredentialId(provider.id, parsed),
    title: shorten('title', parsed.title, LIMITS.title)!,
    description: shorten('description', parsed.description, LIMITS.description) ?? null,
    providerId: provider.id,
    country,
    learningOutcomes: limitList(
      'learning outcomes',
      parsed.learningOutcomes.filter((o) => o.trim() !== ''),
      CREDENTIAL_LIST_LIMITS.learningOutcomes,
    ).map((o, i) => shorten(`learning outcome ${i + 1}`, o, LIMITS.outcome)!),
    workloadHours: bounded('workload hours', parsed.workloadHours, 10_000),
    ects: bounded('ECTS credits', parsed.ects, 360),
    eqfLevel: parsed.eqfLevel ?? null,
    assessmentType: shorten('assessment type', parsed.assessmentType, LIMITS.assessmentType) ?? null,
    participationForm: parsed.participationForm ?? null,
    qualityAssurance: shorten('quality assurance', parsed.qualityAssurance, LIMITS.qualityAssurance) ?? null,
    languages,
    url: url('credential url', parsed.url),
    skills: [
      ...parsed.skills.map((skill) => ({ uri: skill.uri, source: 'DECLARED' as const, confidence: 1 })),
      ...mappedSkills.map((skill) => ({
        uri: skill.uri,
        source: 'MAPPED' as const,
        confidence: skill.confidence,
        sourceText: skill.sourceText,
      })),
    ],
    sourceFormat: parsed.format,
    sourceId: shorten('source id', parsed.sourceId, LIMITS.sourceId) ?? null,
  });
  if (parsed.nonEscoAlignments.length > 0) {
    const listed = parsed.nonEscoAlignments
      .slice(0, 5)
      .map((a) => a.name ?? a.url)
      .join('; ');
    warnings.push(
      `${parsed.nonEscoAlignments.length} non-ESCO alignment(s) ignored: ${listed}${parsed.nonEscoAlignments.length > 5 ? '; …' : ''}`,
    );
  }

  let learner: ValidLearner | null = null;
  let holding: HoldingRecord | null = null;
  if (parsed.holding) {
    const subject = parsed.holding.subject;
    let externalId = subject.identifier?.trim() || null;
    if (externalId && externalId.length > LIMITS.externalId) {
      // Kept as a digest so the same long identifier still finds the same learner.
      externalId = `sha256:${seedHash(externalId, 64)}`;
      warnings.push('the holder identifier is longer than 500 characters and is stored as its SHA-256 digest');
    }
    if (!externalId)
      warnings.push(
        'the credential does not identify its holder: it is recorded for a learner of its own, the same on every re-import of this document',
      );
    learner = validateLearnerInput(
      { displayName: shorten('holder name', subject.name, LIMITS.displayName) || DEFAULT_LEARNER_NAME, externalId },
      newLearnerId,
    );
    holding = validateHoldingInput({
      issuedOn: parsed.holding.issuedOn ?? null,
      expiresOn: parsed.holding.expiresOn ?? null,
      verified: false,
      evidenceUrl: url('evidence url', parsed.holding.evidenceUrl),
    });
  }
  return { provider, credential, learner, holding, warnings };
}

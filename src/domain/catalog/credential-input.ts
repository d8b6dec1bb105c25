/**
 * The micro-credential model: the mandatory elements of the EU Council Recommendation on
 * micro-credentials (2022) plus what matching and planning need. `validateCredentialInput`
 * normalises a client's input or says exactly what is wrong.
 */
import { randomUUID } from 'node:crypto';
import { BadInputError } from '../errors';
import { isCountryCode } from '../credentials/country-codes';
import { quotedExcerpt } from '../text/quoted-excerpt';
import {
  checkEscoUri,
  checkId,
  optionalDate,
  optionalInteger,
  optionalNumber,
  optionalText,
  optionalUrl,
  requiredText,
  unique,
} from './field-checks';

export type ParticipationForm = 'ONLINE' | 'ONSITE' | 'BLENDED';
export type SkillSource = 'DECLARED' | 'MAPPED';

/** A taught skill as the client states it. */
export interface TaughtSkillInput {
  uri: string;
  source?: SkillSource | null;
  confidence?: number | null;
  /** For a MAPPED link, the tag or text it was mapped from (stored as `sourceText` on TEACHES; at most 2,000 characters). */
  sourceText?: string | null;
}

/** A taught skill as stored: `sourceText` is absent for declared links and unknown origins. */
export interface TaughtSkillRecord {
  uri: string;
  source: SkillSource;
  confidence: number;
  sourceText?: string;
}

/** Longest `sourceText` of a taught skill kept, in characters (a badge's description or criteria fits). */
export const MAX_SOURCE_TEXT_CHARS = 2000;

/** Input of `upsertMicroCredential`. */
export interface CredentialInput {
  id?: string | null;
  title: string;
  description?: string | null;
  providerId: string;
  country?: string | null;
  learningOutcomes?: string[] | null;
  workloadHours?: number | null;
  ects?: number | null;
  eqfLevel?: number | null;
  assessmentType?: string | null;
  participationForm?: ParticipationForm | null;
  qualityAssurance?: string | null;
  languages?: string[] | null;
  price?: { amount: number; currency: string } | null;
  url?: string | null;
  skills?: TaughtSkillInput[] | null;
  prerequisiteSkillUris?: string[] | null;
  partOfId?: string | null;
  validFrom?: string | null;
  validUntil?: string | null;
  validityMonths?: number | null;
  sourceFormat?: string | null;
  sourceId?: string | null;
}

/** Normalised, storable credential. */
export interface CredentialRecord {
  id: string;
  title: string;
  description: string | null;
  providerId: string;
  country: string | null;
  learningOutcomes: string[];
  workloadHours: number | null;
  ects: number | null;
  eqfLevel: number | null;
  assessmentType: string | null;
  participationForm: ParticipationForm | null;
  qualityAssurance: string | null;
  languages: string[];
  priceAmount: number | null;
  priceCurrency: string | null;
  url: string | null;
  partOfId: string | null;
  validFrom: string | null;
  validUntil: string | null;
  validityMonths: number | null;
  sourceFormat: string | null;
  sourceId: string | null;
}

/** Validated upsert: the record and its links. */
export interface ValidCredential {
  record: CredentialRecord;
  skills: TaughtSkillRecord[];
  prerequisiteUris: string[];
}

const MAX_SKILLS = 200;

/**
 * Size limits of a credential's lists, so one upsert or import has a bounded cost. Text fields
 * have their own limits below (title 300, description 5,000, each outcome 2,000 characters).
 */
export const CREDENTIAL_LIST_LIMITS = Object.freeze({
  learningOutcomes: 100,
  languages: 20,
  prerequisiteSkillUris: 200,
});

/**
 * Largest price a credential may carry, in units of its own currency. It bounds what importers
 * accept as a plausible course price (a catalogue cell above it is a data error, not a course).
 */
export const MAX_PRICE_AMOUNT = 1_000_000;

/**
 * Validates and normalises an upsert.
 *
 * @example
 * validateCredentialInput({ title: 'Intro to SQL', providerId: 'p1', skills: [{ uri: SQL_URI }] })
 * // → record with a generated id, skills [{ uri: SQL_URI, source: 'DECLARED', confidence: 1 }]
 */
export function validateCredentialInput(input: CredentialInput, newId: () => string = randomUUID): ValidCredential {
  const id = input.id == null ? newId() : checkId('id', input.id);
  for (const field of ['learningOutcomes', 'languages', 'prerequisiteSkillUris'] as const) {
    const count = input[field]?.length ?? 0;
    if (count > CREDENTIAL_LIST_LIMITS[field])
      throw new BadInputError(`${field} may hold at most ${CREDENTIAL_LIST_LIMITS[field]} entries, got ${count}`, {
        field,
      });
  }
  const languages = unique((input.languages ?? []).map((lang) => lang.trim().toLowerCase()));
  for (const lang of languages) {
    if (!/^[a-z]{2,3}$/.test(lang))
      throw new BadInputError(`languages must hold ISO 639 codes such as "en", got ${quotedExcerpt(lang)}`, {
        field: 'languages',
      });
  }
  let priceAmount: number | null = null;
  let priceCurrency: string | null = null;
  if (input.price) {
    priceAmount = optionalNumber('price.amount', input.price.amount, 0, MAX_PRICE_AMOUNT);
    const currency = (input.price.currency ?? '').trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency))
      throw new BadInputError(`price.currency must be an ISO 4217 code such as "EUR", got "${input.price.currency}"`, {
        field: 'price.currency',
      });
    priceCurrency = currency;
  }
  const country = optionalText('country', input.country, 2)?.toUpperCase() ?? null;
  if (country !== null && !isCountryCode(country))
    throw new BadInputError(`country must be an ISO 3166-1 alpha-2 code such as "DE", got "${input.country}"`, {
      field: 'country',
      value: input.country,
    });
  const skillsIn = input.skills ?? [];
  if (skillsIn.length > MAX_SKILLS)
    throw new BadInputError(`a credential may teach at most ${MAX_SKILLS} skills`, { field: 'skills' });
  const skills = new Map<string, TaughtSkillRecord>();
  skillsIn.forEach((skill, i) => {
    const uri = checkEscoUri(`skills[${i}].uri`, skill.uri, 'skill');
    const source = skill.source ?? 'DECLARED';
    const confidence = optionalNumber(`skills[${i}].confidence`, skill.confidence, 0, 1) ?? 1;
    const sourceText = optionalText(`skills[${i}].sourceText`, skill.sourceText, MAX_SOURCE_TEXT_CHARS, {
      multiline: true,
    });
    skills.set(uri, { uri, source, confidence, ...(sourceText === null ? {} : { sourceText }) });
  });
  const prerequisiteUris = unique(
    (input.prerequisiteSkillUris ?? []).map((uri, i) => checkEscoUri(`prerequisiteSkillUris[${i}]`, uri, 'skill')),
  );
  const validFrom = optionalDate('validFrom', input.validFrom);
  const validUntil = optionalDate('validUntil', input.validUntil);
  if (validFrom && validUntil && validUntil < validFrom)
    throw new BadInputError('validUntil must not be before validFrom', { field: 'validUntil' });
  const partOfId = input.partOfId == null ? null : checkId('partOfId', input.partOfId);
  if (partOfId === id) throw new BadInputError('a credential cannot be part of itself', { field: 'partOfId' });
  return {
    record: {
      id,
      title: requiredText('title', input.title, 300),
      description: optionalText('description', input.description, 5000, { multiline: true }),
      providerId: checkId('providerId', input.providerId),
      country,
      learningOutcomes: (input.learningOutcomes ?? []).map((text, i) =>
        requiredText(`learningOutcomes[${i}]`, text, 2000, { multiline: true }),
      ),
      workloadHours: optionalNumber('workloadHours', input.workloadHours, 0, 10_000),
      ects: optionalNumber('ects', input.ects, 0, 360),
      eqfLevel: optionalInteger('eqfLevel', input.eqfLevel, 1, 8),
      assessmentType: optionalText('assessmentType', input.assessmentType, 200),
      participationForm: input.participationForm ?? null,
      qualityAssurance: optionalText('qualityAssurance', input.qualityAssurance, 500),
      languages,
      priceAmount,
      priceCurrency,
      url: optionalUrl('url', input.url),
      partOfId,
      validFrom,
      validUntil,
      validityMonths: optionalInteger('validityMonths', input.validityMonths, 1, 1200),
      sourceFormat: optionalText('sourceFormat', input.sourceFormat, 20),
      sourceId: optionalText('sourceId', input.sourceId, 2000),
    },
    skills: [...skills.values()],
    prerequisiteUris,
  };
}

/** Learners and their holdings: validation of the writes that create and change them. */
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
    occupationUris: unique((input.targetOccupationUris ?? []).map((uri, i) => checkEscoUri(`targetOccupationUris[${i}]`, uri, 'occupation'))),
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
  verified?: boolean | null;
  evidenceUrl?: string | null;
}

/** Validated holding. */
export interface HoldingRecord {
  issuedOn: string | null;
  expiresOn: string | null;
  verified: boolean;
  evidenceUrl: string | null;
}

/** Validates a holding: dates as YYYY-MM-DD, expiry not before issue. */
export function validateHoldingInput(input: HoldingInput): HoldingRecord {
  const issuedOn = optionalDate('issuedOn', input.issuedOn);
  const expiresOn = optionalDate('expiresOn', input.expiresOn);
  if (issuedOn && expiresOn && expiresOn < issuedOn) throw new BadInputError('expiresOn must not be before issuedOn', { field: 'expiresOn' });
  return { issuedOn, expiresOn, verified: input.verified ?? false, evidenceUrl: optionalUrl('evidenceUrl', input.evidenceUrl) };
}

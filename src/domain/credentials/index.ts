/** Credential documents (Open Badges 2.0 / 3.0, ELM) normalised into one shape. */
export {
  checkEscoUri,
  ESCO_SKILL_URI_PREFIX,
  ESCO_URI_PREFIX,
  isEscoSkillUri,
  normalizeEscoUri,
} from './esco-uri';
export type { EscoConceptKind, EscoUriCheck } from './esco-uri';
export { parseCredentialDocument } from './parse-credential-document';
export { requireSkills } from './require-skills';
export { isoDurationToHours } from './iso-duration';
export type {
  CredentialFormat,
  CredentialHolding,
  CredentialProvider,
  CredentialSkill,
  NonEscoAlignment,
  ParsedCredential,
  ParticipationForm,
} from './parsed-credential';

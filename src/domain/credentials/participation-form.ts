import type { ParticipationForm } from './parsed-credential';

// Concept ids of the ELM learning-assessment scheme seen in the official samples.
const ELM_MODE_IDS: Readonly<Record<string, ParticipationForm>> = {
  'http://data.europa.eu/snb/learning-assessment/920fbb3cbe': 'ONLINE',
  'http://data.europa.eu/snb/learning-assessment/e92d221e4d': 'BLENDED',
};

/**
 * The participation form named by an ELM mode concept (id or label) or an Open Badges
 * extension string.
 *
 * edubadges' `participationType` vocabulary has `"onsite or blended"` as one value; it maps to
 * BLENDED, the weaker claim (attendance is required, exclusively onsite is not asserted).
 * Values that are not a form of participation (`"volunteering"`, `"work experience"`) yield
 * `undefined`.
 *
 * @example
 * toParticipationForm('Blended') // 'BLENDED'
 * toParticipationForm('onsite or blended') // 'BLENDED'
 * toParticipationForm('face-to-face') // 'ONSITE'
 */
export function toParticipationForm(value: string | undefined): ParticipationForm | undefined {
  if (value === undefined) return undefined;
  const byId = ELM_MODE_IDS[value.trim()];
  if (byId !== undefined) return byId;
  const v = value.trim().toLowerCase();
  if (/blended|hybrid/.test(v)) return 'BLENDED';
  if (/^(online|e-learning|distance|remote|virtual)\b|\bonline$/.test(v)) return 'ONLINE';
  if (/on-?site|in[- ]person|face[- ]to[- ]face|classroom|presential/.test(v)) return 'ONSITE';
  return undefined;
}

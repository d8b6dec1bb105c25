import { classifyAlignments } from './alignment-classification';
import { missingProvider, missingTitle, notACredential } from './credential-rejection';
import {
  asArray,
  firstObject,
  isHttpUrl,
  isJsonObject,
  isoDate,
  languageText,
  objectsOf,
  positiveNumber,
  text,
  type JsonObject,
} from './json-ld-values';
import { toLanguageCode } from './language-codes';
import { readOpenBadgesAlignments } from './open-badges-alignments';
import { providerFromProfile } from './open-badges-profile';
import type { CredentialHolding, ParsedCredential } from './parsed-credential';
import { toParticipationForm } from './participation-form';

/**
 * Parses an Open Badges 3.0 `OpenBadgeCredential` / `AchievementCredential`, or a bare
 * `Achievement` (a catalogue entry: no holding).
 *
 * Where things are read from (credential `c`, achievement `a = c.credentialSubject.achievement`):
 * - title `a.name` (else `c.name`); description `a.description` (else `c.description`)
 * - provider `c.issuer` (the awarding organisation), else `a.creator`
 * - skills / other alignments: `a.alignment`, `a.resultDescription[].alignment`,
 *   `a.resultDescription[].rubricCriterionLevel[].alignment`, `c.credentialSubject.result[].alignment`
 * - edubadges extensions on `a`: `ECTS`, `timeInvestment` / `SBU` (hours), `participationType`,
 *   `assessmentType`, and the `ext:EQF` / `ext:QualityAssurance` alignments
 * - `a.inLanguage` (else `c.inLanguage`) for languages
 *
 * `creditsAvailable` is *not* read as ECTS: the spec leaves its unit open (the 1EdTech full
 * example uses it for 36 US degree credits), so only an explicit `ECTS` counts.
 * Open Badges have no learning-outcome field (`criteria.narrative` states earning requirements),
 * so `learningOutcomes` is empty.
 */
export function parseOpenBadge3(doc: JsonObject, kind: 'credential' | 'achievement'): ParsedCredential {
  const subject = kind === 'credential' ? firstObject(doc.credentialSubject) : undefined;
  const achievement = kind === 'credential' ? firstObject(subject?.achievement) : doc;
  if (achievement === undefined) {
    throw notACredential('an Open Badges 3.0 credential needs a credentialSubject.achievement object');
  }

  const title = languageText(achievement.name) ?? (kind === 'credential' ? languageText(doc.name) : undefined);
  if (title === undefined) throw missingTitle('credentialSubject.achievement.name');

  const provider =
    (kind === 'credential' ? providerFromProfile(doc.issuer) : undefined) ?? providerFromProfile(achievement.creator);
  if (provider === undefined) throw missingProvider(kind === 'credential' ? 'issuer' : 'creator');

  const resultDescriptions = objectsOf(achievement.resultDescription);
  const alignments = readOpenBadgesAlignments([
    ...objectsOf(achievement.alignment),
    ...resultDescriptions.flatMap((rd) => objectsOf(rd.alignment)),
    ...resultDescriptions.flatMap((rd) =>
      objectsOf(rd.rubricCriterionLevel).flatMap((level) => objectsOf(level.alignment)),
    ),
    ...objectsOf(subject?.result).flatMap((result) => objectsOf(result.alignment)),
  ]);
  const { skills, nonEscoAlignments } = classifyAlignments(alignments.targets);

  const description =
    languageText(achievement.description) ?? (kind === 'credential' ? languageText(doc.description) : undefined);
  const criteria = isJsonObject(achievement.criteria) ? languageText(achievement.criteria.narrative) : undefined;
  const workloadHours = positiveNumber(achievement.timeInvestment) ?? positiveNumber(achievement.SBU);
  const ects = positiveNumber(achievement.ECTS);
  const participationForm = toParticipationForm(text(achievement.participationType));
  const assessmentType = text(achievement.assessmentType);
  const url = pageUrl(achievement);
  const sourceId = text(achievement.id);
  const holding = kind === 'credential' && subject !== undefined ? readHolding(doc, subject) : undefined;

  return {
    format: 'OB3',
    title,
    ...(description !== undefined ? { description } : {}),
    ...(criteria !== undefined ? { criteria } : {}),
    provider,
    learningOutcomes: [],
    skills,
    nonEscoAlignments,
    ...(workloadHours !== undefined ? { workloadHours } : {}),
    ...(ects !== undefined ? { ects } : {}),
    ...(alignments.eqfLevel !== undefined ? { eqfLevel: alignments.eqfLevel } : {}),
    ...(participationForm !== undefined ? { participationForm } : {}),
    ...(assessmentType !== undefined ? { assessmentType } : {}),
    ...(alignments.qualityAssurance !== undefined ? { qualityAssurance: alignments.qualityAssurance } : {}),
    languages: languagesOf(achievement.inLanguage ?? (kind === 'credential' ? doc.inLanguage : undefined)),
    ...(url !== undefined ? { url } : {}),
    ...(sourceId !== undefined ? { sourceId } : {}),
    ...(holding !== undefined ? { holding } : {}),
  };
}

/** `criteria.id` is the page that explains the achievement; the achievement IRI is the fallback. */
function pageUrl(achievement: JsonObject): string | undefined {
  const criteriaId = isJsonObject(achievement.criteria) ? text(achievement.criteria.id) : undefined;
  const achievementId = text(achievement.id);
  return [criteriaId, achievementId].find((u): u is string => u !== undefined && isHttpUrl(u));
}

function languagesOf(value: unknown): string[] {
  const codes = asArray(value)
    .map(text)
    .filter((t): t is string => t !== undefined)
    .map(toLanguageCode)
    .filter((c): c is string => c !== undefined);
  return [...new Set(codes)];
}

function readHolding(credential: JsonObject, subject: JsonObject): CredentialHolding {
  // A subject id (usually a DID) identifies the holder directly; otherwise the first
  // IdentityObject, whose `identityHash` is the plain value when `hashed` is false.
  const identityObject = firstObject(subject.identifier);
  const identifier = text(subject.id) ?? text(identityObject?.identityHash);
  const name = languageText(subject.name);
  const issuedOn = isoDate(credential.awardedDate) ?? isoDate(credential.validFrom) ?? isoDate(credential.issuanceDate);
  const expiresOn = isoDate(credential.validUntil) ?? isoDate(credential.expirationDate);
  const evidenceUrl = objectsOf(credential.evidence)
    .map((e) => text(e.id))
    .find((u): u is string => u !== undefined && isHttpUrl(u));
  return {
    subject: {
      ...(identifier !== undefined ? { identifier } : {}),
      ...(name !== undefined ? { name } : {}),
    },
    ...(issuedOn !== undefined ? { issuedOn } : {}),
    ...(expiresOn !== undefined ? { expiresOn } : {}),
    ...(evidenceUrl !== undefined ? { evidenceUrl } : {}),
    verified: false,
  };
}

import { classifyAlignments, type AlignmentCandidate } from './alignment-classification';
import { toCountryCode } from './country-codes';
import { missingProvider, missingTitle, notACredential, tooManyClaims } from './credential-rejection';
import { toEqfLevel } from './eqf-level';
import { isoDurationToHours } from './iso-duration';
import {
  asArray,
  firstObject,
  isHttpUrl,
  isJsonObject,
  isoDate,
  languageText,
  nodeId,
  objectsOf,
  positiveNumber,
  text,
  type JsonObject,
} from './json-ld-values';
import { toLanguageCode } from './language-codes';
import type { CredentialHolding, CredentialProvider, ParsedCredential } from './parsed-credential';
import { toParticipationForm } from './participation-form';

// The ECTS concept of the ELM education-credit scheme, as used in the Annex I sample.
const ECTS_FRAMEWORK_ID = 'http://data.europa.eu/snb/education-credit/6fcec5c5af';

/**
 * Parses a European Learning Model v3 `EuropeanDigitalCredential` (EDC JSON-LD).
 *
 * The claim read is the one claim in `credentialSubject.hasClaim` (a `LearningAchievement`, or e.g.
 * the `LearningActivity` of a certificate of participation; a document with several top-level
 * claims is rejected with their count, since one import records one micro-credential and silently
 * dropping claims would lose what the holder earned), and `spec` is its `specifiedBy` (a
 * `Qualification` / learning achievement specification):
 * - title `claim.title` (else `spec.title`); description likewise
 * - provider `claim.awardedBy.awardingBody` (else the credential `issuer`): `legalName`,
 *   `homepage.contentURL`, `location.address.countryCode`
 * - learning outcomes `spec.learningOutcome[].title`; skills `…relatedESCOSkill[]`;
 *   `…relatedSkill[]` (DigComp etc.) become non-ESCO alignments
 * - hours `spec.volumeOfLearning`, else `claim.workload` (ISO 8601 durations)
 * - ECTS `spec.creditPoint[].point` where the framework is ECTS; EQF `spec.eqfLevel`
 * - participation `spec.mode`; assessment type `claim.provenBy.specifiedBy.dcType` (else its title)
 * - quality assurance `spec.accreditation` / awarding body `accreditation` title (the samples have
 *   none, so this follows the ELM ontology rather than an example)
 * - languages `spec.language`, else the credential's display languages
 *
 * The holder is identified by e-mail when given, else by the subject id only when it is global (a
 * DID or an http(s) IRI): ELM person ids such as `urn:epass:person:1` are document-local, and
 * taking them as identities would attach every such document to one learner. `evidence` nodes are not read as an evidence URL:
 * their ids are node names, not pages.
 */
export function parseElm(doc: JsonObject): ParsedCredential {
  const subject = firstObject(doc.credentialSubject);
  const claims = objectsOf(subject?.hasClaim);
  const claim = claims[0];
  if (claim === undefined) throw notACredential('an ELM credential needs credentialSubject.hasClaim');
  if (claims.length > 1) throw tooManyClaims(claims.length);
  const spec = firstObject(claim.specifiedBy);

  const title = languageText(claim.title) ?? languageText(spec?.title);
  if (title === undefined) throw missingTitle('credentialSubject.hasClaim.title');

  const awardingBody = firstObject(objectsOf(claim.awardedBy).flatMap((process) => objectsOf(process.awardingBody)));
  const provider = providerFromOrganisation(awardingBody) ?? providerFromOrganisation(firstObject(doc.issuer));
  if (provider === undefined) throw missingProvider('hasClaim.awardedBy.awardingBody or issuer');

  const outcomes = objectsOf(spec?.learningOutcome);
  const candidates: AlignmentCandidate[] = outcomes.flatMap((outcome) => [
    ...conceptCandidates(outcome.relatedESCOSkill),
    ...conceptCandidates(outcome.relatedSkill),
  ]);
  const { skills, nonEscoAlignments } = classifyAlignments(candidates);
  const learningOutcomes = outcomes.map((o) => languageText(o.title)).filter((t): t is string => t !== undefined);

  const description = languageText(claim.description) ?? languageText(spec?.description);
  const workloadHours = isoDurationToHours(spec?.volumeOfLearning) ?? isoDurationToHours(claim.workload);
  const ects = ectsOf(spec?.creditPoint);
  const eqfLevel =
    toEqfLevel(nodeId(spec?.eqfLevel)) ?? toEqfLevel(languageText(firstObject(spec?.eqfLevel)?.prefLabel));
  const mode = firstObject(spec?.mode);
  const participationForm = toParticipationForm(nodeId(mode)) ?? toParticipationForm(languageText(mode?.prefLabel));
  const assessmentSpec = firstObject(objectsOf(claim.provenBy).flatMap((a) => objectsOf(a.specifiedBy)));
  const assessmentType =
    languageText(firstObject(assessmentSpec?.dcType)?.prefLabel) ?? languageText(assessmentSpec?.title);
  const qualityAssurance = accreditationOf(spec) ?? accreditationOf(awardingBody);
  const homepage = text(firstObject(spec?.homepage)?.contentURL);
  const url = homepage !== undefined && isHttpUrl(homepage) ? homepage : undefined;
  const sourceId = nodeId(spec) ?? nodeId(claim);
  const holding = subject !== undefined ? readHolding(doc, subject) : undefined;

  return {
    format: 'ELM',
    title,
    ...(description !== undefined ? { description } : {}),
    provider,
    learningOutcomes,
    skills,
    nonEscoAlignments,
    ...(workloadHours !== undefined ? { workloadHours } : {}),
    ...(ects !== undefined ? { ects } : {}),
    ...(eqfLevel !== undefined ? { eqfLevel } : {}),
    ...(participationForm !== undefined ? { participationForm } : {}),
    ...(assessmentType !== undefined ? { assessmentType } : {}),
    ...(qualityAssurance !== undefined ? { qualityAssurance } : {}),
    languages: languagesOf(spec, doc),
    ...(url !== undefined ? { url } : {}),
    ...(sourceId !== undefined ? { sourceId } : {}),
    ...(holding !== undefined ? { holding } : {}),
  };
}

/** ELM concepts are `{id, prefLabel}` nodes or bare IRIs. */
function conceptCandidates(value: unknown): AlignmentCandidate[] {
  return asArray(value).flatMap((concept) => {
    const url = nodeId(concept);
    if (url === undefined) return [];
    const name = isJsonObject(concept) ? languageText(concept.prefLabel) : undefined;
    return [name === undefined ? { url } : { url, name }];
  });
}

function providerFromOrganisation(org: JsonObject | undefined): CredentialProvider | undefined {
  if (org === undefined) return undefined;
  const id = nodeId(org);
  const name = languageText(org.legalName) ?? languageText(org.altLabel) ?? languageText(org.prefLabel) ?? id;
  if (name === undefined) return undefined;
  const homepage = text(firstObject(org.homepage)?.contentURL);
  const address = firstObject(objectsOf(org.location).flatMap((l) => objectsOf(l.address)));
  const countryId = nodeId(address?.countryCode);
  const country = countryId === undefined ? undefined : toCountryCode(countryId);
  return {
    name,
    ...(homepage !== undefined && isHttpUrl(homepage) ? { url: homepage } : {}),
    ...(country !== undefined ? { country } : {}),
    ...(id !== undefined ? { id } : {}),
  };
}

function ectsOf(creditPoints: unknown): number | undefined {
  for (const credit of objectsOf(creditPoints)) {
    const framework = firstObject(credit.framework);
    const frameworkId = nodeId(credit.framework);
    const label = languageText(framework?.prefLabel) ?? '';
    if (frameworkId === ECTS_FRAMEWORK_ID || /\bECTS\b|European Credit Transfer/i.test(label)) {
      const points = positiveNumber(credit.point);
      if (points !== undefined) return points;
    }
  }
  return undefined;
}

function accreditationOf(node: JsonObject | undefined): string | undefined {
  const accreditation = firstObject(node?.accreditation);
  return languageText(accreditation?.title) ?? languageText(firstObject(accreditation?.dcType)?.prefLabel);
}

function languagesOf(spec: JsonObject | undefined, doc: JsonObject): string[] {
  const display = firstObject(doc.displayParameter);
  const fromSpec = asArray(spec?.language);
  const sources =
    fromSpec.length > 0 ? fromSpec : [...asArray(display?.primaryLanguage), ...asArray(display?.language)];
  const codes = sources
    .map(nodeId)
    .filter((id): id is string => id !== undefined)
    .map(toLanguageCode)
    .filter((c): c is string => c !== undefined);
  return [...new Set(codes)];
}

function readHolding(doc: JsonObject, subject: JsonObject): CredentialHolding {
  const email = objectsOf(subject.contactPoint)
    .flatMap((cp) => asArray(cp.emailAddress))
    .map(nodeId)
    .find((id): id is string => id !== undefined);
  const subjectId = nodeId(subject);
  const globalId =
    subjectId !== undefined && (subjectId.startsWith('did:') || isHttpUrl(subjectId)) ? subjectId : undefined;
  const identifier = email !== undefined ? email.replace(/^mailto:/i, '') : globalId;
  const given = languageText(subject.givenName);
  const family = languageText(subject.familyName);
  const name =
    languageText(subject.fullName) ??
    (given !== undefined && family !== undefined ? `${given} ${family}` : (given ?? family));
  const issuedOn = isoDate(doc.issued) ?? isoDate(doc.issuanceDate) ?? isoDate(doc.validFrom);
  const expiresOn = isoDate(doc.expirationDate) ?? isoDate(doc.validUntil);
  return {
    subject: {
      ...(identifier !== undefined ? { identifier } : {}),
      ...(name !== undefined ? { name } : {}),
    },
    ...(issuedOn !== undefined ? { issuedOn } : {}),
    ...(expiresOn !== undefined ? { expiresOn } : {}),
    verified: false,
  };
}

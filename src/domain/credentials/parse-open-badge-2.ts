import { BadInputError } from '../errors';
import { classifyAlignments } from './alignment-classification';
import { missingProvider, missingTitle } from './credential-rejection';
import {
  asArray,
  isHttpUrl,
  isJsonObject,
  isoDate,
  languageText,
  nodeId,
  objectsOf,
  text,
  type JsonObject,
} from './json-ld-values';
import { readOpenBadgesAlignments } from './open-badges-alignments';
import { providerFromProfile } from './open-badges-profile';
import type { CredentialHolding, ParsedCredential } from './parsed-credential';

/**
 * Parses an Open Badges 2.0 `BadgeClass`, or an `Assertion` whose `badge` is embedded.
 *
 * From the BadgeClass: `name`, `description`, `issuer` (embedded Profile or IRI), `alignment[]`
 * (`targetUrl` / `targetName`), `criteria` (URL or `{id}`) as the page URL, `id` as source id.
 * From the Assertion: `recipient.identity` (a salted `sha256$…` hash when `hashed` is true,
 * passed on as written), `issuedOn`, `expires`, `evidence`.
 *
 * @throws BadInputError when an Assertion only links its BadgeClass: domain code does no I/O, so
 *   the name and alignments would be unreadable; the caller must embed or fetch the BadgeClass.
 */
export function parseOpenBadge2(doc: JsonObject, kind: 'BadgeClass' | 'Assertion'): ParsedCredential {
  let badge: JsonObject;
  if (kind === 'Assertion') {
    if (!isJsonObject(doc.badge)) {
      const link = text(doc.badge);
      throw new BadInputError(
        `The Open Badges 2.0 Assertion does not embed its BadgeClass${link === undefined ? '' : ` (it links ${link})`}; ` +
          'embed the BadgeClass so the badge title and alignments can be read',
        {
          reason: 'BADGECLASS_NOT_EMBEDDED',
          field: 'badge',
          ...(link !== undefined ? { items: [link.slice(0, 2_000)] } : {}),
        },
      );
    }
    badge = doc.badge;
  } else {
    badge = doc;
  }

  const title = languageText(badge.name);
  if (title === undefined) throw missingTitle(kind === 'Assertion' ? 'badge.name' : 'name');
  const provider = providerFromProfile(badge.issuer);
  if (provider === undefined) throw missingProvider(kind === 'Assertion' ? 'badge.issuer' : 'issuer');

  const alignments = readOpenBadgesAlignments(objectsOf(badge.alignment));
  const { skills, nonEscoAlignments } = classifyAlignments(alignments.targets);
  const description = languageText(badge.description);
  const criteria = nodeId(badge.criteria);
  const url = criteria !== undefined && isHttpUrl(criteria) ? criteria : undefined;
  const narrative = isJsonObject(badge.criteria) ? languageText(badge.criteria.narrative) : undefined;
  const sourceId = text(badge.id);
  const holding = kind === 'Assertion' ? readHolding(doc) : undefined;

  return {
    format: 'OB2',
    title,
    ...(description !== undefined ? { description } : {}),
    ...(narrative !== undefined ? { criteria: narrative } : {}),
    provider,
    learningOutcomes: [],
    skills,
    nonEscoAlignments,
    ...(alignments.eqfLevel !== undefined ? { eqfLevel: alignments.eqfLevel } : {}),
    ...(alignments.qualityAssurance !== undefined ? { qualityAssurance: alignments.qualityAssurance } : {}),
    languages: [],
    ...(url !== undefined ? { url } : {}),
    ...(sourceId !== undefined ? { sourceId } : {}),
    ...(holding !== undefined ? { holding } : {}),
  };
}

function readHolding(assertion: JsonObject): CredentialHolding {
  const recipient = isJsonObject(assertion.recipient) ? assertion.recipient : undefined;
  const identifier = text(recipient?.identity);
  const issuedOn = isoDate(assertion.issuedOn);
  const expiresOn = isoDate(assertion.expires);
  // OB 2.0 evidence is an IRI, an Evidence object, or an array of either.
  const evidenceUrl = asArray(assertion.evidence)
    .map(nodeId)
    .find((u): u is string => u !== undefined && isHttpUrl(u));
  return {
    subject: identifier !== undefined ? { identifier } : {},
    ...(issuedOn !== undefined ? { issuedOn } : {}),
    ...(expiresOn !== undefined ? { expiresOn } : {}),
    ...(evidenceUrl !== undefined ? { evidenceUrl } : {}),
    verified: false,
  };
}

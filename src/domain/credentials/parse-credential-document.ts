import { checkJsonLimits, CREDENTIAL_JSON_LIMITS } from '../json/json-limits';
import { notACredential, typeItems } from './credential-rejection';
import { quotedExcerpt } from '../text/quoted-excerpt';
import { asArray, firstObject, isJsonObject, rawTypes, typeNames, type JsonObject } from './json-ld-values';
import { parseElm } from './parse-elm';
import { parseOpenBadge2 } from './parse-open-badge-2';
import { parseOpenBadge3 } from './parse-open-badge-3';
import type { ParsedCredential } from './parsed-credential';

const OB3_CREDENTIAL_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];
const ELM_CREDENTIAL_TYPES = ['EuropeanDigitalCredential'];

/**
 * Detects the format of a parsed JSON credential document and normalises it.
 *
 * Detection is by `type`, most specific first: ELM `EuropeanDigitalCredential`; OB 3.0
 * `OpenBadgeCredential` / `AchievementCredential`; OB 3.0 `EndorsementCredential` (rejected: it
 * endorses an organisation, it certifies no learning); a bare OB 3.0 `Achievement` (catalogue
 * entry, no holding); OB 2.0 `BadgeClass` / `Assertion`; finally any other
 * `VerifiableCredential` whose subject has an OB-style `achievement` (CTDL achievements are
 * rejected as unsupported). JSON-LD contexts, JSON Schemas, OB 2.0 Issuer/Criteria/Evidence
 * documents and anything without a known type are rejected as "not a credential".
 *
 * A credential with no ESCO skill still parses (catalogue preview); call {@link requireSkills}
 * where skills are mandatory. ESCO URIs are canonicalised but not checked for existence.
 * Signatures are never verified (`holding.verified` is always `false`).
 *
 * The document's shape is checked first against {@link CREDENTIAL_JSON_LIMITS} (depth, values,
 * keys, string length), so the parsers below never walk an unbounded or pathologically deep value.
 *
 * @throws BadInputError not a credential / no title / no issuer / malformed ESCO URIs / beyond
 *   the JSON limits.
 * @example
 * const parsed = parseCredentialDocument(JSON.parse(text));
 * parsed.format // 'ELM'
 * parsed.skills[0]?.uri // 'http://data.europa.eu/esco/skill/ccdf3597-5c80-410f-896d-e1bdfa223de9'
 */
export function parseCredentialDocument(doc: unknown): ParsedCredential {
  checkJsonLimits(doc, CREDENTIAL_JSON_LIMITS, 'document');
  if (!isJsonObject(doc)) {
    const got = doc === null ? 'null' : Array.isArray(doc) ? 'an array' : `a ${typeof doc}`;
    throw notACredential(`expected a JSON object, got ${got}`);
  }
  if ('$schema' in doc) throw notACredential('the document is a JSON Schema');
  const types = typeNames(doc);
  if (types.length === 0) {
    const hint = '@context' in doc && Object.keys(doc).length <= 2 ? ' (it looks like a JSON-LD context)' : '';
    throw notACredential(`the document has no "type"${hint}`);
  }
  if (types.some((t) => ELM_CREDENTIAL_TYPES.includes(t))) return parseElm(doc);
  if (types.some((t) => OB3_CREDENTIAL_TYPES.includes(t))) return parseOpenBadge3(doc, 'credential');
  if (types.includes('EndorsementCredential')) {
    throw notACredential(
      'an EndorsementCredential endorses an organisation or badge and certifies no learning',
      typeItems(types),
    );
  }
  if (types.includes('Achievement')) {
    return parseOpenBadge3(doc, 'achievement');
  }
  if (types.includes('BadgeClass')) return parseOpenBadge2(doc, 'BadgeClass');
  if (types.includes('Assertion')) return parseOpenBadge2(doc, 'Assertion');
  if (types.includes('VerifiableCredential')) return parseGenericVerifiableCredential(doc);
  throw notACredential(
    `unknown document type ${types
      .slice(0, 20)
      .map((t) => quotedExcerpt(t))
      .join(', ')}`,
    typeItems(types),
  );
}

function parseGenericVerifiableCredential(doc: JsonObject): ParsedCredential {
  const subject = firstObject(doc.credentialSubject);
  const achievements = asArray(subject?.achievement).filter(isJsonObject);
  if (achievements.some(isCtdl)) {
    throw notACredential(
      'CTDL (Credential Engine) achievements are not supported; convert to Open Badges 3.0 or ELM',
      typeItems(achievements.flatMap(rawTypes)),
    );
  }
  if (achievements.length > 0) return parseOpenBadge3(doc, 'credential');
  throw notACredential('a VerifiableCredential that is neither an Open Badge nor a European Digital Credential');
}

function isCtdl(node: JsonObject): boolean {
  return (
    rawTypes(node).some((t) => /^(ceterms|ceasn):/.test(t)) ||
    Object.keys(node).some((k) => /^(ceterms|ceasn):/.test(k))
  );
}

/**
 * Recognising and canonicalising ESCO concept URIs as they appear in credentials.
 *
 * Issuers write the same concept in many ways (https, a trailing slash, an upper-case host,
 * surrounding whitespace, no scheme, or a link to the ESCO portal page that carries the URI in
 * its `uri` query parameter). The graph stores exactly one form, `http://data.europa.eu/esco/
 * <kind>/<id>`, so every URI is folded to it before any lookup.
 */

/** The two ESCO concept kinds a credential can point at. */
export type EscoConceptKind = 'skill' | 'occupation';

/** Outcome of examining one URI. */
export type EscoUriCheck =
  | { readonly status: EscoConceptKind; readonly uri: string }
  /** Claims to be an ESCO skill/occupation URI but cannot be one; `reason` says why. */
  | { readonly status: 'malformed'; readonly reason: string }
  /** Anything else, including other ESCO concepts (ISCO groups, concept schemes). */
  | { readonly status: 'other' };

/** The namespace of every official ESCO concept URI. */
export const ESCO_URI_PREFIX = 'http://data.europa.eu/esco/';

/** What every ESCO skill URI starts with. */
export const ESCO_SKILL_URI_PREFIX = `${ESCO_URI_PREFIX}skill/`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Skill groups of later ESCO releases are coded, not UUID-named (e.g. `skill/S1.2.3`).
const SKILL_GROUP_CODE = /^[A-Z]\d+(?:\.\d+)*$/;
const PORTAL_HOSTS = new Set(['esco.ec.europa.eu', 'ec.europa.eu']);
const OTHER: EscoUriCheck = { status: 'other' };

/**
 * Classifies a URI as an ESCO skill, an ESCO occupation, a malformed ESCO skill/occupation URI,
 * or something else; well-formed ESCO URIs come back in canonical form.
 *
 * @example
 * checkEscoUri(' HTTPS://Data.Europa.EU/esco/skill/5FD5C985-EAAA-47AA-8314-62359C54505A/ ')
 * // { status: 'skill', uri: 'http://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a' }
 * checkEscoUri('http://data.europa.eu/esco/skill/not-a-uuid')
 * // { status: 'malformed', reason: '"not-a-uuid" is not an ESCO concept id (a UUID)' }
 * checkEscoUri('http://data.europa.eu/esco/isco/C2512') // { status: 'other' }
 */
export function checkEscoUri(raw: string): EscoUriCheck {
  return check(raw, true);
}

function check(raw: string, followPortalLink: boolean): EscoUriCheck {
  let candidate = raw.trim();
  // Scheme-less forms ("data.europa.eu/esco/skill/...") are common in hand-written badges.
  if (/^(?:www\.)?data\.europa\.eu\//i.test(candidate)) candidate = `http://${candidate}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return OTHER;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return OTHER;
  // URL already lower-cases the host.
  const host = url.hostname.replace(/^www\./, '');
  if (followPortalLink && PORTAL_HOSTS.has(host)) {
    const inner = url.searchParams.get('uri');
    return inner === null ? OTHER : check(inner, false);
  }
  if (host !== 'data.europa.eu') return OTHER;

  // Empty segments drop trailing (and doubled) slashes.
  const segments = url.pathname.split('/').filter((s) => s !== '');
  if (segments[0]?.toLowerCase() !== 'esco') return OTHER;
  const kind = segments[1]?.toLowerCase();
  if (kind !== 'skill' && kind !== 'occupation') return OTHER;

  if (url.search !== '' || url.hash !== '') {
    return { status: 'malformed', reason: 'an ESCO concept URI carries no query or fragment' };
  }
  if (segments.length === 2) return { status: 'malformed', reason: `the ${kind} id is missing` };
  if (segments.length > 3) {
    return { status: 'malformed', reason: `expected ${ESCO_URI_PREFIX}${kind}/<id>, found extra path segments` };
  }
  let id: string;
  try {
    id = decodeURIComponent(segments[2] as string);
  } catch {
    return { status: 'malformed', reason: 'the concept id is not valid percent-encoding' };
  }
  if (UUID.test(id.toLowerCase())) {
    // ESCO publishes lower-case UUIDs; an upper-case copy names the same concept.
    return { status: kind, uri: `${ESCO_URI_PREFIX}${kind}/${id.toLowerCase()}` };
  }
  if (kind === 'skill' && SKILL_GROUP_CODE.test(id)) {
    return { status: kind, uri: `${ESCO_URI_PREFIX}${kind}/${id}` };
  }
  return { status: 'malformed', reason: `"${id}" is not an ESCO concept id (a UUID)` };
}

/**
 * The canonical form `http://data.europa.eu/esco/{skill|occupation}/<id>` of an ESCO skill or
 * occupation URI, or `null` when the string is not one (including malformed ESCO URIs; use
 * {@link checkEscoUri} to tell those apart).
 *
 * @example
 * normalizeEscoUri('https://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1/')
 * // 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1'
 * normalizeEscoUri('https://example.org/skills/python') // null
 */
export function normalizeEscoUri(raw: string): string | null {
  const result = checkEscoUri(raw);
  return result.status === 'skill' || result.status === 'occupation' ? result.uri : null;
}

/**
 * True when the string, once normalised, is an ESCO skill URI (not an occupation).
 *
 * @example
 * isEscoSkillUri('https://data.europa.eu/esco/skill/5fd5c985-eaaa-47aa-8314-62359c54505a/') // true
 */
export function isEscoSkillUri(raw: string): boolean {
  return checkEscoUri(raw).status === 'skill';
}

import type { EscoRelatedItem, EscoRelatedPage, EscoSearchHit, EscoSearchResult, EscoSearchType } from './esco-types';
import {
  HalShapeError,
  asObject,
  optionalObject,
  optionalString,
  readLabelMap,
  readUriList,
  requiredCount,
  requiredString,
  reuseLevelFromUri,
  skillTypeFromUri,
} from './hal-reader';
import { parseResource } from './parse-resource';

type Json = Record<string, unknown>;

// Search hits carry relations as plain URI arrays; these keys are scalars or handled separately.
const HIT_SCALAR_KEYS = new Set([
  'className',
  'classId',
  'uri',
  'searchHit',
  'title',
  'preferredLabel',
  'code',
  '_links',
  '_embedded',
]);

function typeOf(className: string): EscoSearchType {
  if (className === 'Occupation') return 'occupation';
  if (className === 'Skill') return 'skill';
  return 'concept';
}

function envelopeItems(json: Json, key: string): unknown[] {
  const embedded = optionalObject(json, '_embedded', '');
  const items = embedded[key];
  // An empty page may omit the list altogether.
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) throw new HalShapeError(`_embedded.${key}`, 'an array');
  return items;
}

function hasNextLink(json: Json): boolean {
  const links = optionalObject(json, '_links', '');
  return links['next'] !== undefined && links['next'] !== null;
}

function parseHit(value: unknown, path: string, language: string): EscoSearchHit {
  const hit = asObject(value, path);
  const className = optionalString(hit, 'className', path) ?? '';
  const relations: Record<string, string[]> = {};
  for (const [key, v] of Object.entries(hit)) {
    if (!HIT_SCALAR_KEYS.has(key) && Array.isArray(v)) relations[key] = readUriList(hit, key, path);
  }
  const searchHit = optionalString(hit, 'searchHit', path);
  // No /suggest2 body has been recorded, so a hit without `title` falls back to the label maps.
  const title = optionalString(hit, 'title', path) ?? readLabelMap(hit, 'preferredLabel', path)[language] ?? searchHit;
  if (title === null || title === undefined) throw new HalShapeError(`${path}.title`, 'a string');
  return {
    uri: requiredString(hit, 'uri', path),
    title,
    className,
    type: typeOf(className),
    searchHit,
    code: optionalString(hit, 'code', path),
    skillType: skillTypeFromUri(relations['hasSkillType']?.[0]),
    reuseLevel: reuseLevelFromUri(relations['hasReuseLevel']?.[0]),
    relations,
  };
}

/**
 * Parses a `/search` or `/suggest2` body (`{total, offset, limit, _embedded.results}`).
 *
 * @param language the language the request asked for; used only when a hit lacks `title`.
 * @throws HalShapeError when the body is not such an envelope.
 */
export function parseSearchResult(body: unknown, language: string): EscoSearchResult {
  const json = asObject(body, '');
  return {
    total: requiredCount(json, 'total', ''),
    page: requiredCount(json, 'offset', ''),
    limit: requiredCount(json, 'limit', ''),
    hasNext: hasNextLink(json),
    results: envelopeItems(json, 'results').map((hit, i) => parseHit(hit, `_embedded.results[${i}]`, language)),
  };
}

function parseRelatedItem(value: unknown, path: string, language: string, full: boolean): EscoRelatedItem {
  const item = asObject(value, path);
  const uri = requiredString(item, 'uri', path);
  const resource = full ? parseResource(item, language, path) : undefined;
  const base: EscoRelatedItem = {
    uri,
    title: optionalString(item, 'title', path) ?? resource?.preferredLabel ?? '',
    className: optionalString(item, 'className', path),
    code: optionalString(item, 'code', path),
  };
  return resource ? { ...base, resource } : base;
}

/**
 * Parses a `/resource/related` body (`{total, offset, limit, _embedded.<relation>}`).
 *
 * @param full whether the request asked for full resources; they are then parsed into `resource`.
 * @throws HalShapeError when the body is not such an envelope.
 */
export function parseRelatedPage(
  body: unknown,
  uri: string,
  relation: string,
  language: string,
  full: boolean,
): EscoRelatedPage {
  const json = asObject(body, '');
  return {
    uri: optionalString(json, 'uri', '') ?? uri,
    relation: optionalString(json, 'relation', '') ?? relation,
    total: requiredCount(json, 'total', ''),
    page: requiredCount(json, 'offset', ''),
    limit: requiredCount(json, 'limit', ''),
    hasNext: hasNextLink(json),
    items: envelopeItems(json, relation).map((item, i) =>
      parseRelatedItem(item, `_embedded.${relation}[${i}]`, language, full),
    ),
  };
}

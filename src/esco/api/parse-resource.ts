import type {
  EscoConcept,
  EscoLabels,
  EscoLink,
  EscoOccupation,
  EscoResource,
  EscoResourceBase,
  EscoSkill,
  EscoSkillRef,
} from './esco-types';
import {
  HalShapeError,
  asObject,
  optionalObject,
  optionalString,
  readLabelListMap,
  readLabelMap,
  readLinkObjects,
  readLinks,
  readLiteralMap,
  requiredString,
  reuseLevelFromUri,
  skillTypeFromUri,
} from './hal-reader';

type Json = Record<string, unknown>;

/**
 * Parses the shared part of a single resource. `path` prefixes error paths so a resource embedded
 * in a list reports where it sat.
 */
function parseBase(json: Json, language: string, path: string): EscoResourceBase {
  const uri = requiredString(json, 'uri', path);
  const className = optionalString(json, 'className', path) ?? '';
  const title = optionalString(json, 'title', path);
  const labels: EscoLabels = {
    preferred: readLabelMap(json, 'preferredLabel', path),
    alternative: readLabelListMap(json, 'alternativeLabel', path),
    description: readLiteralMap(json, 'description', path),
  };
  // `title` is already in the requested language; the maps are the fallback when it is missing.
  const preferredLabel = title ?? labels.preferred[language] ?? labels.preferred['en'];
  if (preferredLabel === undefined) throw new HalShapeError(path ? `${path}.title` : 'title', 'a label');
  return {
    uri,
    className,
    language,
    preferredLabel,
    alternativeLabels: labels.alternative[language] ?? [],
    description: labels.description[language] ?? null,
    status: optionalString(json, 'status', path),
    labels,
  };
}

function linksOf(json: Json, path: string): { links: Json; at: string } {
  const at = path ? `${path}._links` : '_links';
  return { links: optionalObject(json, '_links', path), at };
}

function skillRefs(links: Json, relation: string, at: string): EscoSkillRef[] {
  return readLinkObjects(links, relation, at).map(({ link, raw }) => ({
    uri: link.uri,
    title: link.title,
    skillType: skillTypeFromUri(typeof raw['skillType'] === 'string' ? raw['skillType'] : null),
  }));
}

/**
 * Parses a `/resource/occupation` body.
 *
 * @param language the language the request asked for; picks the single-language fields.
 * @throws HalShapeError when the body does not look like an ESCO resource.
 */
export function parseOccupation(body: unknown, language: string, path = ''): EscoOccupation {
  const json = asObject(body, path);
  const base = parseBase(json, language, path);
  const { links, at } = linksOf(json, path);
  const iscoGroups = readLinks(links, 'broaderIscoGroup', at);
  return {
    kind: 'occupation',
    ...base,
    code: optionalString(json, 'code', path),
    iscoGroup: iscoGroups[0] ?? null,
    essentialSkills: skillRefs(links, 'hasEssentialSkill', at),
    optionalSkills: skillRefs(links, 'hasOptionalSkill', at),
    broader: [...readLinks(links, 'broaderOccupation', at), ...iscoGroups],
    narrower: readLinks(links, 'narrowerOccupation', at),
  };
}

/**
 * Parses a `/resource/skill` body (also the shape of full skills embedded in related lists).
 *
 * @throws HalShapeError when the body does not look like an ESCO resource.
 */
export function parseSkill(body: unknown, language: string, path = ''): EscoSkill {
  const json = asObject(body, path);
  const base = parseBase(json, language, path);
  const { links, at } = linksOf(json, path);
  const first = (relation: string): EscoLink | undefined => readLinks(links, relation, at)[0];
  return {
    kind: 'skill',
    ...base,
    skillType: skillTypeFromUri(first('hasSkillType')?.uri),
    reuseLevel: reuseLevelFromUri(first('hasReuseLevel')?.uri),
    broaderSkills: readLinks(links, 'broaderSkill', at),
    broaderHierarchyConcepts: readLinks(links, 'broaderHierarchyConcept', at),
    narrowerSkills: readLinks(links, 'narrowerSkill', at),
    essentialSkills: readLinks(links, 'hasEssentialSkill', at),
    optionalSkills: readLinks(links, 'hasOptionalSkill', at),
    essentialForOccupations: readLinks(links, 'isEssentialForOccupation', at),
    optionalForOccupations: readLinks(links, 'isOptionalForOccupation', at),
  };
}

/**
 * Parses a `/resource/concept` body (ISCO groups, skill groups, skill types, …) and, generically,
 * any other resource class.
 *
 * @throws HalShapeError when the body does not look like an ESCO resource.
 */
export function parseConcept(body: unknown, language: string, path = ''): EscoConcept {
  const json = asObject(body, path);
  const base = parseBase(json, language, path);
  const { links, at } = linksOf(json, path);
  const all: Record<string, EscoLink[]> = {};
  for (const relation of Object.keys(links)) {
    if (relation !== 'self') all[relation] = readLinks(links, relation, at);
  }
  return {
    kind: 'concept',
    ...base,
    code: optionalString(json, 'code', path),
    broader: all['broaderConcept'] ?? [],
    narrower: all['narrowerConcept'] ?? [],
    links: all,
  };
}

/** Parses any single resource, choosing the parser by its `className`. */
export function parseResource(body: unknown, language: string, path = ''): EscoResource {
  const className = optionalString(asObject(body, path), 'className', path);
  if (className === 'Occupation') return parseOccupation(body, language, path);
  if (className === 'Skill') return parseSkill(body, language, path);
  return parseConcept(body, language, path);
}

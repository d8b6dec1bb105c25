import type { EscoLink, EscoReuseLevel, EscoSkillType } from './esco-types';

/**
 * Thrown by the readers below when a response does not have the shape the parsers rely on.
 * Internal: the client turns it into an `UpstreamUnavailableError` naming the endpoint, so callers
 * never see it.
 */
export class HalShapeError extends Error {
  /** JSON path of the offending value, e.g. `_links.hasEssentialSkill[3].uri`. */
  readonly path: string;

  constructor(path: string, expected: string) {
    super(`expected ${expected} at ${path || '(root)'}`);
    this.name = 'HalShapeError';
    this.path = path;
  }
}

type Json = Record<string, unknown>;

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** The value as a plain JSON object, or a `HalShapeError`. */
export function asObject(value: unknown, path: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new HalShapeError(path, 'an object');
  }
  return value as Json;
}

/** A required string field. */
export function requiredString(obj: Json, key: string, path: string): string {
  const value = obj[key];
  if (typeof value !== 'string') throw new HalShapeError(join(path, key), 'a string');
  return value;
}

/** An optional string field; absent and `null` both read as `null`. */
export function optionalString(obj: Json, key: string, path: string): string | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new HalShapeError(join(path, key), 'a string or null');
  return value;
}

/** A required non-negative integer field (`total`, `offset`, `limit`). */
export function requiredCount(obj: Json, key: string, path: string): number {
  const value = obj[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new HalShapeError(join(path, key), 'a non-negative integer');
  }
  return value;
}

/** An optional object field; absent and `null` read as an empty object. */
export function optionalObject(obj: Json, key: string, path: string): Json {
  const value = obj[key];
  if (value === undefined || value === null) return {};
  return asObject(value, join(path, key));
}

/** `{lang: "label"}` → record; absent reads as empty. */
export function readLabelMap(obj: Json, key: string, path: string): Record<string, string> {
  const map = optionalObject(obj, key, path);
  const out: Record<string, string> = {};
  for (const [lang, label] of Object.entries(map)) {
    if (typeof label !== 'string') throw new HalShapeError(join(join(path, key), lang), 'a string');
    out[lang] = label;
  }
  return out;
}

/** `{lang: ["label", …]}` → record; absent reads as empty. */
export function readLabelListMap(obj: Json, key: string, path: string): Record<string, string[]> {
  const map = optionalObject(obj, key, path);
  const out: Record<string, string[]> = {};
  for (const [lang, labels] of Object.entries(map)) {
    const at = join(join(path, key), lang);
    if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
      throw new HalShapeError(at, 'an array of strings');
    }
    out[lang] = [...(labels as string[])];
  }
  return out;
}

/**
 * `{lang: {literal, mimetype}}` → `{lang: literal}`; absent reads as empty. A bare string per
 * language is accepted too, since older API versions are not documented to always wrap it.
 */
export function readLiteralMap(obj: Json, key: string, path: string): Record<string, string> {
  const map = optionalObject(obj, key, path);
  const out: Record<string, string> = {};
  for (const [lang, entry] of Object.entries(map)) {
    const at = join(join(path, key), lang);
    if (typeof entry === 'string') {
      out[lang] = entry;
    } else {
      out[lang] = requiredString(asObject(entry, at), 'literal', at);
    }
  }
  return out;
}

function readLink(value: unknown, path: string): EscoLink {
  const link = asObject(value, path);
  const uri = optionalString(link, 'uri', path) ?? uriFromHref(link, path);
  const title = optionalString(link, 'title', path) ?? '';
  const code = optionalString(link, 'code', path);
  return code === null ? { uri, title } : { uri, title, code };
}

// A link without `uri` still names its target in the `uri` query parameter of its `href`.
function uriFromHref(link: Json, path: string): string {
  const href = optionalString(link, 'href', path);
  if (href !== null) {
    try {
      const uri = new URL(href).searchParams.get('uri');
      if (uri) return uri;
    } catch {
      // fall through to the shape error below
    }
  }
  throw new HalShapeError(join(path, 'uri'), 'a string');
}

/**
 * The links of one relation under `_links`. Absent reads as empty; a single link object is
 * accepted as a one-element list because HAL allows either form.
 */
export function readLinks(links: Json, relation: string, path: string): EscoLink[] {
  const value = links[relation];
  const at = join(path, relation);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [readLink(value, at)];
  return value.map((entry, i) => readLink(entry, join(at, i)));
}

/** Raw link objects of one relation, for relations whose links carry extra fields (`skillType`). */
export function readLinkObjects(links: Json, relation: string, path: string): Array<{ link: EscoLink; raw: Json }> {
  const value = links[relation];
  const at = join(path, relation);
  if (value === undefined || value === null) return [];
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.map((entry, i) => {
    const p = Array.isArray(value) ? join(at, i) : at;
    return { link: readLink(entry, p), raw: asObject(entry, p) };
  });
}

/** A plain URI list (`broaderIscoGroup: ["…"]` on search hits); absent reads as empty. */
export function readUriList(obj: Json, key: string, path: string): string[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new HalShapeError(join(path, key), 'an array of strings');
  }
  return [...(value as string[])];
}

/** Skill-type URI → CSV vocabulary; unknown or absent → `null`. */
export function skillTypeFromUri(uri: string | null | undefined): EscoSkillType | null {
  if (!uri) return null;
  if (uri.endsWith('/skill-type/skill')) return 'skill/competence';
  if (uri.endsWith('/skill-type/knowledge')) return 'knowledge';
  return null;
}

/** Reuse-level URI → its last segment (`sector-specific`, …); anything else → `null`. */
export function reuseLevelFromUri(uri: string | null | undefined): EscoReuseLevel | null {
  if (!uri) return null;
  const match = /\/skill-reuse-level\/([^/?#]+)$/.exec(uri);
  return match ? (match[1] ?? null) : null;
}

/**
 * Readers for the loosely typed values found in credential JSON(-LD): a property may hold one
 * value or an array, a node or just its IRI, a plain string or a language map. Every reader is
 * total: it answers `undefined` (or an empty list) instead of throwing, so format parsers can
 * chain them and decide for themselves what is mandatory.
 */

/** A parsed JSON object (never an array, never null). */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON-LD lets a single value stand in for a one-element array; this undoes that.
 *
 * @example
 * asArray(undefined) // []
 * asArray('a')       // ['a']
 * asArray(['a'])     // ['a']
 */
export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The objects among a value-or-array, in order (IRIs and literals are skipped). */
export function objectsOf(value: unknown): JsonObject[] {
  return asArray(value).filter(isJsonObject);
}

/** The first object of a value-or-array, if any. */
export function firstObject(value: unknown): JsonObject | undefined {
  return objectsOf(value)[0];
}

/** A trimmed, non-empty string, or undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * A human-readable string from a plain string, a JSON-LD value object (`{"@value": ...}`) or a
 * language map (`{"en": ..., "fr": ...}`, as ELM uses). English wins, then the first language
 * present, because the catalogue is English-first and any label beats none.
 *
 * @example
 * languageText({ fr: 'une sorte', en: 'some kind' }) // 'some kind'
 * languageText([{ '@value': 'x', '@language': 'de' }]) // 'x'
 */
export function languageText(value: unknown): string | undefined {
  const plain = text(value);
  if (plain !== undefined) return plain;
  if (Array.isArray(value)) {
    const candidates = value.map(languageText).filter((v): v is string => v !== undefined);
    return candidates[0];
  }
  if (!isJsonObject(value)) return undefined;
  if ('@value' in value) return text(value['@value']);
  const entries = Object.entries(value);
  const english = entries.find(([lang]) => lang.toLowerCase() === 'en' || lang.toLowerCase().startsWith('en-'));
  for (const [, v] of english ? [english, ...entries] : entries) {
    const found = text(v) ?? (Array.isArray(v) ? languageText(v) : undefined);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The `id` of a node, or the value itself when the node is given as a bare IRI string. */
export function nodeId(value: unknown): string | undefined {
  if (isJsonObject(value)) return text(value.id) ?? text(value['@id']);
  return text(value);
}

/**
 * The local names of a node's `type` (or `@type`): the part after the last `#`, `/` or `:`,
 * so `"Assertion"`, `"obi:Assertion"` and `"https://w3id.org/openbadges#Assertion"` all read
 * as `Assertion`.
 */
export function typeNames(node: JsonObject): string[] {
  return asArray(node.type ?? node['@type'])
    .map(text)
    .filter((t): t is string => t !== undefined)
    .map((t) => t.slice(Math.max(t.lastIndexOf('#'), t.lastIndexOf('/'), t.lastIndexOf(':')) + 1));
}

/** The raw (unshortened) type strings of a node. */
export function rawTypes(node: JsonObject): string[] {
  return asArray(node.type ?? node['@type'])
    .map(text)
    .filter((t): t is string => t !== undefined);
}

/** True when the string is an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A positive finite number from a JSON number or a numeric string (ELM writes `"point": "2"`;
 * a decimal comma is accepted because European issuers write `"2,5"`).
 */
export function positiveNumber(value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*\d+([.,]\d+)?\s*$/.test(value)) n = Number(value.trim().replace(',', '.'));
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time string, returned as written. It is not re-zoned: ELM samples
 * carry zone-less date-times (`2010-01-01T00:00:00`) and converting those through `Date` would
 * make the result depend on the machine's time zone.
 */
export function isoDate(value: unknown): string | undefined {
  const t = text(value);
  return t !== undefined && ISO_DATE_PREFIX.test(t) ? t : undefined;
}

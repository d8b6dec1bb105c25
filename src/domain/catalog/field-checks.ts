/**
 * Small validators shared by the catalog inputs. Each throws BAD_USER_INPUT naming the field and
 * the offending value, so a client always learns what to fix.
 */
import { BadInputError } from '../errors';

/** How a text field may be laid out. */
export interface TextOptions {
  /** Tab, line feed and carriage return allowed (descriptions, learning outcomes). */
  readonly multiline?: boolean;
}

/**
 * Characters no stored text may contain, because a portal displaying it would be misled or broken:
 * C0 controls (NUL, ESC, ...), DEL and C1 controls; the bidirectional embeddings, overrides and
 * isolates (U+202A-U+202E, U+2066-U+2069) that reorder what a reader sees ("Trojan Source");
 * the line and paragraph separators U+2028/U+2029, which break single-line fields and logs; and
 * noncharacters U+FFFE/U+FFFF. Multi-line fields may contain tab, line feed and carriage return.
 */
const FORBIDDEN_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]/u;
const FORBIDDEN_MULTI_LINE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]/u;

/** A high surrogate without its low half, or a low one without its high half (no `u` flag: code units). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Throws BAD_USER_INPUT naming the field and the code point when `value` holds a character of
 * {@link FORBIDDEN_SINGLE_LINE} (or of the multi-line set), or a lone surrogate (not Unicode text).
 *
 * @example
 * checkPrintable('displayName', 'Ann\u202eevil') // throws: displayName must not contain control or bidirectional-override characters (U+202E at position 4)
 */
export function checkPrintable(field: string, value: string, options: TextOptions = {}): string {
  const forbidden = options.multiline ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE;
  const match = forbidden.exec(value);
  if (match !== null) {
    const codePoint = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new BadInputError(
      `${field} must not contain control or bidirectional-override characters (${codePoint} at position ${match.index + 1})`,
      { field, value: codePoint },
    );
  }
  if (LONE_SURROGATE.test(value))
    throw new BadInputError(`${field} must be well-formed Unicode text (it contains a lone surrogate)`, { field });
  return value;
}

/** A trimmed non-empty string of at most `max` characters, free of control characters. */
export function requiredText(field: string, value: unknown, max = 500, options: TextOptions = {}): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new BadInputError(`${field} must not be empty`, { field });
  const trimmed = value.trim();
  if (trimmed.length > max) throw new BadInputError(`${field} must be at most ${max} characters`, { field });
  return checkPrintable(field, trimmed, options);
}

/** Like {@link requiredText} but null/undefined/empty become null. */
export function optionalText(field: string, value: unknown, max = 5000, options: TextOptions = {}): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return requiredText(field, value, max, options);
}

/** A finite number within [min, max], or null. */
export function optionalNumber(
  field: string,
  value: number | null | undefined,
  min: number,
  max: number,
): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new BadInputError(`${field} must lie in [${min}, ${max}], got ${value}`, { field, value });
  }
  return value;
}

/** An integer within [min, max], or null. */
export function optionalInteger(
  field: string,
  value: number | null | undefined,
  min: number,
  max: number,
): number | null {
  const checked = optionalNumber(field, value, min, max);
  if (checked !== null && !Number.isInteger(checked))
    throw new BadInputError(`${field} must be a whole number, got ${value}`, { field, value });
  return checked;
}

/** An absolute http(s) URL, or null. */
export function optionalUrl(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, 2000);
  if (text === null) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new BadInputError(`${field} must be an absolute URL, got "${text}"`, { field });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new BadInputError(`${field} must be an http(s) URL`, { field });
  return text;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** A client-chosen id: letters, digits and . _ : @ - (at most 128 characters). */
export function checkId(field: string, value: string): string {
  if (!ID_PATTERN.test(value)) {
    throw new BadInputError(
      `${field} must be 1-128 characters of letters, digits, ".", "_", ":", "@" or "-", got "${value.slice(0, 140)}"`,
      { field },
    );
  }
  return value;
}

const ESCO_URI = /^http:\/\/data\.europa\.eu\/esco\/(skill|occupation|isco|skill-group|isced-f)\/[A-Za-z0-9._-]+$/;

/** An ESCO concept URI of the given kind (in canonical http form). */
export function checkEscoUri(field: string, value: string, kind: 'skill' | 'occupation'): string {
  const match = ESCO_URI.exec(value);
  if (!match || match[1] !== kind) {
    throw new BadInputError(
      `${field} must be an ESCO ${kind} URI (http://data.europa.eu/esco/${kind}/...), got "${value.slice(0, 200)}"`,
      { field },
    );
  }
  return value;
}

/** A calendar date YYYY-MM-DD (also accepts a full ISO timestamp and keeps its date). */
export function optionalDate(field: string, value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = value instanceof Date ? value.toISOString() : value;
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(text);
  const date = match ? new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`) : null;
  if (
    !match ||
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== `${match[1]}-${match[2]}-${match[3]}`
  ) {
    throw new BadInputError(`${field} must be a date (YYYY-MM-DD), got "${String(text).slice(0, 40)}"`, { field });
  }
  return date.toISOString().slice(0, 10);
}

/** Deduplicates while keeping first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

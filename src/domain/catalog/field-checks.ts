/**
 * Small validators shared by the catalog inputs. Each throws BAD_USER_INPUT naming the field and
 * the offending value, so a client always learns what to fix.
 */
import { BadInputError } from '../errors';

/** A trimmed non-empty string of at most `max` characters. */
export function requiredText(field: string, value: unknown, max = 500): string {
  if (typeof value !== 'string' || value.trim() === '') throw new BadInputError(`${field} must not be empty`, { field });
  const trimmed = value.trim();
  if (trimmed.length > max) throw new BadInputError(`${field} must be at most ${max} characters`, { field });
  return trimmed;
}

/** Like {@link requiredText} but null/undefined/empty become null. */
export function optionalText(field: string, value: unknown, max = 5000): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return requiredText(field, value, max);
}

/** A finite number within [min, max], or null. */
export function optionalNumber(field: string, value: number | null | undefined, min: number, max: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new BadInputError(`${field} must lie in [${min}, ${max}], got ${value}`, { field, value });
  }
  return value;
}

/** An integer within [min, max], or null. */
export function optionalInteger(field: string, value: number | null | undefined, min: number, max: number): number | null {
  const checked = optionalNumber(field, value, min, max);
  if (checked !== null && !Number.isInteger(checked)) throw new BadInputError(`${field} must be a whole number, got ${value}`, { field, value });
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
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BadInputError(`${field} must be an http(s) URL`, { field });
  return text;
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;

/** A client-chosen id: letters, digits and . _ : @ - (at most 128 characters). */
export function checkId(field: string, value: string): string {
  if (!ID_PATTERN.test(value)) {
    throw new BadInputError(`${field} must be 1-128 characters of letters, digits, ".", "_", ":", "@" or "-", got "${value.slice(0, 140)}"`, { field });
  }
  return value;
}

const ESCO_URI = /^http:\/\/data\.europa\.eu\/esco\/(skill|occupation|isco|skill-group|isced-f)\/[A-Za-z0-9._-]+$/;

/** An ESCO concept URI of the given kind (in canonical http form). */
export function checkEscoUri(field: string, value: string, kind: 'skill' | 'occupation'): string {
  const match = ESCO_URI.exec(value);
  if (!match || match[1] !== kind) {
    throw new BadInputError(`${field} must be an ESCO ${kind} URI (http://data.europa.eu/esco/${kind}/...), got "${value.slice(0, 200)}"`, { field });
  }
  return value;
}

/** A calendar date YYYY-MM-DD (also accepts a full ISO timestamp and keeps its date). */
export function optionalDate(field: string, value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = value instanceof Date ? value.toISOString() : value;
  const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(text);
  const date = match ? new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${match[1]}-${match[2]}-${match[3]}`) {
    throw new BadInputError(`${field} must be a date (YYYY-MM-DD), got "${String(text).slice(0, 40)}"`, { field });
  }
  return date.toISOString().slice(0, 10);
}

/** Deduplicates while keeping first-seen order. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

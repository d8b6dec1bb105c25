import { BadInputError } from '../errors';

/** The dates of a credential holding that decide whether it counts as evidence. */
export interface HoldingDates {
  readonly issuedOn?: string | Date | null;
  readonly expiresOn?: string | Date | null;
}

/**
 * Whether a holding is valid at the instant `asOf`: issued on or before `asOf` and expiring
 * strictly after it. A missing `issuedOn` puts no lower bound, a missing `expiresOn` means the
 * holding never expires.
 *
 * Dates are compared as instants. `expiresOn` is the first instant at which the holding is no
 * longer valid, so a holding expiring exactly at `asOf` is already invalid. Date-only strings
 * (`'2025-01-01'`) are read as UTC midnight, as ECMAScript `Date` parses them.
 *
 * The data layer filters holdings in its query; this is the same rule for in-memory callers
 * and tests.
 *
 * @throws BadInputError when a date string cannot be parsed.
 *
 * @example
 * const asOf = new Date('2025-01-01T00:00:00Z');
 * isHoldingValidAt({ issuedOn: '2024-01-01', expiresOn: '2025-01-01' }, asOf); // false: expires at asOf
 * isHoldingValidAt({ issuedOn: '2025-01-01', expiresOn: null }, asOf);         // true: issued at asOf
 */
export function isHoldingValidAt(holding: HoldingDates, asOf: Date): boolean {
  const at = asOf.getTime();
  if (Number.isNaN(at)) throw new BadInputError('asOf must be a valid date', { field: 'asOf' });
  const issued = toInstant(holding.issuedOn, 'issuedOn');
  const expires = toInstant(holding.expiresOn, 'expiresOn');
  return (issued === null || issued <= at) && (expires === null || expires > at);
}

function toInstant(value: string | Date | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) {
    throw new BadInputError(`holding.${field} must be a valid date, got ${JSON.stringify(String(value))}`, {
      field: `holding.${field}`,
      value: String(value),
    });
  }
  return time;
}

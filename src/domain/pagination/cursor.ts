/**
 * Opaque offset cursors for Relay connections. Offsets are stable because every list is ordered
 * by a total order (label, then URI or id).
 */
import { BadInputError } from '../errors';

const PREFIX = 'o:';

/**
 * Largest offset a cursor may carry. Neo4j list slices take 32-bit integers, so a larger offset
 * would fail in the database instead of answering an empty page; no list here comes near it.
 */
export const MAX_CURSOR_OFFSET = 1_000_000_000;

/** Encodes an offset as an opaque cursor. */
export function encodeCursor(offset: number): string {
  return Buffer.from(PREFIX + offset, 'utf8').toString('base64url');
}

/**
 * Decodes a cursor produced by {@link encodeCursor}; rejects anything else, and offsets beyond
 * {@link MAX_CURSOR_OFFSET}, with BAD_USER_INPUT.
 *
 * @example
 * decodeCursor(encodeCursor(19)) // 19
 * decodeCursor(Buffer.from('o:2147483648').toString('base64url')) // throws BadInputError
 */
export function decodeCursor(cursor: string): number {
  const shown = cursor.slice(0, 100);
  const raw = cursor.length > 100 ? '' : Buffer.from(cursor, 'base64url').toString('utf8');
  const digits = raw.slice(PREFIX.length);
  if (!raw.startsWith(PREFIX) || !/^\d{1,10}$/.test(digits)) {
    throw new BadInputError(`Invalid cursor "${shown}"`, { field: 'after', value: shown });
  }
  const offset = Number(digits);
  if (offset > MAX_CURSOR_OFFSET) {
    throw new BadInputError(`Invalid cursor "${shown}": its offset lies beyond ${MAX_CURSOR_OFFSET}`, {
      field: 'after',
      value: shown,
    });
  }
  return offset;
}

/** A validated page request: the offset of the first item and how many to return. */
export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
}

/**
 * Validates `first`/`after` against the maximum page size.
 *
 * @example
 * pageRequest(10, encodeCursor(19), 100) // { offset: 20, limit: 10 }
 */
export function pageRequest(
  first: number | null | undefined,
  after: string | null | undefined,
  maxPageSize: number,
  defaultSize = 20,
): PageRequest {
  const limit = first ?? defaultSize;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new BadInputError(`first must be a non-negative integer, got ${limit}`, { field: 'first', value: limit });
  }
  if (limit > maxPageSize) {
    throw new BadInputError(`first must be at most ${maxPageSize}, got ${limit}`, { field: 'first', value: limit });
  }
  const offset = after == null ? 0 : decodeCursor(after) + 1;
  return { offset, limit };
}

/** One page of a list with its total size. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly totalCount: number;
  readonly offset: number;
}

import type { OccupationCandidateRow } from './rank-occupations';
import type { Requirement } from './requirement';

/**
 * Candidate occupations as the ranking reads them and as they travel to a compute worker. Copying
 * thousands of row objects, each with its matched requirements and their skill URIs, was about a
 * quarter of a worker's time in `rankOccupations` at 16 concurrent requests, and 2 ms of the
 * request thread's per request; as integers over the `reachable` skills the task already carries,
 * the rows cross as one buffer. The read model builds them packed (the rows as objects and their
 * packing were 13 % of the request thread's time at concurrency 16, and much of its 26 % in garbage
 * collection); the database source packs its query's rows with {@link packOccupationRows}.
 */
export interface PackedOccupationRows {
  /** The occupations' URIs, in row order. */
  readonly uris: readonly string[];
  /**
   * Per row: essentialCount, optionalCount, the number n of matched requirements, then n pairs:
   * the index of the requirement's skill in `reachable`, and 1 for ESSENTIAL or 0 for OPTIONAL.
   */
  readonly numbers: Int32Array;
}

/**
 * Packs `rows` over `reachable` (the skills the subject's evidence reaches). A matched requirement
 * whose skill is not reachable is left out: the subject has no credit for it, so it adds nothing
 * to a score, and the counts that divide the scores travel as they are.
 *
 * @example
 * const packed = packOccupationRows(rows, reachable);
 * unpackOccupationRows(packed, reachable) // `rows`, less requirements on skills out of reach
 */
export function packOccupationRows(
  rows: readonly OccupationCandidateRow[],
  reachable: readonly string[],
): PackedOccupationRows {
  const indexOf = new Map(reachable.map((uri, index) => [uri, index]));
  let length = 0;
  for (const row of rows) length += 3 + 2 * row.matched.length;
  const numbers = new Int32Array(length);
  let at = 0;
  for (const row of rows) {
    numbers[at] = row.essentialCount;
    numbers[at + 1] = row.optionalCount;
    const countAt = at + 2;
    at += 3;
    let count = 0;
    for (const requirement of row.matched) {
      const index = indexOf.get(requirement.skillUri);
      if (index === undefined) continue;
      numbers[at] = index;
      numbers[at + 1] = requirement.relation === 'ESSENTIAL' ? 1 : 0;
      at += 2;
      count += 1;
    }
    numbers[countAt] = count;
  }
  return { uris: rows.map((row) => row.uri), numbers: numbers.subarray(0, at) };
}

/** The buffers to transfer (not copy) with a task carrying `packed`. */
export function occupationRowBuffers(packed: PackedOccupationRows): ArrayBuffer[] {
  return [packed.numbers.buffer as ArrayBuffer];
}

/** The rows {@link packOccupationRows} packed (less the requirements it left out). */
export function unpackOccupationRows(
  packed: PackedOccupationRows,
  reachable: readonly string[],
): OccupationCandidateRow[] {
  const { numbers, uris } = packed;
  const rows: OccupationCandidateRow[] = [];
  let at = 0;
  for (const uri of uris) {
    const essentialCount = numbers[at]!;
    const optionalCount = numbers[at + 1]!;
    const count = numbers[at + 2]!;
    at += 3;
    const matched: Requirement[] = [];
    for (let k = 0; k < count; k += 1) {
      matched.push({ skillUri: reachable[numbers[at]!]!, relation: numbers[at + 1] === 1 ? 'ESSENTIAL' : 'OPTIONAL' });
      at += 2;
    }
    rows.push({ uri, essentialCount, optionalCount, matched });
  }
  return rows;
}

import { compareStrings } from './compare-strings';

/** What ranking needs of a scored occupation or candidate. */
export interface RankedMatch {
  /** Occupation URI or candidate id: the final tie-break. */
  readonly id: string;
  readonly score: number;
  readonly essentialCoverage: number;
}

/**
 * Scores are compared at this resolution. Equal scores reached through different sums (in
 * floating point (0.1 + 0.2 + 0.3) / 3 > (0.3 + 0.2 + 0.1) / 3) can differ in the last bits; without
 * rounding such ties would be broken by float noise instead of by the next key. Rounding to a
 * grid, unlike an epsilon comparison, keeps the order transitive.
 */
const RESOLUTION = 1e9;

/**
 * Ranking order for `Array.prototype.sort`: score descending, then essentialCoverage
 * descending, then id ascending in plain code-unit order (not locale). Score and coverage are
 * compared after rounding to 9 decimal places.
 *
 * @example
 * [
 *   { id: 'b', score: 0.5, essentialCoverage: 0.5 },
 *   { id: 'a', score: 0.5, essentialCoverage: 0.5 },
 *   { id: 'c', score: 0.5, essentialCoverage: 0.75 },
 * ].sort(compareMatches).map((m) => m.id); // → ['c', 'a', 'b']
 */
export function compareMatches(a: RankedMatch, b: RankedMatch): number {
  return (
    quantize(b.score) - quantize(a.score) ||
    quantize(b.essentialCoverage) - quantize(a.essentialCoverage) ||
    compareStrings(a.id, b.id)
  );
}

/**
 * A score or coverage on the grid {@link compareMatches} compares at (9 decimal places), for
 * callers that sort many matches by precomputed keys.
 */
export function quantize(value: number): number {
  return Math.round(value * RESOLUTION);
}

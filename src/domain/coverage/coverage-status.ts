import type { MatchPolicy } from './match-policy';

/** How well one requirement is met. */
export type CoverageStatus = 'COVERED' | 'PARTIAL' | 'MISSING';

/**
 * COVERED when the credit reaches `coverThreshold`, PARTIAL when it is merely positive,
 * MISSING otherwise. A credit of 0 is MISSING even with `coverThreshold` 0: a requirement
 * without any matching evidence is never reported as covered.
 *
 * @example
 * coverageStatus(0.5, { coverThreshold: 0.8 }); // 'PARTIAL'
 * coverageStatus(0.8, { coverThreshold: 0.8 }); // 'COVERED'
 */
export function coverageStatus(credit: number, policy: Pick<MatchPolicy, 'coverThreshold'>): CoverageStatus {
  if (!(credit > 0)) return 'MISSING';
  return credit >= policy.coverThreshold ? 'COVERED' : 'PARTIAL';
}

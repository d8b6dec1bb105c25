import type { MatchPolicy } from '../../src/domain/coverage/match-policy';

/**
 * The match policy of the coverage unit tests. Written out rather than taken from
 * `resolveMatchPolicy` or `DEFAULT_MATCH_POLICY`, so those tests rest on nothing else and keep
 * their expected figures when the defaults change.
 */
export const TEST_MATCH_POLICY: Readonly<MatchPolicy> = Object.freeze({
  exact: 1,
  narrower: 0.8,
  broader: 0.5,
  selfDeclared: 0.5,
  unverified: 1,
  maxHierarchyDepth: 2,
  coverThreshold: 0.8,
  optionalWeight: 0.25,
  asOf: new Date('2025-01-01T00:00:00Z'),
});

/**
 * fast-check generators shared by the coverage property tests: a small skill universe, so
 * requirements, evidence and hierarchy links collide often.
 */
import fc from 'fast-check';
import type { HierarchyLink } from '../../src/domain/coverage/hierarchy-link';
import type { MatchPolicy } from '../../src/domain/coverage/match-policy';
import type { Requirement } from '../../src/domain/coverage/requirement';

/** The skill universe. */
export const SKILLS = ['s0', 's1', 's2', 's3', 's4', 's5'];

/** One skill of {@link SKILLS}. */
export const skill = fc.constantFrom(...SKILLS);

/** A hierarchy link between two different skills, 1 to 4 steps. */
export const link: fc.Arbitrary<HierarchyLink> = fc
  .record({
    requiredUri: skill,
    evidenceUri: skill,
    kind: fc.constantFrom('NARROWER' as const, 'BROADER' as const),
    distance: fc.integer({ min: 1, max: 4 }),
  })
  .filter((l) => l.requiredUri !== l.evidenceUri);

/** An essential or optional requirement. */
export const requirement: fc.Arbitrary<Requirement> = fc.record({
  skillUri: skill,
  relation: fc.constantFrom('ESSENTIAL' as const, 'OPTIONAL' as const),
});

/** A fixed policy with every weight distinct, for properties that vary the data rather than the policy. */
export const FIXED_POLICY: MatchPolicy = {
  exact: 1,
  narrower: 0.8,
  broader: 0.5,
  selfDeclared: 0.5,
  unverified: 0.5,
  maxHierarchyDepth: 2,
  coverThreshold: 0.5,
  optionalWeight: 0.25,
  asOf: new Date('2025-01-01T00:00:00Z'),
};

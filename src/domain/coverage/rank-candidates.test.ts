import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { link, requirement, skill } from '../../../test/support/coverage-arbitraries';
import { rankCandidateEvidence, rankCandidateRows, type CandidateEvidenceRow } from './rank-candidates';
import { packCandidateRows } from './packed-candidate-evidence';
import { evidenceLines } from '../../../test/support/packed-evidence';
import { unpackStrings } from '../packed-strings';
import { computeSkillCredits } from './skill-credits';
import { scoreFromCredits } from './score-requirements';
import { compareMatches } from './compare-matches';
import type { Evidence } from './evidence';
import type { HierarchyLink } from './hierarchy-link';
import type { MatchPolicy } from './match-policy';
import type { Requirement } from './requirement';

const weight = fc.constantFrom(0, 0.25, 0.5, 0.8, 1);
const policy: fc.Arbitrary<MatchPolicy> = fc.record({
  exact: weight,
  narrower: weight,
  broader: weight,
  selfDeclared: fc.constantFrom(0, 0.3, 0.5, 1),
  unverified: fc.constantFrom(0, 0.3, 0.5, 1),
  maxHierarchyDepth: fc.integer({ min: 0, max: 4 }),
  coverThreshold: weight,
  optionalWeight: weight,
  asOf: fc.constant(new Date('2025-01-01T00:00:00Z')),
});
const row: fc.Arbitrary<CandidateEvidenceRow> = fc.record({
  learnerId: fc.constantFrom('l0', 'l1', 'l2', 'l3', 'l4', 'l5', 'l6'),
  credentialSkills: fc.array(
    fc.record({
      credentialId: fc.constantFrom('c0', 'c1', 'c2'),
      skillUri: skill,
      verificationStatus: fc.constantFrom(null, 'VERIFIED' as const, 'INVALID' as const, 'UNVERIFIABLE' as const),
    }),
    { maxLength: 6 },
  ),
  declaredSkillUris: fc.array(skill, { maxLength: 3 }),
});

/** The ranking as the coverage engine computed it before: full credits per learner, then the score. */
function reference(
  requirements: Requirement[],
  links: HierarchyLink[],
  rows: CandidateEvidenceRow[],
  p: MatchPolicy,
  minScore: number,
) {
  const ranked = rows.flatMap((r) => {
    const evidence: Evidence[] = [
      ...r.credentialSkills.map((cs) => ({
        skillUri: cs.skillUri,
        source: {
          kind: 'CREDENTIAL' as const,
          credentialId: cs.credentialId,
          holdingVerification: cs.verificationStatus,
        },
      })),
      ...r.declaredSkillUris.map((skillUri) => ({ skillUri, source: { kind: 'SELF_DECLARED' as const } })),
    ];
    const credits = computeSkillCredits(
      requirements.map((q) => q.skillUri),
      evidence,
      links,
      p,
    );
    const scores = scoreFromCredits(requirements, credits, p);
    return scores.score > 0 && scores.score >= minScore
      ? [
          {
            learnerId: r.learnerId,
            score: scores.score,
            essentialCoverage: scores.essentialCoverage,
            optionalCoverage: scores.optionalCoverage,
          },
        ]
      : [];
  });
  return ranked.sort((a, b) => compareMatches({ id: a.learnerId, ...a }, { id: b.learnerId, ...b }));
}

describe('rankCandidateRows', () => {
  it('ranks exactly as full coverage per learner does (scores bit-identical, same order)', () => {
    fc.assert(
      fc.property(
        fc.array(requirement, { maxLength: 6 }),
        fc.array(link, { maxLength: 10 }),
        fc.uniqueArray(row, { maxLength: 6, selector: (r) => r.learnerId }),
        policy,
        fc.constantFrom(0, 0.3, 0.6),
        (requirements, links, rows, p, minScore) => {
          expect(rankCandidateRows({ requirements, links, rows, policy: p, minScore })).toEqual(
            reference(requirements, links, rows, p, minScore),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** The kernel's page at `offset`/`limit` is that slice of the reference's whole ranking, with its length. */
function expectSliceOfWholeRanking(
  requirements: Requirement[],
  links: HierarchyLink[],
  rows: CandidateEvidenceRow[],
  p: MatchPolicy,
  offset: number,
  limit: number,
): void {
  const whole = reference(requirements, links, rows, p, 0);
  const evidence = packCandidateRows(rows);
  expect(rankCandidateEvidence({ requirements, links, evidence, policy: p, minScore: 0, offset, limit })).toEqual({
    totalCount: whole.length,
    page: whole.slice(offset, offset + limit),
  });
}

describe('rankCandidateEvidence', () => {
  it('returns the asked slice of the whole ranking and its full length', () => {
    fc.assert(
      fc.property(
        fc.array(requirement, { maxLength: 6 }),
        fc.array(link, { maxLength: 10 }),
        fc.uniqueArray(row, { maxLength: 7, selector: (r) => r.learnerId }),
        policy,
        fc.nat({ max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        expectSliceOfWholeRanking,
      ),
      { numRuns: 300 },
    );
  });

  it('keeps only the best while scanning many candidates, with the same page as sorting them all', () => {
    // Enough candidates that a page's end is far below their number: the kernel then selects
    // instead of sorting. Few distinct skills, so many scores tie and the id decides.
    const manyRows = fc.uniqueArray(
      fc.record({
        learnerId: fc.integer({ min: 0, max: 999 }).map((i) => `l${i}`),
        credentialSkills: row.map((r) => r.credentialSkills),
        declaredSkillUris: fc.array(skill, { maxLength: 3 }),
      }),
      { minLength: 60, maxLength: 150, selector: (r) => r.learnerId },
    );
    fc.assert(
      fc.property(
        fc.array(requirement, { minLength: 1, maxLength: 4 }),
        fc.array(link, { maxLength: 6 }),
        manyRows,
        policy,
        fc.nat({ max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        expectSliceOfWholeRanking,
      ),
      { numRuns: 200 },
    );
  });
});

describe('packCandidateRows', () => {
  it('keeps every (learner, skill, kind) entry of the rows, grouped by learner', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const kindOf = (status: string | null) => (status === 'VERIFIED' ? 0 : status === 'INVALID' ? 2 : 1);
        const expected = rows
          .flatMap((r) => [
            ...r.credentialSkills.map((cs) => `${r.learnerId} ${cs.skillUri} ${kindOf(cs.verificationStatus)}`),
            ...r.declaredSkillUris.map((uri) => `${r.learnerId} ${uri} 3`),
          ])
          .sort();
        const packed = packCandidateRows(rows);
        expect(evidenceLines(packed)).toEqual(expected);
        const learnerIds = unpackStrings(packed.learnerIds);
        expect(new Set(learnerIds).size).toBe(learnerIds.length);
        expect(packed.offsets.length).toBe(learnerIds.length + 1);
      }),
    );
  });
});

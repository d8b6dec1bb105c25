import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_POLICY, link, requirement, skill } from '../../../test/support/coverage-arbitraries';
import { compareMatches } from './compare-matches';
import type { Evidence } from './evidence';
import { packOccupationRows } from './packed-occupation-rows';
import { rankOccupationRows, type OccupationCandidateRow } from './rank-occupations';
import { scoreFromSums } from './score-requirements';
import { computeSkillCredits } from './skill-credits';

const policy = FIXED_POLICY;

/** Occupations over a small skill universe, so equal scores (and tie-breaks by URI) are common. */
const occupations = fc.array(
  fc.record({
    uri: fc.constantFrom('o0', 'o1', 'o2', 'o10', 'oA', 'o-b', 'o3', 'o4'),
    matched: fc.array(requirement, { maxLength: 5 }),
    extraEssential: fc.integer({ min: 0, max: 3 }),
    extraOptional: fc.integer({ min: 0, max: 3 }),
  }),
  { maxLength: 30 },
);

describe('rankOccupationRows', () => {
  it("returns exactly the occupations scoring above 0, in compareMatches' order, each scored from its sums", () => {
    fc.assert(
      fc.property(
        occupations,
        fc.array(skill, { maxLength: 6 }),
        fc.array(link, { maxLength: 8 }),
        fc.integer({ min: 0, max: 35 }),
        (raw, evidenceSkills, links, first) => {
          const candidates: OccupationCandidateRow[] = raw.map((o, i) => ({
            uri: `${o.uri}#${i}`,
            matched: o.matched,
            essentialCount: o.matched.filter((r) => r.relation === 'ESSENTIAL').length + o.extraEssential,
            optionalCount: o.matched.filter((r) => r.relation !== 'ESSENTIAL').length + o.extraOptional,
          }));
          const evidence: Evidence[] = evidenceSkills.map((skillUri) => ({ skillUri, source: { kind: 'STATED' } }));
          const reachable = [...new Set([...evidenceSkills, ...links.map((l) => l.requiredUri)])];
          const input = { evidence, reachable, links, policy };
          const all = rankOccupationRows({
            ...input,
            candidates: packOccupationRows(candidates, reachable),
            first: 99,
          });
          const ranked = all.best;
          // A page of the ranking is its head, with the count of them all.
          const page = rankOccupationRows({ ...input, candidates: packOccupationRows(candidates, reachable), first });
          expect(page).toEqual({ best: ranked.slice(0, first), totalCount: ranked.length });
          expect(all.totalCount).toBe(ranked.length);

          // The order is compareMatches' own.
          const asMatches = ranked.map((m) => ({ ...m, id: m.occupationUri }));
          expect([...asMatches].sort(compareMatches).map((m) => m.id)).toEqual(asMatches.map((m) => m.id));
          // Every occupation scoring above 0 is there, once, with the score of its own sums.
          const credits = computeSkillCredits(reachable, evidence, links, policy);
          const expected = candidates.flatMap((o) => {
            const sum = (essential: boolean) =>
              o.matched
                .filter((r) => (r.relation === 'ESSENTIAL') === essential)
                .reduce((total, r) => total + (credits.get(r.skillUri)?.credit ?? 0), 0);
            const scores = scoreFromSums(
              {
                essentialSum: sum(true),
                essentialCount: o.essentialCount,
                optionalSum: sum(false),
                optionalCount: o.optionalCount,
              },
              policy,
            );
            return scores.score > 0 ? [{ occupationUri: o.uri, ...scores }] : [];
          });
          expect(new Set(ranked.map((m) => m.occupationUri))).toEqual(new Set(expected.map((m) => m.occupationUri)));
          expect(ranked).toHaveLength(expected.length);
          for (const match of ranked) {
            expect(match).toEqual(expected.find((m) => m.occupationUri === match.occupationUri));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

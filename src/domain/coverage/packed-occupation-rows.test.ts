import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_POLICY, link, requirement, skill } from '../../../test/support/coverage-arbitraries';
import type { Evidence } from './evidence';
import { packOccupationRows, unpackOccupationRows } from './packed-occupation-rows';
import { rankOccupationRows, type OccupationCandidateRow } from './rank-occupations';

const policy = FIXED_POLICY;

const rows = fc.array(
  fc.record({
    matched: fc.array(requirement, { maxLength: 6 }),
    essentialCount: fc.integer({ min: 0, max: 9 }),
    optionalCount: fc.integer({ min: 0, max: 9 }),
  }),
  { maxLength: 25 },
);

describe('packOccupationRows', () => {
  it('travels every row whole but for requirements on skills out of reach, and ranks as the rows do', () => {
    fc.assert(
      fc.property(rows, fc.array(skill, { maxLength: 6 }), fc.array(link, { maxLength: 8 }), (raw, held, links) => {
        const candidates: OccupationCandidateRow[] = raw.map((row, i) => ({ uri: `o${i}`, ...row }));
        const evidence: Evidence[] = held.map((skillUri) => ({ skillUri, source: { kind: 'STATED' } }));
        const reachable = [...new Set([...held, ...links.map((l) => l.requiredUri)])];
        const packed = packOccupationRows(candidates, reachable);
        // A copy of the buffer, as a worker receives it.
        const arrived = unpackOccupationRows({ uris: [...packed.uris], numbers: packed.numbers.slice() }, reachable);
        expect(arrived).toEqual(
          candidates.map((row) => ({ ...row, matched: row.matched.filter((r) => reachable.includes(r.skillUri)) })),
        );
        const input = { evidence, reachable, links, policy };
        expect(rankOccupationRows({ ...input, candidates: arrived })).toEqual(
          rankOccupationRows({ ...input, candidates }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

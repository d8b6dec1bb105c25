import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { link, requirement, skill } from '../../../test/support/coverage-arbitraries';
import { packOccupationRows, unpackOccupationRows } from './packed-occupation-rows';
import type { OccupationCandidateRow } from './rank-occupations';

const rows = fc.array(
  fc.record({
    matched: fc.array(requirement, { maxLength: 6 }),
    essentialCount: fc.integer({ min: 0, max: 9 }),
    optionalCount: fc.integer({ min: 0, max: 9 }),
  }),
  { maxLength: 25 },
);

describe('packOccupationRows', () => {
  it('travels every row whole but for requirements on skills out of reach, in their order', () => {
    fc.assert(
      fc.property(rows, fc.array(skill, { maxLength: 6 }), fc.array(link, { maxLength: 8 }), (raw, held, links) => {
        const candidates: OccupationCandidateRow[] = raw.map((row, i) => ({ uri: `o${i}`, ...row }));
        const reachable = [...new Set([...held, ...links.map((l) => l.requiredUri)])];
        const packed = packOccupationRows(candidates, reachable);
        // A copy of the buffer, as a worker receives it.
        const arrived = unpackOccupationRows({ uris: [...packed.uris], numbers: packed.numbers.slice() }, reachable);
        expect(arrived).toEqual(
          candidates.map((row) => ({ ...row, matched: row.matched.filter((r) => reachable.includes(r.skillUri)) })),
        );
      }),
      { numRuns: 300 },
    );
  });
});

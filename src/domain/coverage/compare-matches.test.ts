import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareMatches } from './compare-matches';
import type { RankedMatch } from './compare-matches';

const m = (id: string, score: number, essentialCoverage: number): RankedMatch => ({ id, score, essentialCoverage });

describe('compareMatches', () => {
  it('orders by score desc, then essentialCoverage desc, then id asc', () => {
    const ranked = [m('b', 0.5, 0.5), m('x', 0.9, 0.1), m('a', 0.5, 0.5), m('c', 0.5, 0.75), m('z', 0, 0)].sort(
      compareMatches,
    );
    expect(ranked.map((r) => r.id)).toEqual(['x', 'c', 'a', 'b', 'z']);
  });

  it('compares ids by code unit, not locale (uppercase before lowercase)', () => {
    expect([m('b', 1, 1), m('B', 1, 1), m('a', 1, 1)].sort(compareMatches).map((r) => r.id)).toEqual(['B', 'a', 'b']);
  });

  it('treats scores equal up to float noise as tied and falls through to the next key', () => {
    const noisyHigh = (0.1 + 0.2 + 0.3) / 3;
    const noisyLow = (0.3 + 0.2 + 0.1) / 3;
    expect(noisyHigh).toBeGreaterThan(noisyLow); // the noise this guards against is real
    const ranked = [m('b', noisyHigh, 0.5), m('a', noisyLow, 0.5)].sort(compareMatches);
    expect(ranked.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('is antisymmetric and sorts every permutation the same way', () => {
    const match = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'B'),
      score: fc.constantFrom(0, 0.25, 0.5, 1),
      essentialCoverage: fc.constantFrom(0, 0.5, 1),
    });
    fc.assert(
      fc.property(fc.array(match, { maxLength: 8 }), (matches) => {
        for (const a of matches) {
          for (const b of matches) expect(Math.sign(compareMatches(a, b))).toBe(-Math.sign(compareMatches(b, a)) || 0);
        }
        const forward = [...matches].sort(compareMatches);
        const backward = [...matches].reverse().sort(compareMatches);
        expect(backward).toEqual(forward);
        for (let i = 1; i < forward.length; i++) {
          const [p, q] = [forward[i - 1]!, forward[i]!];
          // Independent restatement of the order for adjacent pairs.
          const ok =
            p.score > q.score ||
            (p.score === q.score &&
              (p.essentialCoverage > q.essentialCoverage ||
                (p.essentialCoverage === q.essentialCoverage && p.id <= q.id)));
          expect(ok).toBe(true);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HierarchyLink, resolveMatchPolicy } from '../coverage';
import { coveringSkills, requiredCoveredBy, targetsCoveredBy } from './covering-skills';

describe('requiredCoveredBy', () => {
  it('lists, for each taught skill, exactly the required skills whose covering set holds it, in order', () => {
    const skill: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(fc.tuple(skill, fc.array(skill, { maxLength: 4 })), { maxLength: 6 }), (entries) => {
        const covering = new Map(entries.map(([required, taught]) => [required, new Set(taught)]));
        const inverse = requiredCoveredBy(covering);
        for (const uri of ['a', 'b', 'c', 'd', 'e']) {
          const expected = [...covering].filter(([, taught]) => taught.has(uri)).map(([required]) => required);
          expect(inverse.get(uri) ?? []).toEqual(expected);
        }
        expect([...inverse.values()].every((list) => list.length > 0)).toBe(true);
      }),
    );
  });

  it('inverts the example of its documentation', () => {
    const inverse = requiredCoveredBy(
      new Map([
        ['s', new Set(['s', 'child'])],
        ['t', new Set(['child'])],
      ]),
    );
    expect(Object.fromEntries(inverse)).toEqual({ s: ['s'], child: ['s', 't'] });
  });
});

describe('targetsCoveredBy', () => {
  const policy = resolveMatchPolicy(null, new Date('2026-01-01T00:00:00Z'));
  const skills = ['a', 'b', 'c', 'd', 'e', 'f'];
  const skill: fc.Arbitrary<string> = fc.constantFrom(...skills);
  const link: fc.Arbitrary<HierarchyLink> = fc.record({
    requiredUri: skill,
    evidenceUri: skill,
    kind: fc.constantFrom('NARROWER' as const, 'BROADER' as const),
    distance: fc.integer({ min: 1, max: 4 }),
  });

  it("equals the inverse of the covering skills the request thread works out from all the targets' links", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(skill, { maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.array(link, { maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
        (requirementSets, allLinks, inGap) => {
          // As gathered: each target's links are those of its requirements; its gap, some of them.
          let at = 0;
          const targets = requirementSets.map((required) => ({
            links: allLinks.filter((l) => required.includes(l.requiredUri)),
            gap: required.filter(() => inGap[at++ % inGap.length]).map((skillUri) => ({ skillUri })),
          }));
          const gapSkills = [...new Set(targets.flatMap((t) => t.gap.map((g) => g.skillUri)))];
          const expected = requiredCoveredBy(coveringSkills(gapSkills, allLinks, policy));
          // Same lists in the same order: planning breaks ties by the order of covering courses.
          expect([...targetsCoveredBy(targets, policy)]).toEqual([...expected]);
        },
      ),
    );
  });

  it('covers a gap skill by itself and by the far end of a qualifying link', () => {
    const narrower: HierarchyLink = { requiredUri: 's', evidenceUri: 'child', kind: 'NARROWER', distance: 1 };
    const inverse = targetsCoveredBy([{ gap: [{ skillUri: 's' }], links: [narrower] }], policy);
    expect(Object.fromEntries(inverse)).toEqual({ s: ['s'], child: ['s'] });
    // A skill outside every gap is covered by nothing, whatever its links.
    expect(targetsCoveredBy([{ gap: [], links: [narrower] }], policy).size).toBe(0);
  });
});

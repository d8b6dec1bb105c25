import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requiredCoveredBy } from './covering-skills';

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

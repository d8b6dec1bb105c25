import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonSizeExceeds } from '../../../src/server/security/json-size';

describe('jsonSizeExceeds', () => {
  it('agrees with JSON.stringify on texts without escapes, up to the walk estimate', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é') }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        tie('array'),
        tie('object'),
      ),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(fc.string({ unit: fc.constantFrom('k', 'l'), minLength: 1, maxLength: 4 }), tie('value'), {
        maxKeys: 5,
      }),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const size = JSON.stringify(value).length;
        // The estimate counts a comma per element, one more than JSON writes, so it lies in [size, 2 × size + 2].
        expect(jsonSizeExceeds(value, size - 1)).toBe(true);
        expect(jsonSizeExceeds(value, 2 * size + 2)).toBe(false);
      }),
    );
  });

  it('stops early on a huge value shared many times, without building its text', () => {
    const big = 'x'.repeat(50_000_000);
    const value = { data: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}`, { description: big }])) };
    const started = performance.now();
    expect(jsonSizeExceeds(value, 10_000_000)).toBe(true);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

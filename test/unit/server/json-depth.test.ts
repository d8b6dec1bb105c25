import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jsonDepthExceeds } from '../../../src/server/security/json-depth';

/** Nesting depth by the definition's plain recursion (fine for the small values generated). */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const members = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...members.map(depthOf));
}

describe('jsonDepthExceeds', () => {
  it('agrees with a recursive depth on every value', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.constant(null),
        tie('array'),
        tie('object'),
      ),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(fc.string({ maxLength: 3 }), tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 8 }), (value, limit) => {
        expect(jsonDepthExceeds(value, limit)).toBe(depthOf(value) > limit);
      }),
    );
  });

  it('judges a value far deeper than the stack allows, in bounded time', () => {
    const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000));
    const started = performance.now();
    expect(jsonDepthExceeds(deep, 64)).toBe(true);
    expect(jsonDepthExceeds({ d: deep }, 64)).toBe(true);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float64ArrayOf, int32ArrayOf, uint8ArrayOf } from './typed-array-of';

describe('typed arrays of a list', () => {
  it('equal what TypedArray.from gives with the same function, truncation and NaN included', () => {
    const value = fc.oneof(fc.double(), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.constant(Number.NaN));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (values) => {
        const items = values.map((v, i) => ({ v, i }));
        const twice = (item: { v: number }, index: number) => item.v * 2 + index;
        expect(float64ArrayOf(items, twice)).toEqual(Float64Array.from(items, twice));
        expect(int32ArrayOf(items, twice)).toEqual(Int32Array.from(items, twice));
        expect(uint8ArrayOf(items, twice)).toEqual(Uint8Array.from(items, twice));
      }),
    );
  });
});

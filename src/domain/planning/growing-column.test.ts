import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrowingColumn } from './growing-column';

describe('GrowingColumn', () => {
  it('keeps every value pushed, in order, past any number of growths', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 300 }),
        fc.nat(8),
        (values, capacity) => {
          const column = new GrowingColumn(Int32Array, capacity);
          for (const value of values) column.push(value);
          expect(column.length).toBe(values.length);
          expect([...column.finish()]).toEqual(values);
        },
      ),
    );
  });

  it('finishes on a buffer of exactly its values, so a transfer sends no spare capacity', () => {
    const column = new GrowingColumn(Float64Array, 1024);
    column.push(0.5);
    column.push(Number.NaN);
    const finished = column.finish();
    expect(finished).toBeInstanceOf(Float64Array);
    expect(finished.buffer.byteLength).toBe(2 * Float64Array.BYTES_PER_ELEMENT);
    expect(finished[0]).toBe(0.5);
    expect(finished[1]).toBeNaN();
  });

  it('finish copies: values pushed afterwards do not change an earlier result', () => {
    const column = new GrowingColumn(Uint8Array, 4);
    column.push(1);
    const first = column.finish();
    column.push(2);
    expect([...first]).toEqual([1]);
    expect([...column.finish()]).toEqual([1, 2]);
  });
});

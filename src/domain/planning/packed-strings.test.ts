import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packedStringAt, packedStringCount, packStrings, unpackStrings } from './packed-strings';

describe('packStrings', () => {
  it('gives back the same strings, in order, after a transfer to another thread', () => {
    // Any UTF-16 code units, lone surrogates and empty strings included.
    const anyString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) });
    fc.assert(
      fc.property(fc.array(fc.oneof(anyString, fc.constant('')), { maxLength: 20 }), (values) => {
        const packed = packStrings(values);
        const moved = structuredClone(packed, { transfer: [packed.ends.buffer] });
        expect(packed.ends.length).toBe(0);
        expect(packedStringCount(moved)).toBe(values.length);
        expect(unpackStrings(moved)).toEqual(values);
        values.forEach((value, i) => {
          expect(packedStringAt(moved, i)).toBe(value);
        });
      }),
    );
  });

  it('keeps the strings in one text and their ends apart', () => {
    const packed = packStrings(['gen-c1', '', 'http://data.europa.eu/esco/skill/x']);
    expect(packed.text).toBe('gen-c1http://data.europa.eu/esco/skill/x');
    expect([...packed.ends]).toEqual([6, 6, 40]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePackedStrings, packedStringAt, packedStringCount, packStrings, unpackStrings } from './packed-strings';

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

  it('packs lists longer than a join chunk whole and in order', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? '' : `learner-${i}`));
    const packed = packStrings(values);
    expect(packed.text).toBe(values.join(''));
    expect(unpackStrings(packed)).toEqual(values);
  });

  it('keeps the strings in one text and their ends apart', () => {
    const packed = packStrings(['gen-c1', '', 'http://data.europa.eu/esco/skill/x']);
    expect(packed.text).toBe('gen-c1http://data.europa.eu/esco/skill/x');
    expect([...packed.ends]).toEqual([6, 6, 40]);
  });
});

describe('comparePackedStrings', () => {
  it('orders packed strings as the < operator orders the strings themselves', () => {
    // A small alphabet with a surrogate and a high code unit, so that ties, prefixes and code-unit order all occur.
    const unit = fc.constantFrom('a', 'b', '-', '9', '\ud83d', '\uffff');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (values) => {
        const packed = packStrings(values);
        values.forEach((a, i) => {
          values.forEach((b, j) => {
            expect(comparePackedStrings(packed, i, j)).toBe(a < b ? -1 : a > b ? 1 : 0);
          });
        });
      }),
    );
  });
});

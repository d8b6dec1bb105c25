import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendPosting, NO_POSTINGS, PostingLists } from '../../../src/domain/text/posting-lists';

describe('posting lists', () => {
  it('append in order, pairs included, and pack in the same order', () => {
    const lists = new Map<string, number[]>();
    appendPosting(lists, 'python', 3);
    appendPosting(lists, 'java', 1, 2);
    appendPosting(lists, 'python', 7, 4);
    const packed = PostingLists.pack(lists);
    expect([...packed.keys()]).toEqual(['python', 'java']);
    expect(packed.size).toBe(2);
    expect(packed.get('python')).toEqual(Int32Array.from([3, 7, 4]));
    expect(packed.get('java')).toBeInstanceOf(Int32Array);
    expect([...packed.get('java')]).toEqual([1, 2]);
    expect(packed.has('java')).toBe(true);
  });

  it('an unknown key, and a key with an empty list, give no postings', () => {
    const packed = PostingLists.pack(new Map([['empty', [] as number[]]]));
    expect(packed.get('rust')).toBe(NO_POSTINGS);
    expect(packed.has('rust')).toBe(false);
    expect(packed.get('empty').length).toBe(0);
    expect(packed.has('empty')).toBe(true);
    expect(NO_POSTINGS.length).toBe(0);
  });

  it('every list reads back exactly as it was built (any keys, any lengths)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 6 }), fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 8 })),
        (record) => {
          const lists = new Map(Object.entries(record));
          const packed = PostingLists.pack(lists);
          expect(packed.size).toBe(lists.size);
          for (const [key, list] of lists) expect([...packed.get(key)]).toEqual(list);
        },
      ),
    );
  });

  it('packed sorted, every list reads back as built, keys come sorted, and an absent key finds nothing (any keys)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ maxLength: 6, unit: 'grapheme' }),
          fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 8 }),
        ),
        fc.array(fc.string({ maxLength: 6, unit: 'grapheme' }), { maxLength: 10 }),
        (record, probes) => {
          const lists = new Map(Object.entries(record));
          const packed = PostingLists.packSorted(lists);
          expect(packed.size).toBe(lists.size);
          for (const [key, list] of lists) {
            expect(packed.has(key)).toBe(true);
            expect([...packed.get(key)]).toEqual(list);
          }
          for (const probe of probes) if (!lists.has(probe)) expect(packed.get(probe)).toBe(NO_POSTINGS);
          const keys = [...packed.keys()];
          expect(keys.slice().sort()).toEqual(keys);
        },
      ),
      { numRuns: 300 },
    );
  });
});

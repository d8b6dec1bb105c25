import { describe, expect, it } from 'vitest';
import { appendPosting, NO_POSTINGS, packPostings } from '../../../src/domain/text/posting-lists';

describe('posting lists', () => {
  it('append in order, pairs included, and pack to typed arrays in the same order', () => {
    const lists = new Map<string, number[]>();
    appendPosting(lists, 'python', 3);
    appendPosting(lists, 'java', 1, 2);
    appendPosting(lists, 'python', 7, 4);
    const packed = packPostings(lists);
    expect([...packed.keys()]).toEqual(['python', 'java']);
    expect(packed.get('python')).toEqual(Int32Array.from([3, 7, 4]));
    expect(packed.get('java')).toBeInstanceOf(Int32Array);
    expect([...packed.get('java')!]).toEqual([1, 2]);
    expect(NO_POSTINGS.length).toBe(0);
  });
});

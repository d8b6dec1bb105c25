import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GrowingLists } from './growing-lists';

const listOf = (lists: GrowingLists, key: number) => {
  const list = lists.of(key);
  return list === undefined ? undefined : [...list];
};

describe('GrowingLists', () => {
  it('refuses a stride it cannot write', () => {
    expect(() => new GrowingLists(0)).toThrow(RangeError);
    expect(() => new GrowingLists(5)).toThrow(RangeError);
  });

  it('writes only the first `stride` integers of an entry, and drops entries by their first', () => {
    const pairs = new GrowingLists(2);
    pairs.add(3, 10, 11, 99, 99);
    pairs.add(3, 12, 13);
    pairs.add(3, 10, 14);
    expect(listOf(pairs, 3)).toEqual([10, 11, 12, 13, 10, 14]);
    expect([...pairs.firsts(3)]).toEqual([10, 12]);
    pairs.removeEntries(3, 10);
    expect(listOf(pairs, 3)).toEqual([12, 13]);
  });

  it('behaves as a map of arrays under any writes, for every stride (property)', () => {
    type Op =
      | { kind: 'add'; key: number; values: number[] }
      | { kind: 'removeEntries'; key: number; first: number }
      | { kind: 'removeKey'; key: number }
      | { kind: 'trim' };
    const value = fc.integer({ min: -3, max: 20 });
    const op: fc.Arbitrary<Op> = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.record({
          kind: fc.constant('add' as const),
          key: fc.nat(30),
          values: fc.array(value, { minLength: 4, maxLength: 4 }),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({ kind: fc.constant('removeEntries' as const), key: fc.nat(30), first: value }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('removeKey' as const), key: fc.nat(30) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('trim' as const) }) },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(op, { maxLength: 500 }), (stride, ops) => {
        const lists = new GrowingLists(stride);
        const reference = new Map<number, number[]>();
        for (const o of ops) {
          if (o.kind === 'add') {
            const [a, b, c, d] = o.values as [number, number, number, number];
            lists.add(o.key, a, b, c, d);
            reference.set(o.key, [...(reference.get(o.key) ?? []), ...o.values.slice(0, stride)]);
          } else if (o.kind === 'removeEntries') {
            lists.removeEntries(o.key, o.first);
            const list = reference.get(o.key) ?? [];
            const kept: number[] = [];
            for (let at = 0; at < list.length; at += stride)
              if (list[at] !== o.first) kept.push(...list.slice(at, at + stride));
            if (kept.length > 0) reference.set(o.key, kept);
            else reference.delete(o.key);
          } else if (o.kind === 'removeKey') {
            lists.removeKey(o.key);
            reference.delete(o.key);
          } else lists.trim();
        }
        for (let key = 0; key <= 31; key += 1) {
          expect(listOf(lists, key)).toEqual(reference.get(key));
          const from = lists.startOf(key);
          expect([...lists.data.subarray(from, from + lists.lengthOf(key))]).toEqual(reference.get(key) ?? []);
        }
      }),
      { numRuns: 200 },
    );
  });
});

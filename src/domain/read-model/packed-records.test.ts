import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedRecords } from './packed-records';

type Op = { kind: 'set'; id: number; values: number[] } | { kind: 'delete'; id: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      id: fc.nat({ max: 300 }),
      values: fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 40 }),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), id: fc.nat({ max: 300 }) }), weight: 1 },
);

describe('packed records', () => {
  it('read back as a map of arrays would, through replacements, deletions, growth and compaction', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const records = new PackedRecords();
        const reference = new Map<number, number[]>();
        for (const o of ops) {
          if (o.kind === 'set') {
            records.set(o.id, o.values);
            reference.set(o.id, o.values);
          } else {
            records.delete(o.id);
            reference.delete(o.id);
          }
        }
        for (let id = 0; id <= 301; id += 1) {
          const expected = reference.get(id);
          const got = records.get(id);
          if (expected === undefined) expect(got).toBeUndefined();
          else expect(got && [...got]).toEqual(expected);
        }
      }),
    );
  });

  it('a record read before later writes keeps its values', () => {
    const records = new PackedRecords();
    records.set(0, [1, 2, 3]);
    const before = records.get(0)!;
    // Enough replaced records to force several growths and a compaction.
    for (let round = 0; round < 200; round += 1)
      records.set(
        1,
        Array.from({ length: 50 }, (_, i) => round + i),
      );
    records.set(0, [9]);
    expect([...before]).toEqual([1, 2, 3]);
    expect([...records.get(0)!]).toEqual([9]);
    expect([...records.get(1)!]).toEqual(Array.from({ length: 50 }, (_, i) => 199 + i));
  });

  it('compacts: replacing one record over and over does not grow the array without bound', () => {
    const records = new PackedRecords();
    for (let round = 0; round < 10_000; round += 1)
      records.set(
        7,
        Array.from({ length: 20 }, () => round),
      );
    expect(records.capacity).toBeLessThanOrEqual(2048);
    expect([...records.get(7)!]).toEqual(Array.from({ length: 20 }, () => 9_999));
  });
});

import { describe, expect, it } from 'vitest';
import { HOLDING_STRIDE, HoldingsByCredential } from './holdings-by-credential';

const listOf = (index: HoldingsByCredential, credential: number) => {
  const list = index.of(credential);
  return list === undefined ? undefined : [...list];
};

describe('HoldingsByCredential', () => {
  it('lists each holding with its dates and status, a credential held twice twice', () => {
    const index = new HoldingsByCredential();
    index.add(7, 3, 12, -1, 1);
    index.add(7, 3, 14, 20, 0);
    index.add(7, 5, -1, -1, 2);
    expect(listOf(index, 7)).toEqual([3, 12, -1, 1, 3, 14, 20, 0, 5, -1, -1, 2]);
    expect([...index.holders(7)]).toEqual([3, 5]);
    expect(index.of(8)).toBeUndefined();
    expect(index.of(100_000)).toBeUndefined();
    expect(index.lengthOf(100_000)).toBe(0);
  });

  it("drops a learner's holdings of one credential only, and a credential's whole list", () => {
    const index = new HoldingsByCredential();
    index.add(7, 3, 12, -1, 1);
    index.add(7, 5, -1, -1, 2);
    index.add(7, 3, 14, 20, 0);
    index.add(8, 3, -1, -1, 0);
    index.removeLearner(7, 3);
    expect(listOf(index, 7)).toEqual([5, -1, -1, 2]);
    expect(listOf(index, 8)).toEqual([3, -1, -1, 0]);
    index.removeLearner(7, 5);
    expect(index.of(7)).toBeUndefined();
    index.removeCredential(8);
    expect(index.holders(8).size).toBe(0);
    index.add(8, 9, 1, 2, 3);
    expect(listOf(index, 8)).toEqual([9, 1, 2, 3]);
  });

  it('reads the same through data, startOf and lengthOf as through of', () => {
    const index = new HoldingsByCredential();
    for (let learner = 0; learner < 50; learner += 1) index.add(learner % 3, learner, learner, -1, 0);
    for (let credential = 0; credential < 3; credential += 1) {
      const from = index.startOf(credential);
      expect([...index.data.subarray(from, from + index.lengthOf(credential))]).toEqual(listOf(index, credential));
    }
  });

  it('trim packs the lists into an array of their exact size, and lists still grow after it', () => {
    const index = new HoldingsByCredential();
    for (let learner = 0; learner < 1_000; learner += 1) index.add(learner % 7, learner, 1, 2, 3);
    expect(index.capacity).toBeGreaterThan(1_000 * HOLDING_STRIDE);
    const before = Array.from({ length: 7 }, (_, credential) => listOf(index, credential));
    index.trim();
    expect(index.capacity).toBe(1_000 * HOLDING_STRIDE);
    expect(Array.from({ length: 7 }, (_, credential) => listOf(index, credential))).toEqual(before);
    index.add(3, 5_000, 4, 5, 6);
    expect(listOf(index, 3)).toEqual([...before[3]!, 5_000, 4, 5, 6]);
    expect(listOf(index, 4)).toEqual(before[4]);
  });
});

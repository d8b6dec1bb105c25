import { describe, expect, it } from 'vitest';
import { HoldingsByCredential } from './holdings-by-credential';

describe('HoldingsByCredential', () => {
  it('lists each holding with its dates and status, a credential held twice twice', () => {
    const index = new HoldingsByCredential();
    index.add(7, 3, 12, -1, 1);
    index.add(7, 3, 14, 20, 0);
    index.add(7, 5, -1, -1, 2);
    expect(index.of(7)).toEqual([3, 12, -1, 1, 3, 14, 20, 0, 5, -1, -1, 2]);
    expect([...index.holders(7)]).toEqual([3, 5]);
    expect(index.of(8)).toBeUndefined();
  });

  it("drops a learner's holdings of one credential only, and a credential's whole list", () => {
    const index = new HoldingsByCredential();
    index.add(7, 3, 12, -1, 1);
    index.add(7, 5, -1, -1, 2);
    index.add(7, 3, 14, 20, 0);
    index.add(8, 3, -1, -1, 0);
    index.removeLearner(7, 3);
    expect(index.of(7)).toEqual([5, -1, -1, 2]);
    expect(index.of(8)).toEqual([3, -1, -1, 0]);
    index.removeLearner(7, 5);
    expect(index.of(7)).toBeUndefined();
    index.removeCredential(8);
    expect(index.holders(8).size).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { WARMED_LIST_SIZES } from './hot-read-queries';
import { planCacheSizeBucket } from './plan-cache-size-bucket';

describe('planCacheSizeBucket', () => {
  it("follows Neo4j's buckets: 0, 1, then powers of ten", () => {
    expect([0, 1, 2, 10, 11, 99, 100, 101, 1000, 1001].map(planCacheSizeBucket)).toEqual([
      0, 1, 10, 10, 100, 100, 100, 1000, 1000, 10_000,
    ]);
  });

  it('refuses what is not a size', () => {
    expect(() => planCacheSizeBucket(-1)).toThrow(RangeError);
    expect(() => planCacheSizeBucket(1.5)).toThrow(RangeError);
  });

  it('warms one size per bucket, each bucket once', () => {
    const buckets = WARMED_LIST_SIZES.map(planCacheSizeBucket);
    expect(new Set(buckets).size).toBe(WARMED_LIST_SIZES.length);
    expect(buckets).toEqual([1, 10, 100]);
  });
});

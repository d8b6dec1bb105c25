/**
 * Neo4j 5 caches a query's plan per query text, per parameter type and, for each list or string
 * parameter, per size bucket: the planner estimates `UNWIND $ids` from the list's size, so a list
 * of one and a list of fifty get different plans. The buckets are exactly 0, exactly 1, and then
 * powers of ten (2-10, 11-100, 101-1000, ...). A plan warmed for one size serves every size of the
 * same bucket, and only those.
 *
 * @example
 * planCacheSizeBucket(1); // 1
 * planCacheSizeBucket(7); // 10: planned once for 2-10 ids
 * planCacheSizeBucket(11); // 100
 */
export function planCacheSizeBucket(size: number): number {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`not a size: ${size}`);
  if (size <= 1) return size;
  return 10 ** Math.ceil(Math.log10(size));
}

/** Percentiles and throughput of one measured load. */

/** Summary of a load run. */
export interface LatencyStats {
  readonly requests: number;
  readonly throughput: number;
  readonly meanMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** The p-th percentile (0-100) of sorted values, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Summarises response times (ms) collected over `seconds`. */
export function latencyStats(latencies: readonly number[], seconds: number): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    throughput: seconds > 0 ? sorted.length / seconds : 0,
    meanMs: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : Number.NaN,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
  };
}

/**
 * Memory of a server process: RSS idle after start, after a number of mixed heavy requests, and
 * sampled across a soak. The bench measures the child server of `child-server.ts` (the `npm
 * start` entry, worker threads included); `rssMiB` reads this process, whose figures also
 * cover the in-process server with the benchmark's own bookkeeping and load generators.
 */
import { runLoad, type LoadRequests, type LoadResult } from './run-load';

const MiB = 2 ** 20;

/** RSS of this process now, in MiB. */
export function rssMiB(): number {
  return process.memoryUsage.rss() / MiB;
}

/** Summary of RSS samples taken during a soak. */
export interface SoakSummary {
  readonly minutes: number;
  readonly concurrency: number;
  readonly samples: readonly { readonly atSeconds: number; readonly rssMiB: number }[];
  readonly minMiB: number;
  readonly medianMiB: number;
  readonly maxMiB: number;
  /** Least-squares slope of the samples of the last minute, in MiB per minute (null: < 2 samples). */
  readonly lastMinuteSlopeMiBPerMinute: number | null;
  readonly load: LoadResult;
}

/** Least-squares slope of `y` over `x` (null with fewer than two distinct x). */
export function slope(points: readonly { x: number; y: number }[]): number | null {
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.x - meanX) * (p.y - meanY);
    variance += (p.x - meanX) ** 2;
  }
  return variance === 0 ? null : covariance / variance;
}

/** min / median / max and the last minute's slope of soak samples (seconds, MiB). */
export function summariseSamples(
  samples: readonly { atSeconds: number; rssMiB: number }[],
): Pick<SoakSummary, 'minMiB' | 'medianMiB' | 'maxMiB' | 'lastMinuteSlopeMiBPerMinute'> {
  const sorted = samples.map((s) => s.rssMiB).sort((a, b) => a - b);
  const end = samples.length ? samples[samples.length - 1]!.atSeconds : 0;
  const lastMinute = samples.filter((s) => s.atSeconds >= end - 60).map((s) => ({ x: s.atSeconds / 60, y: s.rssMiB }));
  return {
    minMiB: sorted[0] ?? Number.NaN,
    medianMiB: sorted.length ? sorted[Math.floor(sorted.length / 2)]! : Number.NaN,
    maxMiB: sorted[sorted.length - 1] ?? Number.NaN,
    lastMinuteSlopeMiBPerMinute: slope(lastMinute),
  };
}

/** Sends `amount` requests of the mixed pool at `concurrency`; resolves when all are answered. */
export function runMixedRequests(
  url: string,
  requests: LoadRequests,
  amount: number,
  concurrency: number,
): Promise<LoadResult> {
  return runLoad(url, requests, concurrency, 1, { amount });
}

/**
 * Loads the mixed pool at `concurrency` for `minutes`, reading the server's RSS with `rss` every
 * `everySeconds` (readings of null are skipped).
 */
export async function soak(
  url: string,
  rss: () => number | null,
  requests: LoadRequests,
  minutes: number,
  concurrency: number,
  everySeconds = 10,
): Promise<SoakSummary> {
  const samples: { atSeconds: number; rssMiB: number }[] = [];
  const started = performance.now();
  const take = () => {
    const reading = rss();
    if (reading !== null) samples.push({ atSeconds: (performance.now() - started) / 1000, rssMiB: reading });
  };
  take();
  const timer = setInterval(take, everySeconds * 1000);
  try {
    const load = await runLoad(url, requests, concurrency, Math.round(minutes * 60));
    take();
    return { minutes, concurrency, samples, ...summariseSamples(samples), load };
  } finally {
    clearInterval(timer);
  }
}

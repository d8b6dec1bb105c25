/**
 * Memory of the server process: RSS idle after start, after a number of mixed heavy requests, and
 * sampled across a soak. The bench server runs in this process, so RSS covers the API, its
 * worker threads (compute pool and the load generator's) and the benchmark's own bookkeeping; the
 * reading taken before the app was created is recorded so that share can be subtracted.
 */
import type { BenchServer } from './bench-server';
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

/** Sends `amount` requests of the mixed pool at `concurrency`, waits for the server to finish. */
export async function runMixedRequests(
  server: BenchServer,
  requests: LoadRequests,
  amount: number,
  concurrency: number,
): Promise<LoadResult> {
  server.takeServerStats();
  const run = await runLoad(server.url, requests, concurrency, 1, { amount });
  await server.drain();
  run.server = server.takeServerStats();
  return run;
}

/** Loads the mixed pool at `concurrency` for `minutes`, sampling RSS every `everySeconds`. */
export async function soak(
  server: BenchServer,
  requests: LoadRequests,
  minutes: number,
  concurrency: number,
  everySeconds = 10,
): Promise<SoakSummary> {
  const samples: { atSeconds: number; rssMiB: number }[] = [];
  const started = performance.now();
  const take = () => samples.push({ atSeconds: (performance.now() - started) / 1000, rssMiB: rssMiB() });
  take();
  const timer = setInterval(take, everySeconds * 1000);
  server.takeServerStats();
  try {
    const load = await runLoad(server.url, requests, concurrency, Math.round(minutes * 60));
    await server.drain();
    load.server = server.takeServerStats();
    take();
    return { minutes, concurrency, samples, ...summariseSamples(samples), load };
  } finally {
    clearInterval(timer);
  }
}

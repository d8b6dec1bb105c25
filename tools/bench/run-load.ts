/** Runs a load in the worker thread of `load-worker.ts` and summarises it. */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { latencyStats, type LatencyStats } from './latency-stats';
import type { LoadJob, LoadOutcome, PlanCounts } from './load-worker';
import type { ServerStats } from './bench-server';

/**
 * A measured load: the latency figures and throughput are the answers served; requests refused as
 * busy (503) are counted in `refused`.
 */
export interface LoadResult extends LatencyStats {
  /** What the server recorded for the same requests (credgraph only). */
  server?: ServerStats;
  readonly concurrency: number;
  readonly seconds: number;
  /** Non-2xx answers, the refused ones included. */
  readonly non2xx: number;
  /** Requests refused as busy (503, SERVER_BUSY), and their median response time. */
  readonly refused: number;
  readonly refusedMedianMs: number;
  /** Of the refused, single plans refused at their cutoff rather than at admission. */
  readonly cutOff: number;
  readonly graphqlErrors: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Largest `solveMillis` among the plans answered (NaN when none). */
  readonly maxSolveMillis: number;
  /** Plans answered proven optimal and not (under load, late plans are answered without the solver). */
  readonly plans: PlanCounts;
}

/** Bodies to POST round-robin, each with its Authorization header ('' for none). */
export interface LoadRequests {
  readonly bodies: readonly string[];
  readonly authorizations: readonly string[];
}

/** How a load ends and how fast it sends, beyond its duration. */
export interface LoadPacing {
  /** Stop after this many requests (the duration is then only the throughput's divisor fallback). */
  readonly amount?: number;
  /** Requests per second over all connections. */
  readonly overallRate?: number;
}

/**
 * POSTs the requests round-robin to `url` from `concurrency` connections for `durationSeconds`
 * (or `pacing.amount` requests).
 */
export function runLoad(
  url: string,
  requests: LoadRequests,
  concurrency: number,
  durationSeconds: number,
  pacing: LoadPacing = {},
): Promise<LoadResult> {
  const job: LoadJob = {
    url,
    bodies: requests.bodies,
    authorizations: requests.authorizations,
    connections: concurrency,
    durationSeconds,
    timeoutSeconds: 120,
    ...pacing,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'load-worker.js'), { workerData: job });
    worker.once('message', (message: { ok: true; outcome: LoadOutcome } | { ok: false; message: string }) => {
      void worker.terminate();
      if (!message.ok) return reject(new Error(`load failed: ${message.message}`));
      const { outcome } = message;
      // autocannon reports the measured wall time; guard against a zero from an aborted run.
      const seconds = outcome.elapsedSeconds > 0 ? outcome.elapsedSeconds : durationSeconds;
      resolve({
        concurrency,
        seconds,
        ...latencyStats(outcome.latencies, seconds),
        non2xx: outcome.non2xx,
        refused: outcome.refusedLatencies.length,
        refusedMedianMs: latencyStats(outcome.refusedLatencies, seconds).medianMs,
        cutOff: outcome.cutOff,
        graphqlErrors: outcome.graphqlErrors,
        errors: outcome.errors,
        timeouts: outcome.timeouts,
        maxSolveMillis: outcome.maxSolveMillis,
        plans: outcome.plans,
      });
    });
    worker.once('error', reject);
  });
}

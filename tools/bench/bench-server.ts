/**
 * Serves the app through `startHttpServer` (what `app.listen` uses) on a free port, counting requests in flight. A load run stops sending after its duration, but
 * the server may still be working through accepted requests (planning is CPU-bound and keeps
 * going after a request times out); waiting for the count to reach zero keeps that work out of
 * the next scenario's figures.
 */
import { startHttpServer, type HttpServerDeps } from '../../src/server/http-server';

/**
 * What the server measured itself over a period (see {@link BenchServer.takeServerStats}). The
 * times and counts are of the requests served: those refused as busy (503) are only counted.
 */
export interface ServerStats {
  readonly requests: number;
  /** Requests refused as busy (503, SERVER_BUSY). */
  readonly refused: number;
  /** Mean time from reading the request to the response, in ms. */
  readonly meanServerMs: number;
  /** Mean summed Cypher time per request (transactions of one request may overlap), in ms. */
  readonly meanDbMs: number;
  readonly meanRoundTrips: number;
  readonly minRoundTrips: number;
  readonly maxRoundTrips: number;
  /** Longest time from reading a request to its response, in ms. */
  readonly maxServerMs: number;
  /** Requests whose server time exceeded the `slowMillis` of {@link startBenchServer}. */
  readonly slowRequests: number;
  /** Requests refused as busy whose server time exceeded `slowMillis` too. */
  readonly slowRefusals: number;
  /** Status codes other than 200, by code. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Error codes (`extensions.code`, e.g. SERVER_BUSY, REQUEST_TIMEOUT) of the answers, by code. */
  readonly codes: Readonly<Record<string, number>>;
}

/** A running server with a drain. */
export interface BenchServer {
  readonly url: string;
  readonly inFlight: () => number;
  /**
   * The per-request figures the server recorded since the last call, then forgets them all;
   * with `operation`, the figures of that GraphQL operation name only.
   */
  takeServerStats(operation?: string): ServerStats;
  /** Resolves once no request is in flight (or after `maxMillis`); returns the wait in ms. */
  drain(maxMillis?: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1 through `startHttpServer`, recording what each request cost. Requests
 * longer than `slowMillis` are counted (the plans-over-deadline check passes the plan time limit
 * plus its 100 ms allowance).
 */
export async function startBenchServer<Ctx extends object>(
  deps: HttpServerDeps<Ctx>,
  slowMillis = Number.POSITIVE_INFINITY,
): Promise<BenchServer> {
  let done: {
    operation: string;
    millis: number;
    dbMillis: number;
    roundTrips: number;
    status: number;
    code: string | undefined;
  }[] = [];
  const running = await startHttpServer(
    {
      ...deps,
      onRequestDone: (info) => {
        done.push({
          operation: info.resolvedOperation ?? info.operation,
          millis: info.millis,
          dbMillis: info.dbMillis,
          roundTrips: info.roundTrips,
          status: info.status,
          code: info.code,
        });
        deps.onRequestDone?.(info);
      },
    },
    '127.0.0.1',
    0,
  );
  return {
    url: running.url,
    inFlight: () => running.inFlight(),
    takeServerStats(operation?: string) {
      const all = operation === undefined ? done : done.filter((d) => d.operation === operation);
      done = [];
      const taken = all.filter((d) => d.status !== 503);
      const mean = (f: (d: (typeof taken)[number]) => number) =>
        taken.length ? taken.reduce((sum, d) => sum + f(d), 0) / taken.length : Number.NaN;
      const statuses: Record<string, number> = {};
      for (const d of all) if (d.status !== 200) statuses[String(d.status)] = (statuses[String(d.status)] ?? 0) + 1;
      const codes: Record<string, number> = {};
      for (const d of all) if (d.code !== undefined) codes[d.code] = (codes[d.code] ?? 0) + 1;
      return {
        requests: taken.length,
        refused: all.length - taken.length,
        meanServerMs: mean((d) => d.millis),
        meanDbMs: mean((d) => d.dbMillis),
        meanRoundTrips: mean((d) => d.roundTrips),
        minRoundTrips: taken.length ? Math.min(...taken.map((d) => d.roundTrips)) : Number.NaN,
        maxRoundTrips: taken.length ? Math.max(...taken.map((d) => d.roundTrips)) : Number.NaN,
        maxServerMs: taken.length ? taken.reduce((max, d) => Math.max(max, d.millis), 0) : Number.NaN,
        slowRequests: taken.filter((d) => d.millis > slowMillis).length,
        slowRefusals: all.filter((d) => d.status === 503 && d.millis > slowMillis).length,
        statuses,
        codes,
      };
    },
    async drain(maxMillis = 600_000) {
      const started = performance.now();
      while (running.inFlight() > 0 && performance.now() - started < maxMillis)
        await new Promise((r) => setTimeout(r, 50));
      return performance.now() - started;
    },
    close: () => running.close(5_000),
  };
}

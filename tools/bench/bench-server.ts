/**
 * Serves the app's request handler (`createRequestHandler(app.deps)`, the one `app.listen` uses)
 * on a free port, counting requests in flight. A load run stops sending after its duration, but
 * the server may still be working through accepted requests (planning is CPU-bound and keeps
 * going after a request times out); waiting for the count to reach zero keeps that work out of
 * the next scenario's figures.
 */
import http from 'node:http';
import { createRequestHandler, type HttpServerDeps } from '../../src/server/http-server';

/** What the server measured itself over a period (see {@link BenchServer.takeServerStats}). */
export interface ServerStats {
  readonly requests: number;
  /** Mean time from reading the request to the response, in ms. */
  readonly meanServerMs: number;
  /** Mean summed Cypher time per request (transactions of one request may overlap), in ms. */
  readonly meanDbMs: number;
  readonly meanRoundTrips: number;
  readonly minRoundTrips: number;
  readonly maxRoundTrips: number;
  /** Status codes other than 200, by code. */
  readonly statuses: Readonly<Record<string, number>>;
}

/** A running server with a drain. */
export interface BenchServer {
  readonly url: string;
  readonly inFlight: () => number;
  /** The per-request figures the server recorded since the last call, then forgets them. */
  takeServerStats(): ServerStats;
  /** Resolves once no request is in flight (or after `maxMillis`); returns the wait in ms. */
  drain(maxMillis?: number): Promise<number>;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 with the same socket timeouts as `startHttpServer`. */
export async function startBenchServer<Ctx extends object>(deps: HttpServerDeps<Ctx>): Promise<BenchServer> {
  let done: { millis: number; dbMillis: number; roundTrips: number; status: number }[] = [];
  const handler = createRequestHandler({
    ...deps,
    onRequestDone: (info) => {
      done.push({ millis: info.millis, dbMillis: info.dbMillis, roundTrips: info.roundTrips, status: info.status });
      deps.onRequestDone?.(info);
    },
  });
  const inFlight = new Set<Promise<void>>();
  const server = http.createServer((req, res) => {
    const done = handler(req, res).finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    inFlight: () => inFlight.size,
    takeServerStats() {
      const taken = done;
      done = [];
      const mean = (f: (d: (typeof taken)[number]) => number) => (taken.length ? taken.reduce((sum, d) => sum + f(d), 0) / taken.length : Number.NaN);
      const statuses: Record<string, number> = {};
      for (const d of taken) if (d.status !== 200) statuses[String(d.status)] = (statuses[String(d.status)] ?? 0) + 1;
      return {
        requests: taken.length,
        meanServerMs: mean((d) => d.millis),
        meanDbMs: mean((d) => d.dbMillis),
        meanRoundTrips: mean((d) => d.roundTrips),
        minRoundTrips: taken.length ? Math.min(...taken.map((d) => d.roundTrips)) : Number.NaN,
        maxRoundTrips: taken.length ? Math.max(...taken.map((d) => d.roundTrips)) : Number.NaN,
        statuses,
      };
    },
    async drain(maxMillis = 600_000) {
      const started = performance.now();
      while (inFlight.size > 0 && performance.now() - started < maxMillis) await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 1_000))]);
      return performance.now() - started;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 5_000).unref())]);
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * The HTTP front: routes `/graphql` to Apollo Server, serves the offline explorer, `/health`,
 * `/ready` and `/metrics`, enforces body limits, and drains in-flight requests on shutdown.
 * Built on node:http through Apollo's `executeHTTPGraphQLRequest`, the integration API Apollo
 * documents for custom servers.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from './logger';
import { GRAPHIQL_HEADERS, graphiqlPage } from './graphiql-page';
import { BodyError, readBody } from './read-body';
import { runWithQueryContext, currentQueryContext, type QueryBudget, type QueryContext } from '../db/query-context';
import { RequestTimeoutError, httpStatusOf, type ErrorCode } from '../domain/errors';

/** The facts of one finished GraphQL request: ids, timings and codes, never variables or results. */
export interface RequestDoneInfo {
  readonly requestId: string;
  readonly operation: string;
  /** The operation name of a document that parsed and validated; undefined otherwise. */
  readonly resolvedOperation: string | undefined;
  readonly status: number;
  readonly millis: number;
  readonly code: string | undefined;
  readonly roundTrips: number;
  readonly dbMillis: number;
}

/** What the HTTP layer needs from the application. */
export interface HttpServerDeps<Ctx extends object> {
  readonly apollo: ApolloServer<Ctx>;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  /**
   * Longest a GraphQL request may run. Past it the client gets 503: DATABASE_UNAVAILABLE when a
   * query was running on the database at that moment (Neo4j's own transaction timeout, set to the
   * same value, stops it), REQUEST_TIMEOUT when the time went on computing. The request's query
   * context is aborted: its worker tasks are stopped and it starts no further query.
   */
  readonly requestTimeoutMs?: number;
  /** Each request's share of the database: concurrent queries and round trips (unlimited when absent). */
  readonly queryBudget?: QueryBudget;
  /**
   * Builds the GraphQL context of one request (may reject, e.g. for a bad token). `receivedAt` is
   * the epoch millisecond the server began handling it: deadlines count from there, not from when
   * its resolver first ran.
   */
  readonly context: (req: IncomingMessage, requestId: string, receivedAt: number) => Promise<Ctx>;
  /** Resolves true (or `{ ready: true }`) when the database answers and is the one adopted at start. */
  readonly ready: () => Promise<boolean | Readiness>;
  /** Prometheus exposition, when metrics are on. */
  readonly metrics?: { contentType: string; render: () => Promise<string> };
  /** When set, `/metrics` answers only requests with `Authorization: Bearer <metricsToken>`. */
  readonly metricsToken?: string;
  /** Serve the GraphiQL explorer on GET /graphql from a browser (default off). */
  readonly graphiql?: boolean;
  /** The explorer page at `/` and its assets (see `web/static-site.ts`); true when it answered. */
  readonly site?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;
  /** `POST /dev/sign-in`: demo tokens for the explorer; absent (404) unless DEV_SIGN_IN is on. */
  readonly devSignIn?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;
  /** Called once per GraphQL request when it finished, refused ones included. */
  readonly onRequestDone?: (info: RequestDoneInfo) => void;
  /**
   * A hook run before GraphQL execution, the explorer page and metrics (rate limiting); returns a
   * response to short-circuit. `/health` and `/ready` are never refused (probes must see the truth).
   */
  readonly admit?: (req: IncomingMessage) => Refusal | null | Promise<Refusal | null>;
}

/** A response the admit hook sends instead of serving. */
export interface Refusal {
  readonly status: number;
  readonly body: string;
  readonly headers?: Record<string, string>;
  /** The error code the body carries (request log and metrics). */
  readonly code?: string;
}

/** What `/ready` reports. */
export interface Readiness {
  readonly ready: boolean;
  /** Why not, in words an operator can act on. */
  readonly reason?: string;
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  contentType = 'application/json; charset=utf-8',
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

function graphqlError(message: string, code: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

function operationNameOf(body: unknown, search: string): string {
  const fromBody = (body as { operationName?: unknown } | null)?.operationName;
  if (typeof fromBody === 'string' && /^[_A-Za-z][_0-9A-Za-z]{0,100}$/.test(fromBody)) return fromBody;
  const fromQuery = new URLSearchParams(search).get('operationName');
  if (fromQuery && /^[_A-Za-z][_0-9A-Za-z]{0,100}$/.test(fromQuery)) return fromQuery;
  return 'anonymous';
}

/** Compares a presented bearer token to the configured one in constant time. */
function bearerMatches(authorization: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
  if (presented === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

/** A started HTTP server with graceful shutdown. */
export interface RunningHttpServer {
  readonly server: http.Server;
  readonly url: string;
  /** Requests being handled right now. */
  inFlight(): number;
  /** Stops accepting, waits for in-flight requests (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

/** Creates the request handler (exported for tests that drive it without a socket). */
export function createRequestHandler<Ctx extends object>(deps: HttpServerDeps<Ctx>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestId =
      typeof req.headers['x-request-id'] === 'string' && /^[\w-]{1,64}$/.test(req.headers['x-request-id'])
        ? req.headers['x-request-id']
        : randomUUID();
    res.setHeader('x-request-id', requestId);
    try {
      if (url.pathname === '/health') return send(res, 200, JSON.stringify({ status: 'ok' }));
      if (url.pathname === '/ready') {
        const answer = await deps.ready();
        const { ready, reason } = typeof answer === 'boolean' ? { ready: answer, reason: undefined } : answer;
        const body = ready ? { status: 'ready' } : { status: 'database unavailable', ...(reason ? { reason } : {}) };
        return send(res, ready ? 200 : 503, JSON.stringify(body));
      }
      if (url.pathname === '/metrics' && deps.metrics) {
        if (await refusedByAdmit(deps, req, res)) return;
        if (deps.metricsToken !== undefined && !bearerMatches(req.headers.authorization, deps.metricsToken)) {
          return send(
            res,
            401,
            JSON.stringify({ error: 'metrics need Authorization: Bearer <METRICS_TOKEN>' }),
            undefined,
            { 'www-authenticate': 'Bearer' },
          );
        }
        return send(res, 200, await deps.metrics.render(), deps.metrics.contentType);
      }
      if (url.pathname === '/dev/sign-in' && deps.devSignIn) {
        if (await refusedByAdmit(deps, req, res)) return;
        return await deps.devSignIn(req, res, url);
      }
      if (url.pathname === '/graphiql' && deps.graphiql === true) {
        if (await refusedByAdmit(deps, req, res)) return;
        return send(res, 200, await graphiqlPage(), 'text/html; charset=utf-8', { ...GRAPHIQL_HEADERS });
      }
      if (url.pathname !== '/graphql' && deps.site?.(req, res, url)) return;
      if (url.pathname !== '/graphql') return send(res, 404, JSON.stringify({ error: 'not found' }));

      const accept = String(req.headers.accept ?? '');
      if (
        deps.graphiql === true &&
        req.method === 'GET' &&
        accept.includes('text/html') &&
        !url.searchParams.has('query')
      ) {
        // Several megabytes per response: counted against the client like a GraphQL request.
        if (await refusedByAdmit(deps, req, res)) return;
        return send(res, 200, await graphiqlPage(), 'text/html; charset=utf-8', { ...GRAPHIQL_HEADERS });
      }
      await handleGraphql(deps, req, res, url, requestId);
    } catch (error) {
      deps.logger.error({ err: error, requestId }, 'request failed outside GraphQL execution');
      if (!res.headersSent)
        send(
          res,
          httpStatusOf('INTERNAL_SERVER_ERROR'),
          graphqlError('Internal server error', 'INTERNAL_SERVER_ERROR'),
        );
      else res.end();
    }
  };
}

/** Sends the admit hook's refusal, if any; true when the request was refused. */
async function refusedByAdmit<Ctx extends object>(
  deps: HttpServerDeps<Ctx>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const refused = await deps.admit?.(req);
  if (!refused) return false;
  req.resume();
  send(res, refused.status, refused.body, 'application/json; charset=utf-8', refused.headers);
  return true;
}

const TIMED_OUT = Symbol('timed out');

async function handleGraphql<Ctx extends object>(
  deps: HttpServerDeps<Ctx>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  requestId: string,
): Promise<void> {
  const started = performance.now();
  let operation = 'anonymous';
  let ctx: QueryContext | undefined;
  // The query context may rename the operation once the document is parsed (see operation-name-plugin).
  const done = (status: number, code: string | undefined) =>
    deps.onRequestDone?.({
      requestId,
      operation: ctx?.operation ?? operation,
      resolvedOperation: ctx?.resolvedOperation,
      status,
      millis: performance.now() - started,
      code,
      roundTrips: ctx?.roundTrips ?? 0,
      dbMillis: ctx?.dbMillis ?? 0,
    });
  // The catalogue gives the status, except for body errors that have a more precise one (413).
  const refuse = (message: string, code: ErrorCode, status = httpStatusOf(code)) => {
    send(res, status, graphqlError(message, code));
    done(status, code);
  };

  const refused = await deps.admit?.(req);
  if (refused) {
    req.resume();
    send(res, refused.status, refused.body, 'application/json; charset=utf-8', refused.headers);
    return done(refused.status, refused.code);
  }
  let body: unknown;
  if (req.method === 'POST') {
    let text: string;
    try {
      text = await readBody(req, deps.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyError) return refuse(error.message, 'BAD_USER_INPUT', error.status);
      throw error;
    }
    const contentType = String(req.headers['content-type'] ?? '');
    if (contentType.includes('application/json')) {
      try {
        body = JSON.parse(text);
      } catch {
        return refuse('Request body is not valid JSON', 'BAD_USER_INPUT');
      }
      if (Array.isArray(body)) {
        return refuse('Batched operations are not supported: send one operation per request', 'BAD_USER_INPUT');
      }
    } else {
      body = text;
    }
  }
  operation = operationNameOf(body, url.search);
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const execution = runWithQueryContext(
    operation,
    async () => {
      ctx = currentQueryContext()!;
      const result = await deps.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
        context: () => deps.context(req, requestId, performance.timeOrigin + started),
      });
      let payload = '';
      if (result.body.kind === 'complete') {
        payload = result.body.string;
      } else {
        for await (const chunk of result.body.asyncIterator) payload += chunk;
      }
      return { result, payload, code: ctx.errorCode };
    },
    deps.queryBudget,
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    if (deps.requestTimeoutMs !== undefined)
      timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deps.requestTimeoutMs - (performance.now() - started)));
  });
  const outcome = await Promise.race([execution, deadline]).finally(() => clearTimeout(timer));
  if (outcome === TIMED_OUT) {
    // Blame the database only when it was the one working at the deadline.
    const code: ErrorCode = (ctx?.queriesRunning ?? 0) > 0 ? 'DATABASE_UNAVAILABLE' : 'REQUEST_TIMEOUT';
    const message = `The request did not complete within ${deps.requestTimeoutMs} ms`;
    // Cancels the rest: worker tasks are stopped, no further query starts.
    ctx?.abort(new RequestTimeoutError(message, { limit: deps.requestTimeoutMs }));
    refuse(message, code);
    // Keep the request in flight until its execution ends, so a graceful shutdown waits for it.
    await execution.catch((error: unknown) => deps.logger.warn({ err: error, requestId }, 'timed-out request failed'));
    return;
  }
  const { result, payload, code } = outcome;
  for (const [key, value] of result.headers) res.setHeader(key, value);
  res.setHeader('x-db-round-trips', String(ctx?.roundTrips ?? 0));
  res.setHeader('x-db-peak-sessions', String(ctx?.peakSessions ?? 0));
  const status = result.status ?? 200;
  res.statusCode = status;
  res.end(payload);
  // Apollo's own refusals outside its plugin hooks (rare: e.g. a CSRF-suspect request) have no recorded code.
  done(status, code ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : status >= 400 ? 'BAD_USER_INPUT' : undefined));
}

/** Starts listening on host:port (port 0 picks a free one). */
export async function startHttpServer<Ctx extends object>(
  deps: HttpServerDeps<Ctx>,
  host: string,
  port: number,
): Promise<RunningHttpServer> {
  const handler = createRequestHandler(deps);
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
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/graphql`,
    inFlight: () => inFlight.size,
    async close(graceMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = Promise.allSettled([...inFlight]);
      await Promise.race([drained, new Promise((r) => setTimeout(r, graceMs).unref())]);
      server.closeAllConnections();
      await closed;
    },
  };
}

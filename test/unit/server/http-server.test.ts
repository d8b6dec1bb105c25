/**
 * The HTTP front without a database: a stand-in for Apollo whose answers can be delayed, to pin
 * the request timeout (503 REQUEST_TIMEOUT, or DATABASE_UNAVAILABLE when a query was running; the
 * request's work is aborted and the server keeps serving), the graceful drain on
 * close, the admit hook and what is reported per request.
 */
import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApolloServer } from '@apollo/server';
import pino from 'pino';
import {
  startHttpServer,
  type HttpServerDeps,
  type RequestDoneInfo,
  type RunningHttpServer,
} from '../../../src/server/http-server';
import { currentQueryContext } from '../../../src/db/query-context';

type Answer = { delayMs: number; inDatabase?: boolean; signals?: AbortSignal[] };

/**
 * Just enough of ApolloServer for the HTTP layer: answers `{"data":{"ok":true}}` after `delayMs`,
 * spent "in the database" (a query counted as running) when `inDatabase` is set.
 */
function fakeApollo(answer: Answer): ApolloServer<object> {
  return {
    async executeHTTPGraphQLRequest({ context }: { context: () => Promise<object> }) {
      await context();
      const ctx = currentQueryContext()!;
      answer.signals?.push(ctx.signal);
      if (answer.inDatabase) ctx.queriesRunning += 1;
      await sleep(answer.delayMs);
      if (answer.inDatabase) ctx.queriesRunning -= 1;
      return {
        status: 200,
        headers: new Map([['content-type', 'application/json; charset=utf-8']]),
        body: { kind: 'complete', string: '{"data":{"ok":true}}' },
      };
    },
  } as unknown as ApolloServer<object>;
}

let running: RunningHttpServer | undefined;
afterEach(async () => {
  await running?.close(100);
  running = undefined;
});

async function start(overrides: Partial<HttpServerDeps<object>> = {}, answer: Answer = { delayMs: 0 }) {
  const done: RequestDoneInfo[] = [];
  running = await startHttpServer<object>(
    {
      apollo: fakeApollo(answer),
      logger: pino({ level: 'silent' }),
      maxBodyBytes: 10_000,
      context: async () => ({}),
      ready: async () => true,
      onRequestDone: (info) => done.push(info),
      ...overrides,
    },
    '127.0.0.1',
    0,
  );
  return { url: running.url, done, answer };
}

function post(
  url: string,
  body: unknown = { query: '{ ok }', operationName: 'Ok' },
  headers: Record<string, string> = {},
) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('request timeout', () => {
  it('answers 503 REQUEST_TIMEOUT when computing outlives REQUEST_TIMEOUT_MS, and aborts the request', async () => {
    const signals: AbortSignal[] = [];
    const { url, done } = await start({ requestTimeoutMs: 150 }, { delayMs: 1_000, signals });
    const res = await post(url);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('REQUEST_TIMEOUT');
    expect(done[0]).toMatchObject({ operation: 'Ok', status: 503, code: 'REQUEST_TIMEOUT' });
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    expect((signals[0]!.reason as { code?: string }).code).toBe('REQUEST_TIMEOUT');
  });

  it('answers 503 DATABASE_UNAVAILABLE when a query is still running at REQUEST_TIMEOUT_MS, then keeps serving', async () => {
    const { url, done, answer } = await start({ requestTimeoutMs: 150 }, { delayMs: 1_000, inDatabase: true });
    const started = performance.now();
    const res = await post(url);
    const elapsed = performance.now() - started;
    expect(res.status).toBe(503);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('DATABASE_UNAVAILABLE');
    expect(body.errors[0]!.message).toMatch(/did not complete within 150 ms/);
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(900);
    expect(done[0]).toMatchObject({ operation: 'Ok', status: 503, code: 'DATABASE_UNAVAILABLE' });

    answer.delayMs = 0;
    answer.inDatabase = false;
    const next = await post(url);
    expect(next.status).toBe(200);
    expect(await next.json()).toEqual({ data: { ok: true } });
  });

  it('leaves fast requests alone', async () => {
    const { url } = await start({ requestTimeoutMs: 1_000 }, { delayMs: 10 });
    expect((await post(url)).status).toBe(200);
  });
});

describe('graceful shutdown', () => {
  it('drains a request in flight, then refuses new connections', async () => {
    const { url, done } = await start({}, { delayMs: 400 });
    const inFlight = post(url);
    await sleep(100);
    const closing = running!.close(5_000);
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { ok: true } });
    await closing;
    running = undefined;
    expect(done).toHaveLength(1);
    await expect(post(url)).rejects.toThrow();
  });

  it('gives up on a request that outlives the grace period', async () => {
    const { url } = await start({}, { delayMs: 5_000 });
    const inFlight = post(url).then(
      (res) => res.status,
      () => 'connection closed',
    );
    await sleep(100);
    const started = performance.now();
    await running!.close(200);
    running = undefined;
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toBe('connection closed');
  });
});

describe('admission and reporting', () => {
  it('sends the refusal of the admit hook and reports it', async () => {
    const { url, done } = await start({
      admit: () => ({
        status: 429,
        code: 'RATE_LIMITED',
        headers: { 'retry-after': '7' },
        body: JSON.stringify({ errors: [{ message: 'slow down', extensions: { code: 'RATE_LIMITED' } }] }),
      }),
    });
    const res = await post(url);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      'RATE_LIMITED',
    );
    expect(done[0]).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
  });

  it('reports refused bodies too, with the request id the client sent', async () => {
    const { url, done } = await start();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-123' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toBe('req-123');
    expect(done[0]).toMatchObject({
      requestId: 'req-123',
      operation: 'anonymous',
      status: 400,
      code: 'BAD_USER_INPUT',
      roundTrips: 0,
    });
  });

  it('serves /metrics only when metrics are given', async () => {
    const without = await start();
    expect((await fetch(without.url.replace('/graphql', '/metrics'))).status).toBe(404);
    await running!.close(100);
    const withMetrics = await start({
      metrics: { contentType: 'text/plain; version=0.0.4', render: async () => 'x_total 1\n' },
    });
    const res = await fetch(withMetrics.url.replace('/graphql', '/metrics'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('x_total 1\n');
  });

  it("hands the context the moment the request arrived, so a slow body counts against the request's deadlines", async () => {
    const built: { receivedAt: number; at: number }[] = [];
    const { url } = await start({
      context: async (_req, _id, receivedAt) => {
        built.push({ receivedAt, at: performance.timeOrigin + performance.now() });
        return {};
      },
    });
    const body = JSON.stringify({ query: '{ ok }', operationName: 'Ok' });
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      // Half the body now, the rest 300 ms later: the server is handling the request meanwhile.
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 300);
    });
    expect(status).toBe(200);
    expect(built).toHaveLength(1);
    expect(built[0]!.at - built[0]!.receivedAt).toBeGreaterThanOrEqual(250);
  });
});

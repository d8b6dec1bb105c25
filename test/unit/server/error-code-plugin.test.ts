/**
 * The first error code of a request, as reported to the request log and the metrics, comes from
 * the Apollo plugin (the code the client gets after formatting), and the HTTP status of a request
 * refused as a whole comes from the error catalogue: through the real HTTP front and a real
 * Apollo server over a tiny schema.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { buildSchema, GraphQLError } from 'graphql';
import pino from 'pino';
import { startHttpServer, type RequestDoneInfo, type RunningHttpServer } from '../../../src/server/http-server';
import { createErrorFormatter } from '../../../src/graphql/format-error';
import { errorCodePlugin } from '../../../src/server/metrics/error-code-plugin';
import { requestLimitsPlugin } from '../../../src/server/security/request-limits-plugin';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../../src/domain/errors';
import { postJson } from '../../support/post-json';

let running: RunningHttpServer | undefined;
let apollo: ApolloServer<object> | undefined;
afterEach(async () => {
  await running?.close(100);
  await apollo?.stop();
  running = undefined;
  apollo = undefined;
});

const SCHEMA = buildSchema('type Query { ok: Boolean, missing: String, big: String, other: String }');

/** Starts the HTTP front over Apollo; `contextError` makes context creation fail with it. */
async function start(contextError?: UnauthenticatedError) {
  apollo = new ApolloServer<object>({
    schema: SCHEMA,
    rootValue: {
      ok: () => true,
      missing: () => {
        throw new NotFoundError('no such thing', { items: ['x-1'] });
      },
      big: () => 'x'.repeat(5_000),
      other: () => {
        throw new ForbiddenError();
      },
    },
    formatError: createErrorFormatter({ error: () => undefined }, false),
    plugins: [
      requestLimitsPlugin({
        maxCost: 1_000,
        maxPageSize: 100,
        maxResponseBytes: 2_000,
        text: { search: 100, suggest: 100 },
      }),
      errorCodePlugin(),
    ],
  });
  await apollo.start();
  const done: RequestDoneInfo[] = [];
  running = await startHttpServer<object>(
    {
      apollo,
      logger: pino({ level: 'silent' }),
      maxBodyBytes: 10_000,
      context: async () => {
        if (contextError === undefined) return {};
        // As create-app does: a context failure carries our code and the catalogue's status.
        throw new GraphQLError(contextError.message, {
          extensions: { code: contextError.code, http: { status: contextError.status } },
        });
      },
      ready: async () => true,
      onRequestDone: (info) => done.push(info),
    },
    '127.0.0.1',
    0,
  );
  return { url: running.url, done };
}

describe('first error code', () => {
  it('is undefined for a request without errors', async () => {
    const { url, done } = await start();
    const res = await postJson(url, { query: '{ ok }' });
    expect(res.json.data).toEqual({ ok: true });
    expect(done[0]).toMatchObject({ status: 200, code: undefined });
  });

  it('is the first formatted code of an executed request, which keeps HTTP 200', async () => {
    const { url, done } = await start();
    const res = await postJson(url, { query: '{ missing other }' });
    expect(res.status).toBe(200);
    expect(res.json.errors?.map((error) => error.extensions?.code)).toEqual(['NOT_FOUND', 'FORBIDDEN']);
    expect(done[0]).toMatchObject({ status: 200, code: 'NOT_FOUND' });
  });

  it('is the code that replaced an oversized body, not one of the body it replaced', async () => {
    const { url, done } = await start();
    const res = await postJson(url, { query: '{ big }' });
    expect(res.json.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(done[0]?.code).toBe('RESPONSE_TOO_LARGE');
  });

  it('is BAD_USER_INPUT for a document that does not validate, with HTTP 400', async () => {
    const { url, done } = await start();
    const res = await postJson(url, { query: '{ nope }' });
    expect(res.status).toBe(400);
    expect(done[0]).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
  });

  it('is BAD_USER_INPUT for a request Apollo refuses before its pipeline (no query at all)', async () => {
    const { url, done } = await start();
    const res = await postJson(url, { variables: {} });
    expect(res.status).toBe(400);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(done[0]).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
  });

  it('is the context failure code, with the catalogue status (401 UNAUTHENTICATED)', async () => {
    const { url, done } = await start(new UnauthenticatedError('Authentication failed: bad token'));
    const res = await postJson(url, { query: '{ ok }' });
    expect(res.status).toBe(401);
    expect(res.json.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(done[0]).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('keeps requests apart when they run at the same time', async () => {
    const { url, done } = await start();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        postJson(url, { query: i % 2 === 0 ? '{ ok }' : '{ missing }', operationName: null }),
      ),
    );
    expect(done).toHaveLength(20);
    expect(done.filter((info) => info.code === 'NOT_FOUND')).toHaveLength(10);
    expect(done.filter((info) => info.code === undefined)).toHaveLength(10);
  });
});

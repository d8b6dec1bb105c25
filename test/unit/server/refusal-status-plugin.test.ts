/**
 * A request the compute tier refused whole answers like a refusal: 503, with `retry-after` for
 * SERVER_BUSY; a request that still has data keeps 200 with its field error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import pino from 'pino';
import { startHttpServer, type RunningHttpServer } from '../../../src/server/http-server';
import { createErrorFormatter } from '../../../src/graphql/format-error';
import { refusalStatusPlugin } from '../../../src/server/refusal-status-plugin';
import { RequestTimeoutError, ServerBusyError } from '../../../src/domain/errors';
import { postJson } from '../../support/post-json';

let running: RunningHttpServer | undefined;
let apollo: ApolloServer<object> | undefined;
afterEach(async () => {
  await running?.close(100);
  await apollo?.stop();
  running = undefined;
  apollo = undefined;
});

async function start(): Promise<string> {
  apollo = new ApolloServer<object>({
    schema: buildSchema('type Query { plan: String!, ok: Boolean, slow: String! }'),
    rootValue: {
      plan: () => {
        throw new ServerBusyError('The server is busy', { limit: 8, retryAfterSeconds: 2 });
      },
      slow: () => {
        throw new RequestTimeoutError('The plan could not be computed within its deadline');
      },
      ok: () => true,
    },
    formatError: createErrorFormatter({ error: () => undefined }, false),
    plugins: [refusalStatusPlugin()],
  });
  await apollo.start();
  running = await startHttpServer<object>(
    {
      apollo,
      logger: pino({ level: 'silent' }),
      maxBodyBytes: 10_000,
      context: async () => ({}),
      ready: async () => true,
    },
    '127.0.0.1',
    0,
  );
  return running.url;
}

describe('refusal status', () => {
  it('answers 503 with retry-after when the only field was refused SERVER_BUSY', async () => {
    const res = await postJson(await start(), { query: '{ plan }' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.json).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'SERVER_BUSY', details: { limit: 8, retryAfterSeconds: 2 } } }],
    });
  });

  it('answers 503 without retry-after for REQUEST_TIMEOUT', async () => {
    const res = await postJson(await start(), { query: '{ slow }' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeNull();
  });

  it('keeps 200 when other fields have data', async () => {
    const res = await postJson(await start(), { query: '{ ok }' });
    expect(res.status).toBe(200);
  });
});

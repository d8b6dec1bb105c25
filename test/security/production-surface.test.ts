/**
 * What a production deployment exposes besides GraphQL: no explorer page unless configured, the
 * explorer rate-limited where served, metrics only behind METRICS_TOKEN, and metric labels that
 * clients cannot multiply.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';

const TOKEN = 'metrics-token-0123456789';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const base = (s: TestServer) => s.url.replace(/\/graphql$/, '');
const explorer = (s: TestServer) => fetch(s.url, { headers: { accept: 'text/html' } });

describe('production surface', () => {
  it('production serves no explorer page and no metrics by default', async () => {
    server = await startTestServer({ NODE_ENV: 'production' });
    const page = await explorer(server);
    const body = await page.text();
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(body).not.toMatch(/graphiql|<html/i);
    expect(body.length).toBeLessThan(10_000);
    expect((await fetch(`${base(server)}/metrics`)).status).toBe(404);
  });

  it('metrics need the bearer METRICS_TOKEN when one is configured', async () => {
    server = await startTestServer({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN });
    expect((await fetch(`${base(server)}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${base(server)}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status,
    ).toBe(401);
    const ok = await fetch(`${base(server)}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/credgraph_graphql_requests_total|credgraph_db_pool_max_connections/);
  });

  it('the explorer page counts against the rate limit', async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await explorer(server);
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('operation names of invalid documents never become metric labels', async () => {
    server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    for (let i = 0; i < 20; i += 1) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ nope', operationName: `Junk${i}` }),
      });
      await res.arrayBuffer();
    }
    await server.gql('query ValidName { __typename }');
    const text = await (await fetch(`${base(server)}/metrics`)).text();
    expect(text).not.toMatch(/Junk\d+/);
    expect(text).toMatch(/credgraph_graphql_requests_total\{operation="invalid",outcome="BAD_USER_INPUT"\} 20/);
    expect(text).toMatch(/credgraph_graphql_requests_total\{operation="ValidName",outcome="OK"\} 1/);
  });
});

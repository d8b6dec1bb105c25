/**
 * Issue #14: the explorer page at `/` and its development sign-in. The sign-in hands out demo
 * tokens, so it must never exist in production (configuration refuses it, and the route is gone);
 * the page is served under a strict CSP and only the files built into the web directory are served.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/test-server';
import { ConfigError, loadConfig } from '../../src/config/config';

/** A built page in a temporary directory (the real build is checked by the browser tests). */
function fakeWebDir(): string {
  // A secret next to the web directory: path traversal from /assets/ would reach it.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-web-'));
  fs.writeFileSync(path.join(root, 'credgraph-secret.txt'), 'not for the web');
  const dir = path.join(root, 'web');
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>explorer</title><script type="module" src="/assets/app-1.js"></script>',
  );
  fs.writeFileSync(path.join(dir, 'assets', 'app-1.js'), 'console.log("explorer")');
  return dir;
}

const base = (server: TestServer) => server.url.replace(/\/graphql$/, '');

describe('explorer surface in production', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: 'production', WEB_DIR: fakeWebDir() });
  });
  afterAll(async () => server?.close());

  it('has no development sign-in: POST /dev/sign-in is 404 and mints nothing', async () => {
    const response = await fetch(`${base(server)}/dev/sign-in?persona=advisor`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/token/);
  });

  it('refuses DEV_SIGN_IN=true in production at start', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, DEV_SIGN_IN: 'true' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET, DEV_SIGN_IN: 'true' })).toThrow(
      /DEV_SIGN_IN/,
    );
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_JWT_SECRET }).devSignIn).toBe(false);
  });

  it('is off by default when a real JWT_SECRET is configured, even outside production', () => {
    expect(loadConfig({ JWT_SECRET: TEST_JWT_SECRET }).devSignIn).toBe(false);
    expect(loadConfig({}).devSignIn).toBe(true);
  });

  it('serves the page at / with a strict CSP, and only the built files', async () => {
    const page = await fetch(`${base(server)}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/connect-src 'self'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = await fetch(`${base(server)}/assets/app-1.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    for (const probe of [
      '/assets/../../credgraph-secret.txt',
      '/assets/%2e%2e/%2e%2e/credgraph-secret.txt',
      '/assets/missing.js',
      '/credgraph-secret.txt',
    ]) {
      const response = await fetch(`${base(server)}${probe}`);
      expect(response.status, probe).toBe(404);
      expect(await response.text(), probe).not.toMatch(/not for the web/);
    }
    expect((await fetch(`${base(server)}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('keeps GraphiQL off in production at /graphiql as at /graphql', async () => {
    const response = await fetch(`${base(server)}/graphiql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
  });
});

describe('explorer surface in development', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      NODE_ENV: 'development',
      DEV_SIGN_IN: 'true',
      WEB_DIR: fakeWebDir(),
      GRAPHIQL: 'true',
    });
  });
  afterAll(async () => server?.close());

  it('mints a demo persona token the API accepts, only by POST and only for known personas', async () => {
    const response = await fetch(`${base(server)}/dev/sign-in?persona=learner`, { method: 'POST' });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'demo-ann', roles: ['LEARNER'], learnerId: 'demo-ann' });
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(8 * 3600);
    // Accepted: reading one's own record is allowed (null when the demo is not loaded), not UNAUTHENTICATED.
    const own = await server.gql('{ learner(id: "demo-ann") { id } }', {}, { authorization: `Bearer ${token}` });
    expect(own.errors).toBeUndefined();
    const other = await server.gql('{ learner(id: "someone-else") { id } }', {}, { authorization: `Bearer ${token}` });
    expect(other.errors?.[0]?.extensions?.code).not.toBe('UNAUTHENTICATED');
    expect((await fetch(`${base(server)}/dev/sign-in?persona=learner`)).status).toBe(405);
    const admin = await fetch(`${base(server)}/dev/sign-in?persona=admin`, { method: 'POST' });
    expect(admin.status).toBe(400);
    expect(await admin.text()).not.toMatch(/"token"/);
    const proto = await fetch(`${base(server)}/dev/sign-in?persona=__proto__`, { method: 'POST' });
    expect(proto.status).toBe(400);
  });

  it('serves GraphiQL at /graphiql', async () => {
    const response = await fetch(`${base(server)}/graphiql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/graphiql/i);
    // Never framed, never sniffed, also at GET /graphql from a browser.
    for (const page of [response, await fetch(`${base(server)}/graphql`, { headers: { accept: 'text/html' } })]) {
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

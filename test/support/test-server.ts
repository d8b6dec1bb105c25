/**
 * Starts the real API (the same `createApp` as `npm start`) on a free port against the run's
 * Neo4j, and posts GraphQL to it over HTTP.
 */
import { loadConfig, type Config } from '../../src/config/config';
import { createApp, type App } from '../../src/server/create-app';
import { createLogger } from '../../src/server/logger';
import type { RunningHttpServer } from '../../src/server/http-server';
import { openTestDatabase, type TestDatabase } from './test-database';
import { signToken, type TokenClaims } from '../../src/auth/sign-token';

/** The HS256 secret test servers verify tokens with. */
export const TEST_JWT_SECRET = 'credgraph-test-secret-0123456789abcdef';

/** An Authorization header for the claims. */
export async function bearer(claims: TokenClaims, expiresIn: string | number = '10m'): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signToken(claims, TEST_JWT_SECRET, expiresIn)}` };
}

/** Headers of an anonymous call. */
export const ANONYMOUS_HEADERS: Record<string, string> = { authorization: '' };

/** A running server for one test file. */
export interface TestServer {
  readonly url: string;
  readonly db: TestDatabase;
  readonly app: App;
  readonly config: Config;
  /** POSTs one operation (as ADMIN unless `headers` say otherwise); returns status, body and round trips. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

/** A GraphQL response as the client sees it. */
export interface GqlResponse<T> {
  status: number;
  data: T;
  errors:
    | { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: (string | number)[] }[]
    | undefined;
  /** The response's `extensions` (e.g. `warnings`), when it has any. */
  extensions: Record<string, unknown> | undefined;
  roundTrips: number;
  headers: Headers;
}

/** Starts a server; `env` overrides configuration variables (NEO4J_URI is the run's database). */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await openTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: db.uri,
    JWT_SECRET: TEST_JWT_SECRET,
    ...env,
  });
  const admin = await bearer({ sub: 'test-admin', roles: ['ADMIN'] }, '2h');
  const app = await createApp(config, createLogger(config.logLevel), db.executor, db.driver);
  await app.compute.warmUp();
  const running: RunningHttpServer = await app.listen('127.0.0.1', 0);
  return {
    url: running.url,
    db,
    app,
    config,
    async gql<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = admin) {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as {
        data: T;
        errors?: GqlResponse<T>['errors'];
        extensions?: Record<string, unknown>;
      };
      return {
        status: response.status,
        data: body.data,
        errors: body.errors,
        extensions: body.extensions,
        roundTrips: Number(response.headers.get('x-db-round-trips') ?? NaN),
        headers: response.headers,
      };
    },
    async close() {
      await running.close(1_000);
      await app.stop();
      await db.close();
    },
  };
}

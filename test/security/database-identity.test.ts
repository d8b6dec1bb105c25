/**
 * The API serves only the database it adopted at start. It reaches the run's Neo4j (A) through a
 * proxy; re-pointing the proxy to a second, throwaway Neo4j (B, migrations applied, identity of
 * its own) is what the API sees when its Neo4j died and another came up at the same address.
 * Then `/ready` answers 503 naming the reason and requests get DATABASE_UNAVAILABLE; back on A it
 * serves again; a new server (a restart) adopts B.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { startLocalNeo4j, type LocalNeo4jInstance } from '../../src/db/local-neo4j';
import { createDriver } from '../../src/db/create-driver';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { Neo4jExecutor } from '../../src/db/neo4j-executor';
import { applyMigrations } from '../../src/db/apply-migrations';
import { DatabaseIdentityRepository } from '../../src/db/repositories/database-identity-repository';
import { loadConfig } from '../../src/config/config';
import { createApp, type App } from '../../src/server/create-app';
import { createLogger } from '../../src/server/logger';
import type { RunningHttpServer } from '../../src/server/http-server';
import { TEST_JWT_SECRET } from '../support/test-server';
import { startBoltProxy, type BoltProxy } from '../support/bolt-proxy';

const CHECK_MS = 500;
const QUERY = '{ searchSkills(text: "welding", first: 1) { uri } }';
let dataDir: string;
let neo4jB: LocalNeo4jInstance;
let driverB: Driver;
let proxy: BoltProxy;
let driver: Driver;
const apps: { app: App; running: RunningHttpServer }[] = [];
const portA = () => Number(new URL(inject('neo4jUri')).port);

async function startApp() {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: proxy.uri,
    JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '100000',
    NEO4J_IDENTITY_CHECK_MS: String(CHECK_MS),
  });
  const app = await createApp(config, createLogger('silent'), new Neo4jExecutor(driver, CypherRegistry.load()), driver);
  const running = await app.listen('127.0.0.1', 0);
  apps.push({ app, running });
  return running.url;
}

async function query(url: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  return { status: res.status, code: body.errors?.[0]?.extensions?.code, message: body.errors?.[0]?.message };
}

async function ready(url: string) {
  const res = await fetch(url.replace(/\/graphql$/, '/ready'));
  return { status: res.status, body: (await res.json()) as { status: string; reason?: string } };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-identity-b-'));
  neo4jB = await startLocalNeo4j({ dataDir, heap: '512m', pageCache: '64m', log: () => undefined });
  driverB = createDriver({ uri: neo4jB.uri, user: 'neo4j', password: '' });
  const registry = CypherRegistry.load();
  const executorB = new Neo4jExecutor(driverB, registry);
  // A freshly started JVM on a busy machine can miss the driver's short connection timeout: retry.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await applyMigrations(executorB, registry);
      break;
    } catch (error) {
      if (attempt >= 10) throw error;
      await sleep(1_000);
    }
  }
  // B is somebody's credgraph database too: it carries an identity of its own.
  await new DatabaseIdentityRepository(executorB).adopt('identity-test-database-b', 1);
  proxy = await startBoltProxy(portA());
  driver = createDriver({ uri: proxy.uri, user: inject('neo4jUser'), password: inject('neo4jPassword') });
});

afterAll(async () => {
  for (const { app, running } of apps) {
    await running.close(1_000);
    await app.stop();
  }
  await driver?.close();
  await proxy?.close();
  await driverB?.close();
  await neo4jB?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('database identity', () => {
  it('refuses to serve another database that came up at the same address, and resumes on its own', async () => {
    const url = await startApp();
    expect(await query(url)).toMatchObject({ status: 200, code: undefined });
    expect((await ready(url)).status).toBe(200);

    proxy.retarget(neo4jB.port);
    // The earliest another Neo4j can answer after the first died: later than one check interval.
    await sleep(CHECK_MS + 100);
    for (let i = 0; i < 3; i += 1) {
      const res = await query(url);
      expect(res).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(res.message).toMatch(/not the database this server started with/);
    }
    const notReady = await ready(url);
    expect(notReady.status).toBe(503);
    expect(notReady.body.reason).toMatch(/instance identity-test-database-b, not instance/);

    proxy.retarget(portA());
    await sleep(CHECK_MS + 100);
    expect(await query(url)).toMatchObject({ status: 200, code: undefined });
    expect((await ready(url)).status).toBe(200);
  });

  it('a new server (a restart) adopts the database it finds', async () => {
    proxy.retarget(neo4jB.port);
    const url = await startApp();
    expect((await ready(url)).status).toBe(200);
    expect(apps.at(-1)!.app.identity.expected.instanceId).toBe('identity-test-database-b');
    // Its predecessor, adopted on A, still refuses B.
    expect((await ready(apps[0]!.running.url)).status).toBe(503);
    proxy.retarget(portA());
  });
});

/**
 * What clients see when Neo4j goes away and comes back. This file starts its OWN throwaway Neo4j
 * (temporary store, fixed port so a restart reuses it) with the demo seed, never the shared test
 * database, and really stops and restarts that process under traffic:
 * - reads during the outage fail fast with DATABASE_UNAVAILABLE, `/ready` answers 503, `/health`
 *   still answers;
 * - the API recovers by itself once Neo4j is back (no restart of the server);
 * - mutations cut off by a crash (SIGKILL) are committed whole or not at all, and every
 *   acknowledged one survives.
 * Timings are printed to stderr for the record.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, startLocalNeo4j, type LocalNeo4jInstance } from '../../src/db/local-neo4j';
import { createDriver } from '../../src/db/create-driver';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { Neo4jExecutor } from '../../src/db/neo4j-executor';
import { applyMigrations } from '../../src/db/apply-migrations';
import { loadDemoSeed } from '../../src/esco/import/demo-seed';
import { loadConfig } from '../../src/config/config';
import { createApp, type App } from '../../src/server/create-app';
import { createLogger } from '../../src/server/logger';
import type { RunningHttpServer } from '../../src/server/http-server';
import { TEST_JWT_SECRET, bearer } from '../support/test-server';

const READ_QUERY =
  '{ searchOccupations(text: "software developer", first: 3) { uri preferredLabel essentialSkills(first: 5) { nodes { uri } } } }';
const UPSERT_CREDENTIAL = 'mutation($input: MicroCredentialInput!) { upsertMicroCredential(input: $input) { id } }';
const SKILLS_PER_CREDENTIAL = 8;
/** "About a second": the driver settings aim at ~1 s; the margin absorbs a busy 2-core machine. */
const FAIL_FAST_MS = 1_500;

interface Outcome {
  readonly started: number;
  readonly ended: number;
  readonly status: number;
  readonly code: string | undefined;
  readonly ok: boolean;
}

let dataDir: string;
let port: number;
let neo4j: LocalNeo4jInstance | undefined;
let driver: Driver;
let app: App;
let running: RunningHttpServer;
let headers: Record<string, string>;
let base: string;

const log = (line: string) => process.stderr.write(`[failure-behaviour] ${line}\n`);

async function startNeo4j(): Promise<LocalNeo4jInstance> {
  return startLocalNeo4j({ dataDir, port, heap: '512m', pageCache: '128m', log: () => undefined });
}

async function post(
  query: string,
  variables?: Record<string, unknown>,
): Promise<Outcome & { body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const started = performance.now();
  const response = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const code = body.errors?.[0]?.extensions?.code;
  return {
    started,
    ended: performance.now(),
    status: response.status,
    code,
    ok: response.status === 200 && body.errors === undefined,
    body,
  };
}

async function statusOf(pathname: string): Promise<number> {
  return (await fetch(base + pathname)).status;
}

/** Runs `workers` loops of `request` until `stop()` is called; resolves every outcome. */
function traffic(workers: number, request: (worker: number, i: number) => Promise<Outcome>) {
  let running = true;
  const outcomes: Outcome[] = [];
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let i = 0; running && i < 10_000; i += 1) {
      outcomes.push(await request(worker, i));
    }
  });
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-failure-neo4j-'));
  port = await findFreePort();
  neo4j = await startNeo4j();
  driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password: '' });
  const registry = CypherRegistry.load();
  const executor = new Neo4jExecutor(driver, registry);
  await applyMigrations(executor, registry);
  await loadDemoSeed(executor);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: neo4j.uri,
    JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  app = await createApp(config, createLogger('silent'), executor, driver);
  running = await app.listen('127.0.0.1', 0);
  base = running.url.replace(/\/graphql$/, '');
  headers = await bearer({ sub: 'failure-admin', roles: ['ADMIN'] }, '2h');
});

afterAll(async () => {
  await running?.close(1_000);
  await app?.stop();
  await driver?.close();
  await neo4j?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('Neo4j stops and returns under traffic', () => {
  it('serves normally before the outage', async () => {
    const res = await post(READ_QUERY);
    expect(res.ok).toBe(true);
    expect(await statusOf('/ready')).toBe(200);
  });

  it('fails fast with DATABASE_UNAVAILABLE while Neo4j is down; /ready 503, /health 200', async () => {
    const load = traffic(6, () => post(READ_QUERY));
    await sleep(1_000);
    const stopping = performance.now();
    await neo4j!.stop();
    const stopped = performance.now();
    neo4j = undefined;
    log(`Neo4j stopped (SIGTERM) in ${Math.round(stopped - stopping)} ms`);
    await sleep(3_000);
    const ready = await statusOf('/ready');
    const health = await statusOf('/health');
    const outcomes = await load.stop();

    const before = outcomes.filter((o) => o.ended < stopping);
    const during = outcomes.filter((o) => o.ended >= stopping && o.started < stopped);
    const after = outcomes.filter((o) => o.started >= stopped);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((o) => o.ok)).toBe(true);
    // Cut off mid-shutdown: either answered or refused as unavailable, never anything else.
    expect(
      during
        .filter((o) => !o.ok)
        .map((o) => o.code)
        .every((code) => code === 'DATABASE_UNAVAILABLE'),
    ).toBe(true);
    expect(after.length).toBeGreaterThan(10);
    expect(after.map((o) => o.code)).toEqual(after.map(() => 'DATABASE_UNAVAILABLE'));
    const millis = after.map((o) => o.ended - o.started);
    log(
      `time to DATABASE_UNAVAILABLE with Neo4j down: n=${millis.length} median ${Math.round(percentile(millis, 50))} ms, p95 ${Math.round(percentile(millis, 95))} ms, max ${Math.round(Math.max(...millis))} ms`,
    );
    expect(Math.max(...millis)).toBeLessThan(FAIL_FAST_MS);
    expect(ready).toBe(503);
    expect(health).toBe(200);
  });

  it('keeps answering /health and /ready (503) promptly during the outage', async () => {
    const started = performance.now();
    expect(await statusOf('/ready')).toBe(503);
    expect(performance.now() - started).toBeLessThan(FAIL_FAST_MS);
    expect(await statusOf('/health')).toBe(200);
  });

  it('resumes by itself when Neo4j returns on the same port', async () => {
    const restarting = performance.now();
    neo4j = await startNeo4j();
    const neo4jReady = performance.now();
    let readyAt = NaN;
    for (let i = 0; i < 300; i += 1) {
      if ((await statusOf('/ready')) === 200) {
        readyAt = performance.now();
        break;
      }
      await sleep(100);
    }
    expect(Number.isFinite(readyAt)).toBe(true);
    const res = await post(READ_QUERY);
    const servingAt = performance.now();
    expect(res.ok).toBe(true);
    log(
      `Neo4j restart took ${Math.round(neo4jReady - restarting)} ms; the API was ready ${Math.round(readyAt - neo4jReady)} ms and served a query ${Math.round(servingAt - neo4jReady)} ms after Neo4j was up`,
    );
  });

  it('commits each mutation whole or not at all when Neo4j is killed mid-write', async () => {
    const prefix = `fb-${Date.now().toString(36)}`;
    const provider = await post('mutation($input: ProviderInput!) { upsertProvider(input: $input) { id } }', {
      input: { id: `${prefix}-provider`, name: 'Failure test provider', country: 'DE' },
    });
    expect(provider.ok).toBe(true);
    const skills = await post('{ searchSkills(text: "software", first: 40) { uri } }');
    const skillUris = (skills.body.data as { searchSkills: { uri: string }[] }).searchSkills.map((s) => s.uri);
    expect(skillUris.length).toBeGreaterThanOrEqual(SKILLS_PER_CREDENTIAL + 4);

    const attempted = new Map<string, boolean>();
    const upsert = async (worker: number, i: number) => {
      const id = `${prefix}-w${worker}-${i}`;
      const offset = (worker * 7 + i) % (skillUris.length - SKILLS_PER_CREDENTIAL);
      const input = {
        id,
        title: `Failure test credential ${worker}/${i}`,
        providerId: `${prefix}-provider`,
        skills: skillUris.slice(offset, offset + SKILLS_PER_CREDENTIAL).map((uri) => ({ uri })),
      };
      const outcome = await post(UPSERT_CREDENTIAL, { input });
      attempted.set(id, outcome.ok);
      return outcome;
    };
    // A freshly started Neo4j plans its queries slowly; warm the write path up first.
    expect((await upsert(99, 0)).ok).toBe(true);
    const load = traffic(4, upsert);
    for (let i = 0; i < 100 && [...attempted.values()].filter(Boolean).length < 8; i += 1) await sleep(100);
    const crashed = performance.now();
    process.kill(neo4j!.pid, 'SIGKILL');
    await neo4j!.exited;
    neo4j = undefined;
    await sleep(1_500);
    const outcomes = await load.stop();
    const acknowledged = [...attempted].filter(([, ok]) => ok).map(([id]) => id);
    const refused = outcomes.filter((o) => !o.ok);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((o) => o.code === 'DATABASE_UNAVAILABLE')).toBe(true);
    expect(outcomes.filter((o) => o.started > crashed).every((o) => o.ended - o.started < FAIL_FAST_MS)).toBe(true);

    neo4j = await startNeo4j();
    const check = createDriver({ uri: neo4j.uri, user: 'neo4j', password: '' });
    try {
      const session = check.session();
      const result = await session.run(
        `UNWIND $ids AS id
         OPTIONAL MATCH (c:MicroCredential {id: id})
         RETURN id, c IS NOT NULL AS exists, COUNT { (c)-[:TEACHES]->(:Skill) } AS teaches, COUNT { (c)-[:AWARDED_BY]->(:Provider) } AS awardedBy`,
        { ids: [...attempted.keys()] },
      );
      await session.close();
      const rows = result.records.map(
        (r) => r.toObject() as { id: string; exists: boolean; teaches: number; awardedBy: number },
      );
      const partial = rows.filter((r) => r.exists && (r.teaches !== SKILLS_PER_CREDENTIAL || r.awardedBy !== 1));
      const lost = rows.filter((r) => attempted.get(r.id) === true && !r.exists);
      const whole = rows.filter((r) => r.exists).length;
      log(
        `writes: ${attempted.size} attempted, ${acknowledged.length} acknowledged, ${whole} stored whole, ${rows.length - whole} absent, ${partial.length} partial, ${lost.length} acknowledged but lost`,
      );
      expect(partial).toEqual([]);
      expect(lost).toEqual([]);
    } finally {
      await check.close();
    }
    for (let i = 0; i < 300 && (await statusOf('/ready')) !== 200; i += 1) await sleep(100);
    expect((await post(READ_QUERY)).ok).toBe(true);
  });
});

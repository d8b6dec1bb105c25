/**
 * Freshness across replicas (issue #12 item 2): two API processes over one Neo4j, each with its
 * own read model. A write through A is in A's answer to the very next request, and in B's within
 * 2 s (B learns of it by polling the change log).
 */
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { buildProject, spawnServer, type SpawnedServer } from '../support/process-probes';
import { uniquePrefix } from '../support/test-database';
import { signToken } from '../../src/auth/sign-token';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/src/main.js');
const SECRET = 'credgraph-replicas-test-secret-0123456789';
const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const prefix = uniquePrefix('replicas');

let a: SpawnedServer;
let b: SpawnedServer;
let auth: Record<string, string>;
let essentials: string[];

function start(): Promise<SpawnedServer> {
  return spawnServer(MAIN, ROOT, {
    PATH: process.env.PATH ?? '',
    HOME: os.homedir(),
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    PORT: '0',
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: inject('neo4jUser'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    JWT_SECRET: SECRET,
    SEED_ON_EMPTY: 'false',
    COMPUTE_SOURCE: 'memory',
    READ_MODEL_POLL_MS: '500',
  });
}

async function gql(server: SpawnedServer, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const COVERAGE = `query($l: ID!, $o: ID!) {
  coverage(subject: { learnerId: $l }, target: { occupationUri: $o }) { score essentialCoverage } }`;

/** The learner's coverage of the occupation on a server, or the error code. */
async function coverage(server: SpawnedServer, learnerId: string): Promise<number | string> {
  const res = await gql(server, COVERAGE, { l: learnerId, o: SOFTWARE_DEVELOPER });
  return res.errors ? String(res.errors[0].extensions?.code) : (res.data.coverage.essentialCoverage as number);
}

/** Polls B until `ok` holds; returns the milliseconds it took. */
async function timeUntil(server: SpawnedServer, learnerId: string, ok: (v: number | string) => boolean) {
  const started = performance.now();
  for (;;) {
    const value = await coverage(server, learnerId);
    const elapsed = performance.now() - started;
    if (ok(value)) return elapsed;
    if (elapsed > 5_000) throw new Error(`not seen after ${Math.round(elapsed)} ms (last: ${value})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  buildProject(ROOT);
  auth = { authorization: `Bearer ${await signToken({ sub: 'replicas-admin', roles: ['ADMIN'] }, SECRET, '1h')}` };
  const driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic(inject('neo4jUser'), inject('neo4jPassword')));
  try {
    const res = await driver.executeQuery(
      `MATCH (:Occupation {uri: $uri})-[:REQUIRES {relation: 'ESSENTIAL'}]->(s:Skill) RETURN s.uri AS uri ORDER BY uri`,
      { uri: SOFTWARE_DEVELOPER },
    );
    essentials = res.records.map((r) => r.get('uri') as string);
  } finally {
    await driver.close();
  }
  [a, b] = await Promise.all([start(), start()]);
}, 240_000);

afterAll(async () => {
  for (const server of [a, b]) {
    if (!server) continue;
    server.child.kill('SIGTERM');
    await server.exited;
  }
  const driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic(inject('neo4jUser'), inject('neo4jPassword')));
  await driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
  await driver.close();
}, 60_000);

describe('two API processes on one database', () => {
  it('both load the read model at start (and log it)', () => {
    for (const server of [a, b]) expect(server.output()).toMatch(/read model loaded/);
  });

  it('a new learner is on A at once and on B within 2 s', async () => {
    const learnerId = `${prefix}-l1`;
    expect(await coverage(b, learnerId)).toBe('NOT_FOUND');
    const created = await gql(a, `mutation($l: LearnerInput!) { createLearner(input: $l) { id } }`, {
      l: { id: learnerId, displayName: 'Replica', declaredSkillUris: essentials.slice(0, 2) },
    });
    expect(created.errors).toBeUndefined();
    const onA = await coverage(a, learnerId);
    expect(typeof onA === 'number' && onA > 0, String(onA)).toBe(true);
    const elapsed = await timeUntil(b, learnerId, (v) => typeof v === 'number');
    expect(await coverage(b, learnerId)).toBe(onA);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('a changed learner is changed on A at once and on B within 2 s', async () => {
    const learnerId = `${prefix}-l1`;
    const before = await coverage(b, learnerId);
    const declared = await gql(
      a,
      `mutation($l: ID!, $s: [ID!]!) { declareSkills(learnerId: $l, skillUris: $s, replace: true) { id } }`,
      { l: learnerId, s: essentials.slice(0, 5) },
    );
    expect(declared.errors).toBeUndefined();
    const expected = await coverage(a, learnerId);
    expect(
      typeof expected === 'number' && typeof before === 'number' && expected > before,
      `${before} → ${expected}`,
    ).toBe(true);
    const elapsed = await timeUntil(b, learnerId, (v) => v === expected);
    expect(elapsed).toBeLessThan(2_000);
    // And the other way round: a write through B, read on B at once and on A soon after.
    await gql(b, `mutation($l: ID!) { deleteLearner(learnerId: $l) }`, { l: learnerId });
    expect(await coverage(b, learnerId)).toBe('NOT_FOUND');
    expect(await timeUntil(a, learnerId, (v) => v === 'NOT_FOUND')).toBeLessThan(2_000);
  });
  it("a provider renamed through A shows with its courses on B within 2 s (B's cached pages included)", async () => {
    const providerId = `${prefix}-p1`;
    const skill = essentials[0]!;
    const setup = await gql(
      a,
      `mutation($c: MicroCredentialInput!) {
        upsertProvider(input: { id: "${providerId}", name: "Replica Academy" }) { id }
        upsertMicroCredential(input: $c) { id } }`,
      { c: { id: `${prefix}-c1`, title: 'AAAA replica course', providerId, skills: [{ uri: skill }] } },
    );
    expect(setup.errors).toBeUndefined();
    const providerName = async (server: SpawnedServer): Promise<string | undefined> => {
      const res = await gql(
        server,
        `{ skill(uri: "${skill}") { taughtBy(first: 3) { nodes { id provider { name } } } } }`,
      );
      return res.data?.skill?.taughtBy.nodes.find((n: any) => n.id === `${prefix}-c1`)?.provider?.name;
    };
    const until = async (server: SpawnedServer, name: string) => {
      const started = performance.now();
      while ((await providerName(server)) !== name) {
        if (performance.now() - started > 5_000) throw new Error(`${name} not seen after 5 s`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return performance.now() - started;
    };
    expect(await until(b, 'Replica Academy')).toBeLessThan(2_000);
    // B may have read the page before its model applied the new course (which then empties its
    // caches): past two polling intervals, the page and its records stay cached on B.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await providerName(b)).toBe('Replica Academy');
    const renamed = await gql(
      a,
      `mutation { upsertProvider(input: { id: "${providerId}", name: "Replica Institute" }) { id } }`,
    );
    expect(renamed.errors).toBeUndefined();
    expect(await providerName(a)).toBe('Replica Institute');
    expect(await until(b, 'Replica Institute')).toBeLessThan(2_000);
  });
});

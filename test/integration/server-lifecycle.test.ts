/**
 * `npm start` as a user runs it: the built server as a child process with its own local Neo4j.
 * A start stopped during the demo load leaves it to the next start, which finishes it. The first
 * start to serve has seeded an empty graph; SIGTERM stops the server and its Neo4j; a second
 * start reuses the data without seeding; an unreachable NEO4J_URI fails fast naming the URI.
 * The first start also runs every ```graphql example of the README against the fresh demo.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/db/local-neo4j';
import { allocatorInMaps } from '../../src/server/memory-allocator';
import { buildProject, isAlive, spawnServer, type SpawnedServer } from '../support/process-probes';
import { hasContent, readmeExamples, runExample } from '../support/readme-examples';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/src/main.js');
const MINT = path.join(ROOT, 'dist/src/cli/mint-token.js');

/** A demo persona's token from the built `npm run token -- --demo <persona>`, as the README tells a user. */
function demoToken(persona: string): string {
  return execFileSync(process.execPath, [MINT, '--demo', persona], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: os.homedir() },
    encoding: 'utf8',
  }).trim();
}
let dataDir: string;
let boltPort: number;

type Started = SpawnedServer;

/** `npm start`'s launcher: the allocator script, which then runs Node on the entry. */
const START_SCRIPT = ['sh', path.join(ROOT, 'tools/start-with-allocator.sh')];

function startServer(env: Record<string, string>): Promise<Started> {
  return spawnServer(
    MAIN,
    ROOT,
    { PATH: process.env.PATH ?? '', HOME: os.homedir(), LOG_LEVEL: 'info', PORT: '0', ...env },
    { launcher: START_SCRIPT },
  );
}

/**
 * Issue #13 item 2: every README example answers on the demo, without errors and with something
 * meaningful: a PLANNED plan with steps, ranked candidates, a learner's coverage.
 */
async function checkReadmeExamples(url: string): Promise<void> {
  const examples = readmeExamples(ROOT);
  expect(examples.length).toBeGreaterThanOrEqual(8);
  expect(new Set(examples.map((e) => e.persona))).toEqual(new Set([null, 'learner', 'advisor', 'portal']));
  const seen = new Set<string>();
  for (const example of examples) {
    const answer = await runExample(url, example, demoToken);
    expect(answer.errors, example.title).toBeUndefined();
    for (const [field, value] of Object.entries(answer.data ?? {})) {
      expect(hasContent(value), `${example.title}: ${field}`).toBe(true);
      seen.add(field);
      const v = value as Record<string, any>;
      if (field === 'searchOccupations') expect(v[0].preferredLabel).toBe('data analyst');
      if (field === 'recommendCourses') {
        expect(v.status, example.title).toBe('PLANNED');
        expect(v.steps.length, example.title).toBeGreaterThan(0);
      }
      if (field === 'rankCandidates') {
        expect(v.nodes.length).toBeGreaterThan(1);
        expect(v.nodes[0].score).toBeGreaterThan(0);
      }
      if (field === 'learner' && v.coverage) {
        expect(v.coverage.score).toBeGreaterThan(0);
        expect(v.coverage.requirements.length).toBeGreaterThan(0);
      }
      if (field === 'learner' && v.closestOccupations) expect(v.closestOccupations.nodes.length).toBeGreaterThan(0);
      // The hierarchy example shows where the occupation sits; the browse example who teaches its skills.
      if (field === 'occupation' && v.iscoPath) expect(v.iscoPath.length).toBeGreaterThan(0);
      else if (field === 'occupation')
        expect(v.essentialSkills.nodes.some((n: any) => n.taughtBy.nodes.length > 0)).toBe(true);
      if (field === 'skillsInCollection') expect(v.nodes.length).toBeGreaterThan(0);
    }
  }
  expect([...seen].sort()).toEqual([
    'coverage',
    'learner',
    'occupation',
    'rankCandidates',
    'rankOccupations',
    'recommendCourses',
    'searchOccupations',
    'skillsInCollection',
  ]);
}

async function search(url: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ searchOccupations(text: "software developer", first: 3) { uri preferredLabel } }',
    }),
  });
  return (await res.json()) as { data: { searchOccupations: { preferredLabel: string }[] } };
}

beforeAll(() => {
  buildProject(ROOT);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-start-'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the server as `npm start` runs it', () => {
  it('seeds an empty graph with the demo (finishing a load a signal interrupted), answers every README example, and SIGTERM stops its Neo4j; a second start reuses the data', {
    timeout: 360_000,
  }, async () => {
    boltPort = await findFreePort();
    const env = { NEO4J_LOCAL_DATA_DIR: dataDir, NEO4J_LOCAL_PORT: String(boltPort) };
    // A start stopped by a signal during the demo load (ESCO seed done, demo data half written)...
    let seen = '';
    let signalled = false;
    const interrupted = spawnServer(
      MAIN,
      ROOT,
      { PATH: process.env.PATH ?? '', HOME: os.homedir(), LOG_LEVEL: 'info', PORT: '0', ...env },
      {
        onSpawn: (child) => {
          const watch = (chunk: Buffer) => {
            seen += chunk.toString();
            if (!signalled && /loading the invented demo catalog/.test(seen)) {
              signalled = true;
              child.kill('SIGTERM');
            }
          };
          child.stdout!.on('data', watch);
          child.stderr!.on('data', watch);
        },
      },
    );
    await expect(interrupted).rejects.toThrow(/before serving/);
    expect(seen).toMatch(/Empty graph: loading the ESCO demo seed/);
    expect(seen).toMatch(/shutting down/);
    expect(seen).not.toMatch(/demo catalog, learners, advisor grants and portal postings loaded/);
    // The state file goes with a clean stop; the start-up log names the Neo4j it started.
    const stoppedJava = Number(/Local Neo4j ready at \S+ in [\d.]+ s \(pid (\d+)\)/.exec(seen)?.[1]);
    expect(stoppedJava).toBeGreaterThan(0);
    for (let i = 0; i < 50 && isAlive(stoppedJava); i += 1) await new Promise((r) => setTimeout(r, 200));
    expect(isAlive(stoppedJava)).toBe(false);

    // ...is finished by the next start: the partial demo data is replaced, not added to.
    const first = await startServer(env);
    expect(first.output()).toMatch(/stopped while loading the demo: removing its partial demo data/);
    expect(first.output()).not.toMatch(/loading the ESCO demo seed/);
    expect(first.output()).toMatch(/This is a DEMO.*npm run esco:import.*npm run catalog:import/);
    // Issue #13: the demo catalog and population load within 15 s.
    const demo =
      /"demo":\{"providers":(\d+),"credentials":(\d+),"learners":(\d+),"postings":(\d+),"millis":(\d+)\}/.exec(
        first.output(),
      );
    expect(demo).not.toBeNull();
    const [providers, credentials, learners, postings, millis] = demo!.slice(1).map(Number);
    expect(providers).toBeGreaterThanOrEqual(15);
    expect(credentials).toBeGreaterThanOrEqual(300);
    expect(learners).toBeGreaterThanOrEqual(40);
    expect(postings).toBeGreaterThan(0);
    expect(millis).toBeLessThanOrEqual(15_000);
    expect((await search(first.url)).data.searchOccupations[0]!.preferredLabel).toBe('software developer');
    await checkReadmeExamples(first.url);
    // The start script replaced itself with the server (same pid), which logs the allocator it
    // really has: jemalloc wherever the system has the library (the script's message otherwise).
    const logged = /"allocator":"(\w+)"[^\n]*memory allocator/.exec(first.output())?.[1];
    const mapped = allocatorInMaps(fs.readFileSync(`/proc/${first.child.pid}/maps`, 'utf8'));
    expect(logged).toBe(mapped);
    if (mapped === 'system') expect(first.output()).toMatch(/jemalloc not found/);
    const javaPid = JSON.parse(fs.readFileSync(path.join(dataDir, 'local-neo4j.json'), 'utf8')).pid as number;
    expect(isAlive(javaPid)).toBe(true);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    for (let i = 0; i < 50 && isAlive(javaPid); i += 1) await sleep(200);
    expect(isAlive(javaPid)).toBe(false);

    const second = await startServer(env);
    expect(second.output()).not.toMatch(/loading the ESCO demo seed/);
    expect((await search(second.url)).data.searchOccupations[0]!.preferredLabel).toBe('software developer');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('fails within seconds, naming the URI, when NEO4J_URI points where nothing listens', async () => {
    const port = await findFreePort();
    const uri = `bolt://127.0.0.1:${port}`;
    const started = Date.now();
    await expect(startServer({ NEO4J_URI: uri })).rejects.toThrow(
      new RegExp(`Cannot reach Neo4j at ${uri.replace(/[.]/g, '\\.')}`),
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

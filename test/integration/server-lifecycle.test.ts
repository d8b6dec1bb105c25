/**
 * `npm start` as a user runs it: the built server as a child process with its own local Neo4j.
 * First start seeds an empty graph and serves; SIGTERM stops the server and its Neo4j; a second
 * start reuses the data without seeding; an unreachable NEO4J_URI fails fast naming the URI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/db/local-neo4j';
import { buildProject, isAlive } from '../support/process-probes';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/src/main.js');
let dataDir: string;
let boltPort: number;

interface Started { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> }

function startServer(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), LOG_LEVEL: 'info', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /serving GraphQL at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve({ child, url: match[1]!, output: () => output, exited });
      }
    }, 200);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited (${code}) before serving:\n${output}`));
    });
  });
}

async function search(url: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ searchOccupations(text: "software developer", first: 3) { uri preferredLabel } }' }) });
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
  it('seeds an empty graph, serves, and SIGTERM stops its Neo4j; a second start reuses the data', async () => {
    boltPort = await findFreePort();
    const env = { NEO4J_LOCAL_DATA_DIR: dataDir, NEO4J_LOCAL_PORT: String(boltPort) };
    const first = await startServer(env);
    expect(first.output()).toMatch(/loading the ESCO demo seed/);
    expect((await search(first.url)).data.searchOccupations[0]!.preferredLabel).toBe('software developer');
    const javaPid = JSON.parse(fs.readFileSync(path.join(dataDir, 'local-neo4j.json'), 'utf8')).pid as number;
    expect(isAlive(javaPid)).toBe(true);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    for (let i = 0; i < 50 && isAlive(javaPid); i += 1) await new Promise((r) => setTimeout(r, 200));
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
    await expect(startServer({ NEO4J_URI: uri })).rejects.toThrow(new RegExp(`Cannot reach Neo4j at ${uri.replace(/[.]/g, '\\.')}`));
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

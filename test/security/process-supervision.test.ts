/**
 * The built processes as operators run them:
 * - `npm start` restarts its local Neo4j when the Java process is killed (SIGKILL) and serves
 *   again; with no restarts allowed it exits non-zero instead of living on unable to serve;
 * - `npm run token` mints only tokens the server accepts (within JWT_MAX_LIFETIME_SECONDS).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../src/db/local-neo4j';
import { buildProject, isAlive, spawnServer, type SpawnedServer } from '../support/process-probes';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/src/main.js');
const MINT = path.join(ROOT, 'dist/src/cli/mint-token.js');
const dirs: string[] = [];
const children: ChildProcess[] = [];

interface Started extends SpawnedServer {
  dataDir: string;
}

function baseEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: os.homedir(),
    ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
  };
}

async function startServer(extra: Record<string, string>): Promise<Started> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-supervise-'));
  dirs.push(dataDir);
  const env = {
    ...baseEnv(),
    LOG_LEVEL: 'info',
    PORT: '0',
    SEED_ON_EMPTY: 'false',
    NEO4J_LOCAL_DATA_DIR: dataDir,
    NEO4J_LOCAL_PORT: String(await findFreePort()),
    NEO4J_LOCAL_HEAP: '512m',
    NEO4J_LOCAL_PAGECACHE: '64m',
    ...extra,
  };
  return { ...(await spawnServer(MAIN, ROOT, env, { onSpawn: (child) => children.push(child) })), dataDir };
}

function javaPid(started: Started): number {
  return JSON.parse(fs.readFileSync(path.join(started.dataDir, 'local-neo4j.json'), 'utf8')).pid as number;
}

async function searchSkills(url: string): Promise<{ status: number; errors?: unknown }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ searchSkills(text: "welding", first: 1) { uri } }' }),
    });
    const body = (await res.json()) as { errors?: unknown };
    return { status: res.status, errors: body.errors };
  } catch (error) {
    return { status: 0, errors: String(error) };
  }
}

beforeAll(() => {
  buildProject(ROOT);
});
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm start supervises its local Neo4j', () => {
  it('restarts Neo4j after SIGKILL, logs the launcher tail, and serves again', async () => {
    const server = await startServer({});
    expect(await searchSkills(server.url)).toMatchObject({ status: 200, errors: undefined });
    expect(server.output()).toMatch(/heap 512m, page cache 64m/);
    const first = javaPid(server);
    process.kill(first, 'SIGKILL');
    let answer = await searchSkills(server.url);
    const deadline = Date.now() + 150_000;
    while (!(answer.status === 200 && answer.errors === undefined) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      answer = await searchSkills(server.url);
    }
    expect(answer).toMatchObject({ status: 200, errors: undefined });
    expect(server.output()).toMatch(/died unexpectedly\. Last lines of .*launcher\.log/);
    expect(server.output()).toMatch(/The local Neo4j is back \(pid \d+/);
    const second = javaPid(server);
    expect(second).not.toBe(first);
    expect(isAlive(second)).toBe(true);
    expect((await fetch(server.url.replace(/\/graphql$/, '/ready'))).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    for (let i = 0; i < 50 && isAlive(second); i += 1) await new Promise((r) => setTimeout(r, 200));
    expect(isAlive(second)).toBe(false);
  }, 300_000);

  it('exits non-zero when Neo4j dies and no restart is allowed', async () => {
    const server = await startServer({ NEO4J_LOCAL_MAX_RESTARTS: '0' });
    process.kill(javaPid(server), 'SIGKILL');
    const code = await Promise.race([
      server.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 30_000)),
    ]);
    expect(code).toBe(1);
    expect(server.output()).toMatch(/the local Neo4j stays down; exiting/);
  }, 240_000);
});

describe('npm run token', () => {
  const mint = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [MINT, ...args], { cwd: ROOT, env: { ...baseEnv(), ...env }, encoding: 'utf8' });

  it('mints tokens that expire within JWT_MAX_LIFETIME_SECONDS and refuses longer ones', () => {
    const ok = mint(['--role', 'ADMIN'], { JWT_MAX_LIFETIME_SECONDS: '600' });
    expect(ok.status).toBe(0);
    const claims = decodeJwt(ok.stdout.trim());
    expect(claims.exp! - claims.iat!).toBe(600);
    const tooLong = mint(['--role', 'ADMIN', '--expires', '2d']);
    expect(tooLong.status).toBe(1);
    expect(tooLong.stderr).toMatch(
      /--expires must give a lifetime between 1 s and JWT_MAX_LIFETIME_SECONDS \(86400 s\)/,
    );
  });
});

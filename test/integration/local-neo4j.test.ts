/**
 * The Docker-free local Neo4j: one real cold start shared by the file (start, Bolt query, reuse
 * through the state file, store lock, port clash, stop), plus the launcher's stdin-EOF rule that
 * keeps a JVM from outliving its parent.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LocalNeo4jError,
  canConnect,
  ensureLauncherBuilt,
  findFreePort,
  readState,
  resolveLocalNeo4j,
  startLocalNeo4j,
  type LocalNeo4jInstance,
} from '../../src/db/local-neo4j';
import { defaultJavaBin, launcherArgs } from '../../src/db/local-neo4j/jvm-options';

const quiet = () => undefined;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-local-neo4j-'));
}

describe('local Neo4j without Docker', () => {
  const dirs: string[] = [];
  let dataDir = '';
  let instance: LocalNeo4jInstance | undefined;

  beforeAll(async () => {
    dataDir = tempDir();
    dirs.push(dataDir);
    instance = await startLocalNeo4j({ dataDir, log: quiet, pageCache: '64m', heap: '512m' });
  }, 300_000);

  afterAll(async () => {
    await instance?.stop();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('starts on a free loopback port and answers Cypher over Bolt without auth', async () => {
    const running = instance!;
    expect(running.uri).toBe(`bolt://127.0.0.1:${running.port}`);
    expect(pidAlive(running.pid)).toBe(true);
    const driver = neo4j.driver(running.uri);
    try {
      const result = await driver.executeQuery('RETURN 1 AS one', {}, { database: 'neo4j' });
      expect(result.records[0].get('one').toNumber()).toBe(1);
    } finally {
      await driver.close();
    }
  });

  it('records itself in local-neo4j.json and is reused by resolveLocalNeo4j', async () => {
    const running = instance!;
    expect(readState(dataDir)).toMatchObject({
      pid: running.pid,
      port: running.port,
      uri: running.uri,
      ownerPid: process.pid,
    });
    const resolved = await resolveLocalNeo4j({ dataDir, log: quiet });
    expect(resolved).toMatchObject({ uri: running.uri, port: running.port, pid: running.pid, reused: true });
    await resolved.stop(); // not ours: must leave it running
    expect(await canConnect(running.port)).toBe(true);
  });

  it('refuses to open a store that another process has open', async () => {
    const error = await startLocalNeo4j({ dataDir, log: quiet }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalNeo4jError);
    expect((error as LocalNeo4jError).code).toBe('STORE_LOCKED');
    expect((error as Error).message).toContain(String(instance!.pid));
  });

  it('rejects a port that is already taken, naming the port', async () => {
    const otherDir = tempDir();
    dirs.push(otherDir);
    const taken = instance!.port;
    const error = await startLocalNeo4j({ dataDir: otherDir, port: taken, log: quiet }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalNeo4jError);
    expect((error as LocalNeo4jError).code).toBe('PORT_IN_USE');
    expect((error as Error).message).toContain(`port ${taken}`);
  });

  it('stops cleanly: the process is gone, the port closed and the state file removed', async () => {
    const running = instance!;
    await running.stop();
    instance = undefined;
    expect(pidAlive(running.pid)).toBe(false);
    expect(await canConnect(running.port)).toBe(false);
    expect(readState(dataDir)).toBeUndefined();
    expect(fs.readFileSync(running.logFile, 'utf8')).toContain('shut down cleanly');
  }, 60_000);

  it('the launcher exits by itself when its stdin closes (parent gone, even by SIGKILL)', async () => {
    const otherDir = tempDir();
    dirs.push(otherDir);
    const { classpath } = await ensureLauncherBuilt({ log: quiet });
    const port = await findFreePort();
    const child = spawn(
      defaultJavaBin(),
      launcherArgs({ classpath, dataDir: otherDir, port, heap: '512m', pageCache: '64m' }),
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes(`NEO4J_LOCAL_READY bolt://127.0.0.1:${port}`)) resolve();
        });
        void exit.then((code) => reject(new Error(`launcher exited early with ${code}`)));
      });
      child.stdin.end();
      expect(await exit).toBe(0);
      expect(await canConnect(port)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  }, 300_000);
});

/**
 * Integration test run set-up: one throwaway Neo4j for the whole run (a temporary data directory
 * and a free port), or the database named by NEO4J_URI when set. Migrations are applied and the
 * full ESCO release from `../shared/data/esco` is imported once, so every test file can rely on
 * the real taxonomy and isolates its own data by unique ids.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { defaultJavaBin, startLocalNeo4j, type LocalNeo4jInstance } from '../../src/db/local-neo4j';
import { createDriver } from '../../src/db/create-driver';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { Neo4jExecutor } from '../../src/db/neo4j-executor';
import { applyMigrations } from '../../src/db/apply-migrations';
import { importEscoCsv } from '../../src/esco/import/import-esco-csv';
import { sharedDataDir } from './shared-data';
import { loadConfig } from '../../src/config/config';
import { repoRoot } from '../../src/config/repo-root';
import { buildProject } from './process-probes';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    neo4jDataDir: string;
    neo4jPid: number;
  }
}

let instance: LocalNeo4jInstance | undefined;
let tempDir: string | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The API plans on worker threads, which run the compiled `dist/` (workers cannot load the
  // TypeScript sources vitest runs): compile it once per run, incrementally.
  const compileStarted = Date.now();
  buildProject(repoRoot());
  process.stderr.write(`[test setup] compiled dist/ in ${((Date.now() - compileStarted) / 1000).toFixed(1)} s\n`);
  const config = loadConfig();
  let uri = config.neo4j.uri;
  const { user, password } = config.neo4j;
  if (!uri) {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-test-neo4j-'));
    const started = Date.now();
    instance = await startLocalNeo4j({
      dataDir: tempDir,
      javaBin: defaultJavaBin(config.neo4j.javaHome),
      heap: '2g',
      pageCache: '1g',
      log: (line) => process.stderr.write(`[neo4j-local] ${line}\n`),
    });
    uri = instance.uri;
    process.stderr.write(
      `[test setup] throwaway Neo4j at ${uri} (pid ${instance.pid}) ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  const driver = createDriver({ uri, user, password });
  try {
    const registry = CypherRegistry.load();
    const executor = new Neo4jExecutor(driver, registry);
    await applyMigrations(executor, registry);
    const [meta] = await executor.read('esco/get-graph-meta');
    if (!meta?.version || meta.source === 'demo-seed') {
      const started = Date.now();
      const summary = await importEscoCsv(executor, sharedDataDir('esco'));
      process.stderr.write(
        `[test setup] imported ESCO ${summary.version ?? ''} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    }
  } finally {
    await driver.close();
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', user);
  project.provide('neo4jPassword', password);
  project.provide('neo4jDataDir', tempDir ?? '');
  project.provide('neo4jPid', instance?.pid ?? 0);
  return async () => {
    await instance?.stop();
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  };
}

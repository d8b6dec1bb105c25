/**
 * The benchmark's own Neo4j: a local instance on `.data/bench-neo4j` (reused when running, started
 * otherwise; its store keeps ESCO and the population between runs) or, with `--fresh`, on a
 * temporary store deleted at the end. Never the shared dev database: the population would skew
 * other people's tests and their load would skew the figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { applyMigrations } from '../../src/db/apply-migrations';
import { createDriver } from '../../src/db/create-driver';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { findFreePort, resolveLocalNeo4j } from '../../src/db/local-neo4j';
import { Neo4jExecutor } from '../../src/db/neo4j-executor';
import { importEscoCsv } from '../../src/esco/import/import-esco-csv';
import { LineProgress } from '../../src/esco/import/line-progress';

/** An open benchmark database. */
export interface BenchDatabase {
  readonly uri: string;
  readonly dataDir: string;
  readonly driver: Driver;
  readonly registry: CypherRegistry;
  /** For set-up work (long transaction timeout). */
  readonly executor: Neo4jExecutor;
  /** True when this process started Neo4j (false: reused a running one). */
  readonly started: boolean;
  /** Milliseconds the ESCO import took, or null when ESCO was already there. */
  readonly escoImportMillis: number | null;
  readonly startMillis: number;
  close(): Promise<void>;
}

/** Starts or reuses the local Neo4j, applies migrations, imports ESCO when the store lacks it. */
export async function openBenchDatabase(
  options: { dataDir: string; fresh: boolean; heap: string; pageCache: string; escoDir: string },
  log: (line: string) => void,
): Promise<BenchDatabase> {
  const dataDir = options.fresh ? fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-bench-')) : options.dataDir;
  const startedAt = performance.now();
  // A free port, never the default 7687 that `npm start` would pick for its own store.
  const local = await resolveLocalNeo4j({
    dataDir,
    port: await findFreePort(),
    heap: options.heap,
    pageCache: options.pageCache,
    log,
  });
  const startMillis = performance.now() - startedAt;
  log(
    local.reused
      ? `Reusing the bench Neo4j at ${local.uri} (${dataDir})`
      : `Started the bench Neo4j at ${local.uri} (${dataDir}) in ${(startMillis / 1000).toFixed(1)} s`,
  );
  const driver = createDriver({ uri: local.uri, user: 'neo4j', password: '' });
  const close = async () => {
    await driver.close();
    await local.stop();
    if (options.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const registry = CypherRegistry.load();
    const executor = new Neo4jExecutor(driver, registry, { transactionTimeoutMs: 900_000 });
    await applyMigrations(executor, registry);
    const [meta] = await executor.read('esco/get-graph-meta');
    let escoImportMillis: number | null = null;
    if (!meta?.version || meta.source === 'demo-seed') {
      log(`Importing ESCO from ${options.escoDir} ...`);
      const at = performance.now();
      const summary = await importEscoCsv(executor, options.escoDir, {
        progress: new LineProgress(process.stderr, 15_000),
      });
      escoImportMillis = performance.now() - at;
      log(`ESCO ${summary.version ?? ''} imported in ${(escoImportMillis / 1000).toFixed(1)} s`);
    }
    return {
      uri: local.uri,
      dataDir,
      driver,
      registry,
      executor,
      started: !local.reused,
      escoImportMillis,
      startMillis,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

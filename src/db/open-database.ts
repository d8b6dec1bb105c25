/**
 * Resolves the database every command uses, the same way: `NEO4J_URI` when set (any Neo4j 5+,
 * Aura, or a cluster through `neo4j://`; Java is never started), else the local embedded Neo4j,
 * reused when another process already runs it, started otherwise. Applies the migrations.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config/config';
import { createDriver, verifyConnectivity } from './create-driver';
import { CypherRegistry } from './cypher-registry';
import { Neo4jExecutor } from './neo4j-executor';
import { applyMigrations } from './apply-migrations';
import {
  defaultJavaBin,
  localNeo4jMemory,
  resolveLocalNeo4j,
  startLocalNeo4j,
  superviseLocalNeo4j,
} from './local-neo4j';

/** An open database with everything needed to run named queries. */
export interface OpenDatabase {
  readonly uri: string;
  readonly driver: Driver;
  readonly registry: CypherRegistry;
  readonly executor: Neo4jExecutor;
  /** True when this process started the local Neo4j (and will stop it on close). */
  readonly startedLocal: boolean;
  close(): Promise<void>;
}

/** Something to report progress to (the logger, or stderr in CLIs). */
export interface OpenDatabaseLog {
  info(message: string): void;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /**
   * Restart the local Neo4j this process starts when it dies (up to NEO4J_LOCAL_MAX_RESTARTS in
   * ten minutes), calling `onGiveUp` when it stays down. The server uses this; one-shot commands
   * do not (they fail with DATABASE_UNAVAILABLE instead).
   */
  readonly supervise?: { onGiveUp(error: Error): void };
}

/**
 * How long a local Neo4j this process has just started gets to accept its first connection. The
 * driver's one-second connection timeout (see create-driver.ts) is meant for outages; a JVM that
 * has just reported ready on a busy machine can miss it once or twice.
 */
const JUST_STARTED_GRACE_MS = 15_000;

/** Verifies connectivity; retries for a while when the local Neo4j was just started here. */
async function verifyFirstConnection(
  driver: Driver,
  uri: string,
  database: string | undefined,
  justStarted: boolean,
): Promise<void> {
  const deadline = Date.now() + (justStarted ? JUST_STARTED_GRACE_MS : 0);
  for (;;) {
    try {
      return await verifyConnectivity(driver, uri, database);
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await sleep(500);
    }
  }
}

/** Opens the configured database, starting the local Neo4j when no URI is configured. */
export async function openDatabase(
  config: Config,
  log: OpenDatabaseLog,
  options: OpenDatabaseOptions = {},
): Promise<OpenDatabase> {
  const registry = CypherRegistry.load();
  let uri = config.neo4j.uri;
  let stopLocal: (() => Promise<void>) | undefined;
  let startedLocal = false;
  if (uri === undefined) {
    const sized = localNeo4jMemory();
    const startOptions = {
      dataDir: config.neo4j.localDataDir,
      javaBin: defaultJavaBin(config.neo4j.javaHome),
      heap: config.neo4j.localHeap ?? sized.heap,
      pageCache: config.neo4j.localPageCache ?? sized.pageCache,
      log: (line: string) => log.info(line),
    };
    const local = await resolveLocalNeo4j({ ...startOptions, port: config.neo4j.localPort });
    uri = local.uri;
    startedLocal = !local.reused;
    stopLocal = local.stop;
    log.info(
      local.reused
        ? `Reusing the local Neo4j at ${uri}`
        : `Started the local Neo4j at ${uri} (heap ${startOptions.heap}, page cache ${startOptions.pageCache})`,
    );
    if (local.instance !== undefined && options.supervise !== undefined) {
      const supervised = superviseLocalNeo4j(local.instance, {
        // Same store and port: the driver's URI stays valid and its pool reconnects.
        restart: () => startLocalNeo4j({ ...startOptions, port: local.port }),
        maxRestarts: config.neo4j.localMaxRestarts,
        log: startOptions.log,
        onGiveUp: options.supervise.onGiveUp,
      });
      stopLocal = () => supervised.stop();
    }
  }
  const driver = createDriver({ uri, user: config.neo4j.user, password: config.neo4j.password });
  try {
    await verifyFirstConnection(driver, uri, config.neo4j.database, startedLocal);
    const executor = new Neo4jExecutor(driver, registry, { database: config.neo4j.database });
    await applyMigrations(executor, registry);
    return {
      uri,
      driver,
      registry,
      executor,
      startedLocal,
      async close() {
        await driver.close();
        await stopLocal?.();
      },
    };
  } catch (error) {
    await driver.close();
    await stopLocal?.();
    throw error;
  }
}

/**
 * "Reuse when already running": finds a local Neo4j that another process (say `npm start` in a
 * second terminal) runs on the same data directory, else starts one. A store can be opened by one
 * process only, so reuse is the only way two processes share a local database.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { LocalNeo4jError } from './local-neo4j-error';
import { findLaunchersFor, isLauncherFor, isPidAlive, readState, removeState, stateFilePath } from './state-file';
import {
  DEFAULT_START_TIMEOUT_MS,
  type LocalNeo4jInstance,
  type LocalNeo4jLog,
  resolveLog,
  startLocalNeo4j,
  type StartLocalNeo4jOptions,
} from './start-local-neo4j';
import { LOCAL_HOST, canConnect, pickLocalNeo4jPort } from './tcp-ports';

/** Options of {@link resolveLocalNeo4j}: those of `startLocalNeo4j`, used when one must be started. */
export type ResolveLocalNeo4jOptions = StartLocalNeo4jOptions;

/** A local Neo4j to connect to, started by this process or reused from another. */
export interface ResolvedLocalNeo4j {
  /** `bolt://127.0.0.1:<port>`; no authentication. */
  readonly uri: string;
  readonly port: number;
  /** The Java process id. */
  readonly pid: number;
  /** True when another process runs it (then `stop()` does nothing and it dies with that process). */
  readonly reused: boolean;
  /** The instance, when this process started it (for supervision). */
  readonly instance?: LocalNeo4jInstance;
  /** Stops it when this process started it; a no-op for a reused instance. */
  stop(): Promise<void>;
}

/**
 * Returns the local Neo4j serving `dataDir`: the running one recorded in
 * `<dataDir>/local-neo4j.json` (pid alive and Bolt port accepting connections), or a launcher
 * process found for that directory; otherwise starts a new one on `port`, defaulting to 7687 when
 * free, else a free port. A stale state file (its process gone) is removed. When another process
 * is still starting the same store (two commands launched at once), waits for it (up to
 * `startTimeoutMs`) and reuses it.
 *
 * @throws LocalNeo4jError as `startLocalNeo4j` does.
 */
export async function resolveLocalNeo4j(options: ResolveLocalNeo4jOptions): Promise<ResolvedLocalNeo4j> {
  const dataDir = path.resolve(options.dataDir);
  const log = resolveLog(options);
  const deadline = Date.now() + (options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  for (let attempt = 1; ; attempt++) {
    const running = await findRunningLocalNeo4j(dataDir, log);
    if (running !== undefined) return reusedInstance(running, options.port, log);
    const port = options.port ?? (await pickLocalNeo4jPort());
    try {
      const started = await startLocalNeo4j({ ...options, dataDir, port, log });
      return {
        uri: started.uri,
        port: started.port,
        pid: started.pid,
        reused: false,
        instance: started,
        stop: () => started.stop(),
      };
    } catch (error) {
      // Another process may be starting this store right now (it holds the store lock, or took
      // the same default port first): wait for it to answer, then share it; start again if it
      // went away instead.
      const contended =
        error instanceof LocalNeo4jError && (error.code === 'STORE_LOCKED' || error.code === 'PORT_IN_USE');
      if (!contended || attempt >= 3) throw error;
      const shared = await waitForOtherStarter(dataDir, deadline, log);
      if (shared === 'timeout' || shared === 'none') throw error;
      if (shared !== 'gone') return reusedInstance(shared, options.port, log);
    }
  }
}

/**
 * Polls until a launcher on `dataDir` answers, all such launchers are gone, or the deadline;
 * 'none' when no launcher held `dataDir` in the first place (the clash is someone else's).
 */
async function waitForOtherStarter(
  dataDir: string,
  deadline: number,
  log: LocalNeo4jLog,
): Promise<RunningLocalNeo4j | 'gone' | 'none' | 'timeout'> {
  let announced = false;
  while (Date.now() < deadline) {
    const found = await findRunningLocalNeo4j(dataDir, log);
    if (found !== undefined) return found;
    const holders = findLaunchersFor(dataDir);
    if (holders.length === 0) return announced ? 'gone' : 'none';
    if (!announced) {
      log(`Waiting for the local Neo4j that pid ${holders.map((h) => h.pid).join(', ')} is starting on ${dataDir}...`);
      announced = true;
    }
    await sleep(500);
  }
  return 'timeout';
}

/** A running local Neo4j found for a data directory. */
export interface RunningLocalNeo4j {
  readonly uri: string;
  readonly port: number;
  readonly pid: number;
}

/**
 * Finds a local Neo4j serving `dataDir` that accepts Bolt connections now, from the state file or
 * else from the launcher processes on this machine. Removes a stale state file.
 */
export async function findRunningLocalNeo4j(
  dataDir: string,
  log: LocalNeo4jLog = () => undefined,
): Promise<RunningLocalNeo4j | undefined> {
  const directory = path.resolve(dataDir);
  const state = readState(directory);
  if (state !== undefined) {
    if (!isPidAlive(state.pid) || isLauncherFor(state.pid, directory) === false) {
      log(`Removing the stale ${stateFilePath(directory)} (pid ${state.pid} is gone)`);
      removeState(directory);
    } else if (await canConnect(state.port)) {
      return { uri: state.uri, port: state.port, pid: state.pid };
    }
  }
  for (const launcher of findLaunchersFor(directory)) {
    if (Number.isInteger(launcher.port) && (await canConnect(launcher.port))) {
      return { uri: `bolt://${LOCAL_HOST}:${launcher.port}`, port: launcher.port, pid: launcher.pid };
    }
  }
  return undefined;
}

function reusedInstance(
  running: RunningLocalNeo4j,
  requestedPort: number | undefined,
  log: LocalNeo4jLog,
): ResolvedLocalNeo4j {
  if (requestedPort !== undefined && requestedPort !== running.port) {
    log(
      `The local Neo4j for this data directory already runs on port ${running.port}; reusing it instead of port ${requestedPort}`,
    );
  }
  return { ...running, reused: true, stop: async () => undefined };
}

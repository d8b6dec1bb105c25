/**
 * Starts a local Neo4j 5.26 (embedded, Community) as a child Java process with Bolt on
 * 127.0.0.1, no authentication, waits until it is ready, and stops it again. The child cannot
 * outlive this process: it exits when its stdin closes (even if Node is SIGKILLed), and is
 * SIGKILLed from a `process.on('exit')` handler as well.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureLauncherBuilt } from './launcher-build';
import { defaultJavaBin, launcherArgs } from './jvm-options';
import { LineSplitter, LineTail } from './line-tail';
import { LocalNeo4jError } from './local-neo4j-error';
import { findLaunchersFor, isLauncherFor, isPidAlive, readState, removeStateIfOwned, writeState } from './state-file';
import { LOCAL_HOST, findFreePort, isPortFree } from './tcp-ports';

/** The launcher's stdout and stderr, appended per start, inside the data directory. */
export const LAUNCHER_LOG_NAME = 'launcher.log';

/** Default time to wait for readiness: a cold start on 2 busy cores can be slow. */
export const DEFAULT_START_TIMEOUT_MS = 180_000;

/** Default time between SIGTERM and SIGKILL in `stop()`. */
export const DEFAULT_STOP_GRACE_MS = 20_000;

const READY_LINE = /^NEO4J_LOCAL_READY (\S+)\s*$/;
const FAILED_LINE = /^NEO4J_LOCAL_FAILED (\S+) (.*)$/;
const TAIL_LINES = 40;

/** Where progress messages go. */
export type LocalNeo4jLog = (line: string) => void;

/** Options of {@link startLocalNeo4j}. */
export interface StartLocalNeo4jOptions {
  /** The Neo4j home: store under `data/`, Neo4j's logs under `logs/`, plus `launcher.log`. Created if missing. */
  readonly dataDir: string;
  /** Bolt port on 127.0.0.1; a free port when unset. Rejects with `PORT_IN_USE` when taken. */
  readonly port?: number;
  /** Progress messages (default: stderr). */
  readonly log?: LocalNeo4jLog;
  /** Alternative to `log`: a logger with `info` (e.g. `console`). */
  readonly logger?: { info(message: string): void };
  /** How long to wait for readiness (default 180 s). */
  readonly startTimeoutMs?: number;
  /** Grace period of `stop()` between SIGTERM and SIGKILL (default 20 s). */
  readonly stopGraceMs?: number;
  /** JVM max heap (default `1g`). */
  readonly heap?: string;
  /** Neo4j page cache (default `512m`). */
  readonly pageCache?: string;
  /** The `java` executable (default `$JAVA_HOME/bin/java`, else `java` on the PATH). */
  readonly javaBin?: string;
  /** The `tools/neo4j-local` directory (default: found by walking up). */
  readonly toolDir?: string;
  /** The Maven executable for the first-use build (default `mvn`). */
  readonly mavenBin?: string;
}

/** A local Neo4j that this process started. */
export interface LocalNeo4jInstance {
  /** `bolt://127.0.0.1:<port>`; no authentication. */
  readonly uri: string;
  readonly port: number;
  /** The Java process id. */
  readonly pid: number;
  readonly dataDir: string;
  /** The launcher's captured stdout/stderr. */
  readonly logFile: string;
  /** Settles when the Java process has exited, for whatever reason. */
  readonly exited: Promise<void>;
  /** The last lines the launcher wrote (for reports when it dies). */
  tail(): string[];
  /** SIGTERM (clean shutdown), SIGKILL after the grace period; resolves once the process is gone. Idempotent. */
  stop(): Promise<void>;
}

/** Picks the log function from the options: `log`, else `logger.info`, else stderr. */
export function resolveLog(options: { log?: LocalNeo4jLog; logger?: { info(message: string): void } }): LocalNeo4jLog {
  if (options.log !== undefined) return options.log;
  const logger = options.logger;
  if (logger !== undefined) return (line) => logger.info(line);
  return (line) => process.stderr.write(`[local-neo4j] ${line}\n`);
}

/**
 * Starts a local Neo4j in `dataDir` and resolves once its default database `neo4j` is available
 * over Bolt. Builds the launcher with Maven first if needed.
 *
 * @throws LocalNeo4jError with code `PORT_IN_USE`, `STORE_LOCKED` (another process has the store
 *   open), `JAVA_NOT_FOUND`, `EXITED_EARLY`, `START_TIMEOUT`, `MAVEN_NOT_FOUND` or `BUILD_FAILED`;
 *   the message names the cause and ends with the last lines of the launcher's log.
 */
export async function startLocalNeo4j(options: StartLocalNeo4jOptions): Promise<LocalNeo4jInstance> {
  const dataDir = path.resolve(options.dataDir);
  const log = resolveLog(options);
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, LAUNCHER_LOG_NAME);
  assertStoreNotInUse(dataDir, logFile);

  const build = await ensureLauncherBuilt({ toolDir: options.toolDir, mavenBin: options.mavenBin, log });

  let port: number;
  if (options.port !== undefined) {
    if (!(await isPortFree(options.port))) {
      throw new LocalNeo4jError(
        'PORT_IN_USE',
        `Cannot start the local Neo4j: port ${options.port} on ${LOCAL_HOST} is already in use by another process. ` +
          'Choose another port (NEO4J_LOCAL_PORT) or stop whatever listens there.',
      );
    }
    port = options.port;
  } else {
    port = await findFreePort();
  }

  const javaBin = options.javaBin ?? defaultJavaBin();
  const args = launcherArgs({
    classpath: build.classpath,
    dataDir,
    port,
    heap: options.heap,
    pageCache: options.pageCache,
  });
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const logFd = fs.openSync(logFile, 'a');
  const tail = new LineTail(TAIL_LINES);
  const record = (line: string) => {
    tail.push(line);
    try {
      fs.writeSync(logFd, `${line}\n`);
    } catch {
      // The log is a convenience; never fail because of it.
    }
  };
  fs.writeSync(
    logFd,
    `\n=== ${new Date().toISOString()} pid ${process.pid} starts: ${javaBin} ${args.map((a) => (a === build.classpath ? '<classpath>' : a)).join(' ')}\n`,
  );
  log(`Starting the local Neo4j on bolt://${LOCAL_HOST}:${port} (data ${dataDir}, log ${logFile})...`);
  const startedAt = Date.now();

  // detached: own process group, so a terminal's Ctrl-C reaches Node only and Node decides the
  // shutdown order; stdin stays an open pipe whose EOF tells the launcher to exit.
  const child = spawn(javaBin, args, { cwd: dataDir, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  child.stdin.on('error', () => undefined); // EPIPE once the child is gone

  let failure: { kind: string; message: string } | undefined;
  let readyUri: string | undefined;
  let onReady: ((uri: string) => void) | undefined;
  const stdout = new LineSplitter((line) => {
    record(line);
    const ready = READY_LINE.exec(line);
    if (ready !== null && readyUri === undefined) {
      readyUri = ready[1];
      onReady?.(ready[1]);
    }
  });
  const stderr = new LineSplitter((line) => {
    record(line);
    const failed = FAILED_LINE.exec(line);
    if (failed !== null) failure = { kind: failed[1], message: failed[2] };
  });
  child.stdout.on('data', (chunk: Buffer) => stdout.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.write(chunk));

  let spawnError: NodeJS.ErrnoException | undefined;
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
      if (child.pid === undefined) resolve({ code: null, signal: null }); // never started: no 'close' follows
    });
    child.once('close', (code, signal) => {
      stdout.flush();
      stderr.flush();
      resolve({ code, signal });
    });
  });
  const exited = closed.then(() => {
    try {
      fs.closeSync(logFd);
    } catch {
      // already closed
    }
  });

  const killOnExit = () => {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
    if (child.pid !== undefined) removeStateIfOwned(dataDir, child.pid);
  };
  process.on('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));

  let uri: string;
  try {
    uri = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(
          new LocalNeo4jError(
            'START_TIMEOUT',
            `The local Neo4j did not become ready within ${startTimeoutMs / 1000} s (port ${port}, data ${dataDir}); it was killed. ` +
              `Neo4j's own log: ${path.join(dataDir, 'logs', 'debug.log')}.`,
            tail.snapshot(),
            logFile,
          ),
        );
      }, startTimeoutMs);
      onReady = (readyAt) => {
        clearTimeout(timer);
        resolve(readyAt);
      };
      if (readyUri !== undefined) onReady(readyUri);
      void closed.then(({ code, signal }) => {
        clearTimeout(timer);
        if (readyUri !== undefined) return;
        reject(
          startFailure({ spawnError, failure, code, signal, javaBin, port, dataDir, tail: tail.snapshot(), logFile }),
        );
      });
    });
  } catch (error) {
    await exited;
    throw error;
  }

  const pid = child.pid as number;
  writeState(dataDir, { pid, port, uri, ownerPid: process.pid, startedAt: new Date().toISOString() });
  log(`Local Neo4j ready at ${uri} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (pid ${pid})`);

  let stopping: Promise<void> | undefined;
  void exited.then(() => {
    removeStateIfOwned(dataDir, pid);
    if (stopping === undefined) log(`The local Neo4j (pid ${pid}) exited unexpectedly; see ${logFile}`);
  });

  const stopGraceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS;
  return {
    uri,
    port,
    pid,
    dataDir,
    logFile,
    exited,
    tail: () => tail.snapshot(),
    stop(): Promise<void> {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const escalate = setTimeout(() => {
            log(`The local Neo4j (pid ${pid}) did not stop within ${stopGraceMs} ms; killing it`);
            child.kill('SIGKILL');
          }, stopGraceMs);
          await exited;
          clearTimeout(escalate);
        }
        await exited;
      })();
      return stopping;
    },
  };
}

/** Rejects early, without starting Java, when a launcher already serves `dataDir`. */
function assertStoreNotInUse(dataDir: string, logFile: string): void {
  const holders = new Map<number, string>();
  const state = readState(dataDir);
  if (state !== undefined && isPidAlive(state.pid) && isLauncherFor(state.pid, dataDir) !== false) {
    holders.set(state.pid, state.uri);
  }
  for (const launcher of findLaunchersFor(dataDir)) {
    if (!holders.has(launcher.pid)) holders.set(launcher.pid, `bolt://${LOCAL_HOST}:${launcher.port}`);
  }
  if (holders.size === 0) return;
  const who = [...holders].map(([pid, uri]) => `pid ${pid}, ${uri}`).join('; ');
  throw new LocalNeo4jError(
    'STORE_LOCKED',
    `The Neo4j store in ${dataDir} is already open in another local Neo4j process (${who}). ` +
      'A store can be opened by one process only: reuse that instance (resolveLocalNeo4j does), stop it, or use another data directory.',
    [],
    logFile,
  );
}

interface FailureFacts {
  readonly spawnError: NodeJS.ErrnoException | undefined;
  readonly failure: { kind: string; message: string } | undefined;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly javaBin: string;
  readonly port: number;
  readonly dataDir: string;
  readonly tail: string[];
  readonly logFile: string;
}

/** Names the cause of a start that ended before readiness. */
function startFailure(facts: FailureFacts): LocalNeo4jError {
  const { spawnError, failure, code, signal, javaBin, port, dataDir, tail, logFile } = facts;
  if (spawnError !== undefined) {
    if (spawnError.code === 'ENOENT') {
      return new LocalNeo4jError(
        'JAVA_NOT_FOUND',
        `Cannot start the local Neo4j: '${javaBin}' was not found. It needs a Java 17+ runtime on the PATH or in JAVA_HOME (Debian: apt-get install openjdk-17-jre-headless).`,
      );
    }
    return new LocalNeo4jError(
      'EXITED_EARLY',
      `Cannot start the local Neo4j: running '${javaBin}' failed: ${spawnError.message}`,
      tail,
      logFile,
    );
  }
  if (failure?.kind === 'store-locked' || code === 3) {
    return new LocalNeo4jError(
      'STORE_LOCKED',
      `The Neo4j store in ${dataDir} is locked by another process (only one process can open a store). Stop that process or use another data directory.`,
      tail,
      logFile,
    );
  }
  if (failure?.kind === 'port-in-use' || code === 4) {
    return new LocalNeo4jError(
      'PORT_IN_USE',
      `Cannot start the local Neo4j: port ${port} on ${LOCAL_HOST} is already in use.`,
      tail,
      logFile,
    );
  }
  const how = code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with status ${code}`;
  const hint = tail.some((line) => line.includes('UnsupportedClassVersionError'))
    ? ' Neo4j 5.26 needs Java 17 or newer.'
    : '';
  const reason = failure === undefined ? '' : ` (${failure.kind}: ${failure.message})`;
  return new LocalNeo4jError(
    'EXITED_EARLY',
    `The local Neo4j ${how} before it was ready${reason}.${hint} Neo4j's own log: ${path.join(dataDir, 'logs', 'debug.log')}.`,
    tail,
    logFile,
  );
}

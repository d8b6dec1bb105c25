/**
 * The `<dataDir>/local-neo4j.json` file through which a running local Neo4j is found and reused by
 * other processes, and the checks that tell a live instance from a stale file.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The state file's name inside the data directory. */
export const STATE_FILE_NAME = 'local-neo4j.json';

/** What the starting process records once Neo4j is ready. */
export interface LocalNeo4jState {
  /** The Java process. */
  readonly pid: number;
  readonly port: number;
  readonly uri: string;
  /** The Node process that started it (the instance dies with it). */
  readonly ownerPid?: number;
  readonly startedAt?: string;
}

/** The state file's path for `dataDir`. */
export function stateFilePath(dataDir: string): string {
  return path.join(dataDir, STATE_FILE_NAME);
}

/** Reads the state file; undefined when it is missing or not a valid state. */
export function readState(dataDir: string): LocalNeo4jState | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(stateFilePath(dataDir), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { pid, port, uri } = parsed as Record<string, unknown>;
  if (!Number.isInteger(pid) || !Number.isInteger(port) || typeof uri !== 'string') return undefined;
  return parsed as LocalNeo4jState;
}

/** Writes the state file atomically (write then rename). */
export function writeState(dataDir: string, state: LocalNeo4jState): void {
  const file = stateFilePath(dataDir);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/** Removes the state file if it still describes `pid` (never another process's record). */
export function removeStateIfOwned(dataDir: string, pid: number): void {
  if (readState(dataDir)?.pid === pid) fs.rmSync(stateFilePath(dataDir), { force: true });
}

/** Removes the state file unconditionally (used for stale files). */
export function removeState(dataDir: string): void {
  fs.rmSync(stateFilePath(dataDir), { force: true });
}

/** True when a process with this pid exists (and is not a zombie, where /proc tells). */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

/**
 * Whether `pid` is a launcher serving `dataDir`: true or false where /proc shows the command line,
 * undefined where that cannot be checked (then the caller relies on the pid and the port).
 */
export function isLauncherFor(pid: number, dataDir: string): boolean | undefined {
  const args = commandLine(pid);
  if (args === undefined) return undefined;
  const at = args.indexOf(LAUNCHER_MAIN_CLASS);
  return at >= 0 && args[at + 1] !== undefined && path.resolve(args[at + 1]) === path.resolve(dataDir);
}

/** A launcher process found through /proc. */
export interface RunningLauncher {
  readonly pid: number;
  readonly port: number;
}

/**
 * Launcher processes (started by anyone) whose data directory is `dataDir`, with the Bolt port
 * from their command line; empty where /proc is unavailable.
 */
export function findLaunchersFor(dataDir: string): RunningLauncher[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const found: RunningLauncher[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const args = commandLine(pid) ?? [];
    const at = args.indexOf(LAUNCHER_MAIN_CLASS);
    if (at < 0 || args[at + 1] === undefined || path.resolve(args[at + 1]) !== path.resolve(dataDir)) continue;
    if (!isPidAlive(pid)) continue;
    found.push({ pid, port: Number.parseInt(args[at + 2] ?? '', 10) });
  }
  return found;
}

/** The Java main class of the launcher (also what `pgrep -f neo4jlocal` finds). */
export const LAUNCHER_MAIN_CLASS = 'org.credgraph.neo4jlocal.Launcher';

function commandLine(pid: number): string[] | undefined {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((part) => part !== '');
  } catch {
    return fs.existsSync('/proc/self/cmdline') ? [] : undefined; // gone, or no /proc at all
  }
}

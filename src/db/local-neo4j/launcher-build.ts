/**
 * Builds the Java launcher in `tools/neo4j-local` with Maven on first use, and tells where its
 * classes and Neo4j's classpath are. A build is skipped while `Launcher.class` is newer than
 * `Launcher.java`, `classpath.txt` newer than `pom.xml`, and every jar on the classpath exists.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LocalNeo4jError } from './local-neo4j-error';
import { LineTail } from './line-tail';

/** The exact build command, also documented at the top of `tools/neo4j-local/pom.xml`. */
export const MAVEN_BUILD_ARGS: readonly string[] = ['-q', '-B', '-DskipTests', 'package'];

const LAUNCHER_SOURCE = 'src/main/java/org/credgraph/neo4jlocal/Launcher.java';
const LAUNCHER_CLASS = 'target/classes/org/credgraph/neo4jlocal/Launcher.class';
const CLASSPATH_FILE = 'target/classpath.txt';
const LOCK_DIR = 'target/.build-lock';
const LOCK_WAIT_MS = 15 * 60_000;

/** Where the built launcher is. */
export interface LauncherBuild {
  /** The `tools/neo4j-local` directory. */
  readonly toolDir: string;
  /** The `-cp` value: the launcher's classes followed by Neo4j's jars. */
  readonly classpath: string;
}

/** Options of {@link ensureLauncherBuilt}. */
export interface EnsureLauncherBuiltOptions {
  /** The `tools/neo4j-local` directory; found by walking up from this module and the cwd when unset. */
  readonly toolDir?: string;
  /** The Maven executable (default `mvn`). */
  readonly mavenBin?: string;
  /** Progress messages (default: stderr). */
  readonly log?: (line: string) => void;
}

/** Finds `tools/neo4j-local` by walking up from this module's directory, then from the cwd. */
export function findToolDir(): string {
  const starts = [typeof __dirname === 'string' ? __dirname : undefined, process.cwd()];
  for (const start of starts) {
    if (start === undefined) continue;
    let dir = path.resolve(start);
    for (;;) {
      const candidate = path.join(dir, 'tools', 'neo4j-local');
      if (fs.existsSync(path.join(candidate, 'pom.xml'))) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('Cannot find tools/neo4j-local/pom.xml above ' + starts.filter(Boolean).join(' or '));
}

function mtimeMs(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Reads the classpath when the build outputs are present and up to date, else undefined. */
function readUpToDateClasspath(toolDir: string): string | undefined {
  const pomTime = mtimeMs(path.join(toolDir, 'pom.xml')) ?? 0;
  const sourceTime = mtimeMs(path.join(toolDir, LAUNCHER_SOURCE)) ?? 0;
  const classTime = mtimeMs(path.join(toolDir, LAUNCHER_CLASS));
  const classpathTime = mtimeMs(path.join(toolDir, CLASSPATH_FILE));
  if (classTime === undefined || classpathTime === undefined) return undefined;
  // The classpath depends on the pom, the class on its source (Maven's incremental compiler may
  // leave it untouched after a pom-only change).
  if (classTime < sourceTime || classpathTime < pomTime) return undefined;
  const jars = fs.readFileSync(path.join(toolDir, CLASSPATH_FILE), 'utf8').trim();
  if (jars === '' || !jars.split(path.delimiter).every((jar) => fs.existsSync(jar))) return undefined; // e.g. ~/.m2 was wiped
  return [path.join(toolDir, 'target', 'classes'), jars].join(path.delimiter);
}

const inProcess = new Map<string, Promise<LauncherBuild>>();

/**
 * Makes sure the launcher is compiled and its classpath written, running
 * `mvn -q -B -DskipTests package` in `tools/neo4j-local` when needed (the first time this resolves
 * Neo4j 5.26 from Maven Central into ~/.m2). Concurrent callers, in this process or others, share
 * one build.
 *
 * @throws LocalNeo4jError `MAVEN_NOT_FOUND`, or `BUILD_FAILED` with the tail of Maven's output.
 */
export function ensureLauncherBuilt(options: EnsureLauncherBuiltOptions = {}): Promise<LauncherBuild> {
  const toolDir = path.resolve(options.toolDir ?? findToolDir());
  const upToDate = readUpToDateClasspath(toolDir);
  if (upToDate !== undefined) return Promise.resolve({ toolDir, classpath: upToDate });
  let pending = inProcess.get(toolDir);
  if (pending === undefined) {
    pending = buildWithLock(toolDir, options).finally(() => inProcess.delete(toolDir));
    inProcess.set(toolDir, pending);
  }
  return pending;
}

async function buildWithLock(toolDir: string, options: EnsureLauncherBuiltOptions): Promise<LauncherBuild> {
  const lockDir = path.join(toolDir, LOCK_DIR);
  await acquireLock(lockDir);
  try {
    const builtMeanwhile = readUpToDateClasspath(toolDir);
    if (builtMeanwhile !== undefined) return { toolDir, classpath: builtMeanwhile };
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    log('Building the local Neo4j launcher (first use, resolves Neo4j 5.26 from Maven Central)...');
    await runMaven(toolDir, options.mavenBin ?? 'mvn');
    const built = readUpToDateClasspath(toolDir);
    if (built === undefined) {
      throw new LocalNeo4jError(
        'BUILD_FAILED',
        `Maven finished but ${LAUNCHER_CLASS} or ${CLASSPATH_FILE} is missing in ${toolDir}`,
      );
    }
    return { toolDir, classpath: built };
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** A cross-process lock: an atomic mkdir holding the owner's pid; stale when that pid is gone. */
async function acquireLock(lockDir: string): Promise<void> {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(readOr(path.join(lockDir, 'pid'), ''), 10);
    const ownerGone = Number.isInteger(owner) ? !pidExists(owner) : (mtimeMs(lockDir) ?? 0) < Date.now() - 60_000;
    if (ownerGone || Date.now() > deadline) {
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    await sleep(500);
  }
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function runMaven(toolDir: string, mavenBin: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const tail = new LineTail(40);
    let pending = '';
    const collect = (chunk: Buffer) => {
      // Debian's Maven 3.8 prints stray colour resets even with -B -q; drop escape sequences.
      pending += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') tail.push(line);
    };
    const child = spawn(mavenBin, [...MAVEN_BUILD_ARGS], { cwd: toolDir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(
          new LocalNeo4jError(
            'MAVEN_NOT_FOUND',
            `Maven ('${mavenBin}') is not on the PATH; it builds the local Neo4j launcher (Debian: apt-get install maven).`,
          ),
        );
      } else {
        reject(new LocalNeo4jError('BUILD_FAILED', `Could not run Maven ('${mavenBin}'): ${error.message}`));
      }
    });
    child.once('close', (code, signal) => {
      if (pending.trim() !== '') tail.push(pending);
      if (code === 0) {
        resolve();
        return;
      }
      const how = code === null ? `was killed by ${signal}` : `exited with status ${code}`;
      reject(
        new LocalNeo4jError(
          'BUILD_FAILED',
          `Building the local Neo4j launcher failed: 'mvn ${MAVEN_BUILD_ARGS.join(' ')}' in ${toolDir} ${how}.`,
          tail.snapshot(),
        ),
      );
    });
  });
}

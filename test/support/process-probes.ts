/** Helpers of the tests that run credgraph as `npm start` does, in a child process. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** True while a process with this pid exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Compiles the project into `dist/` as `npm start` would, so child processes run the current code. */
export function buildProject(root: string): void {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** A credgraph process started by {@link spawnServer}, once it serves. */
export interface SpawnedServer {
  readonly child: ChildProcess;
  /** The GraphQL URL it logged. */
  readonly url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>;
}

/** Optional parts of {@link spawnServer}. */
export interface SpawnServerOptions {
  /** Called with the child as soon as it is spawned (to watch its output or record its pid). */
  readonly onSpawn?: (child: ChildProcess) => void;
  /**
   * A command and its first arguments that Node runs through, as `npm start` runs it, such as
   * `['sh', 'tools/start-with-allocator.sh']`; empty (the default) runs Node directly.
   */
  readonly launcher?: readonly string[];
}

/**
 * Runs `node <main>` with exactly `env` (nothing inherited) and resolves once it logs
 * "serving GraphQL at <url>"; rejects with its output if it exits first.
 *
 * @example
 * const server = await spawnServer(MAIN, ROOT, { PATH: process.env.PATH ?? '', PORT: '0' }, {
 *   launcher: ['sh', 'tools/start-with-allocator.sh'],
 * });
 */
export function spawnServer(
  main: string,
  cwd: string,
  env: Record<string, string>,
  { onSpawn, launcher = [] }: SpawnServerOptions = {},
): Promise<SpawnedServer> {
  const [command, ...args] = [...launcher, process.execPath, main];
  const child = spawn(command!, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  onSpawn?.(child);
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

/**
 * The API as `npm start` runs it (the compiled `src/main.js`) in a child process on the bench
 * database, for what the in-process server cannot show alone: the resident memory of a server
 * process (its worker threads included, the benchmark's own memory and load generators excluded)
 * and the start-up it logs, the read model's load among it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { repoPath } from '../../src/config/repo-root';

/** A running child server. */
export interface ChildServer {
  readonly url: string;
  readonly pid: number;
  /** From spawning until the "serving" log line, in ms. */
  readonly startMillis: number;
  /** Log lines mentioning the read model, the compute pool or workers (JSON, as logged). */
  readonly logLines: readonly string[];
  /** Resident set size of the process now, in MiB (null: not readable on this platform). */
  rssMiB(): number | null;
  stop(): Promise<void>;
}

/** RSS of process `pid` in MiB from `/proc/<pid>/status` (null where there is no procfs). */
export function processRssMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/**
 * Starts `src/main.js` next to this compiled file with `env` (plus PATH), on a free port, through
 * `tools/start-with-allocator.sh` as `npm start` does (the script `exec`s Node, so the pid is the
 * server's), and resolves once it logs that it is serving; rejects if it exits first or takes over
 * `maxMillis`.
 */
export async function startChildServer(env: Record<string, string>, maxMillis = 600_000): Promise<ChildServer> {
  const entry = path.join(__dirname, '..', '..', 'src', 'main.js');
  const started = performance.now();
  const child = spawn('sh', [repoPath('tools', 'start-with-allocator.sh'), process.execPath, entry], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logLines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the child server did not serve within ${maxMillis} ms`)),
      maxMillis,
    );
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (/read.?model|compute|worker|pool/i.test(line)) logLines.push(line.trim());
      if (!line.includes('credgraph is serving')) return;
      try {
        const record = JSON.parse(line) as { url?: string };
        if (record.url) {
          clearTimeout(timer);
          resolve(record.url);
        }
      } catch {
        // The plain banner line after the JSON one; the JSON line carries the URL.
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child server exited with ${code} before serving: ${stderr}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    startMillis: performance.now() - started,
    logLines,
    rssMiB: () => processRssMiB(child.pid!),
    async stop() {
      child.kill('SIGTERM');
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref());
      await Promise.race([exited(child), timeout]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

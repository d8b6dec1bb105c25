/** Helpers of the tests that run credgraph as `npm start` does, in a child process. */
import { execFileSync } from 'node:child_process';
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
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
}

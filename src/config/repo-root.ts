/**
 * Where the repository's own files are (`cypher/`, `seed/`, `schema/`, `tools/`), found from the
 * calling module whether it runs from `src/` (tests, tsx) or from `dist/src/` (compiled).
 */
import fs from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = 'credgraph';

let cached: string | undefined;

/** True when `dir` holds this project's package.json (not a dependency's). */
function isRepoRoot(dir: string): boolean {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
    return manifest.name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/**
 * The repository root: the nearest folder above this module whose package.json is credgraph's.
 *
 * @throws Error when there is none (the code was copied out of its checkout).
 */
export function repoRoot(): string {
  if (cached !== undefined) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (isRepoRoot(dir)) {
      cached = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`cannot find the ${PACKAGE_NAME} repository root above ${__dirname}`);
}

/**
 * A path inside the repository.
 *
 * @example
 * repoPath('seed', 'esco') // '<checkout>/seed/esco'
 */
export function repoPath(...segments: string[]): string {
  return path.join(repoRoot(), ...segments);
}

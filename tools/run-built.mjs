#!/usr/bin/env node
/**
 * Starts a compiled entry point of the project without recompiling it each time:
 *
 *   node tools/run-built.mjs dist/src/cli/mint-token.js --demo learner
 *
 * The build is current when no TypeScript file under src/ or tools/ (nor tsconfig.json) is newer
 * than the last build's `dist/.tsbuildinfo`: a walk of file dates, tens of
 * milliseconds, and the entry starts at once. Otherwise (first run, a pull, an edit) the
 * incremental build (`tsc --build`) recompiles what changed first. The entry then runs in this
 * process with its own arguments in `process.argv`, as `node <entry> <args>` would run it.
 *
 * `--with-web` (used by `npm start`) also rebuilds the explorer page (`npm run build:web`) when a
 * file under web/ is newer than the built `dist/web/index.html`, or it was never built.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildInfo = path.join(root, 'dist', '.tsbuildinfo');

/** True when a file under `dirs` with one of `extensions` is newer than `since` (stops at the first one). */
function newerUnder(dirs, extensions, since) {
  const pending = dirs.map((dir) => path.join(root, dir));
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'target') pending.push(full);
      } else if (extensions.some((ext) => entry.name.endsWith(ext)) && fs.statSync(full).mtimeMs > since) {
        return true;
      }
    }
  }
  return false;
}

/** True when a file the TypeScript build reads is newer than `since`. */
function changedSince(since) {
  if (fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs > since) return true;
  return newerUnder(['src', 'tools'], ['.ts'], since);
}

/** Builds the explorer page when it was never built or web/ changed since. */
function ensureWebBuilt() {
  const built = path.join(root, 'dist', 'web', 'index.html');
  if (
    fs.existsSync(built) &&
    !newerUnder(['web'], ['.ts', '.mts', '.html', '.css', '.json'], fs.statSync(built).mtimeMs)
  )
    return;
  process.stderr.write('building the explorer page (npm run build:web)…\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build:web', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureBuilt() {
  if (fs.existsSync(buildInfo) && !changedSince(fs.statSync(buildInfo).mtimeMs)) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  process.stderr.write('compiling changed sources (tsc --build)…\n');
  const result = spawnSync(process.execPath, [tsc, '--build', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // tsc leaves the build info alone when a file was touched but its output is unchanged; mark the
  // check done so the next start does not run tsc again.
  const now = new Date();
  if (fs.existsSync(buildInfo)) fs.utimesSync(buildInfo, now, now);
}

const cliArgs = process.argv.slice(2);
const withWeb = cliArgs[0] === '--with-web';
const [entry, ...args] = withWeb ? cliArgs.slice(1) : cliArgs;
if (entry === undefined) {
  process.stderr.write('usage: node tools/run-built.mjs [--with-web] <dist/...js> [arguments...]\n');
  process.exit(2);
}
ensureBuilt();
if (withWeb) ensureWebBuilt();
const target = path.resolve(root, entry);
process.argv = [process.argv[0], target, ...args];
await import(pathToFileURL(target).href);

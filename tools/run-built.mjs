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
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildInfo = path.join(root, 'dist', '.tsbuildinfo');

/** True when a file the build reads is newer than `since` (stops at the first one). */
function changedSince(since) {
  if (fs.statSync(path.join(root, 'tsconfig.json')).mtimeMs > since) return true;
  const pending = ['src', 'tools'].map((dir) => path.join(root, dir));
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'target') pending.push(full);
      } else if (entry.name.endsWith('.ts') && fs.statSync(full).mtimeMs > since) {
        return true;
      }
    }
  }
  return false;
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

const [entry, ...args] = process.argv.slice(2);
if (entry === undefined) {
  process.stderr.write('usage: node tools/run-built.mjs <dist/...js> [arguments...]\n');
  process.exit(2);
}
ensureBuilt();
const target = path.resolve(root, entry);
process.argv = [process.argv[0], target, ...args];
await import(pathToFileURL(target).href);

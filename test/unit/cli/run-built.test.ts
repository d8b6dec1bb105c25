/**
 * `tools/run-built.mjs` (what every npm script runs, #13.9): an entry starts without compiling when
 * the build is current, and the incremental build runs first only when a source is newer. Runs
 * the real script in a scratch copy of the layout it expects, with a stand-in for `tsc` that
 * records each call (compiling the real project here would take minutes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RUNNER = path.resolve(__dirname, '../../../tools/run-built.mjs');
let dir: string;
const calls = () =>
  fs.existsSync(path.join(dir, 'tsc-calls'))
    ? fs.readFileSync(path.join(dir, 'tsc-calls'), 'utf8').trim().split('\n')
    : [];
const run = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(dir, 'tools/run-built.mjs'), 'dist/entry.js', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const setMtime = (file: string, secondsFromNow: number) => {
  const when = new Date(Date.now() + secondsFromNow * 1000);
  fs.utimesSync(path.join(dir, file), when, when);
};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-built-'));
  for (const sub of ['tools', 'src/cli', 'dist', 'node_modules/typescript/bin'])
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.copyFileSync(RUNNER, path.join(dir, 'tools/run-built.mjs'));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), '{}');
  fs.writeFileSync(path.join(dir, 'src/cli/a.ts'), 'export const a = 1;\n');
  // The stand-in tsc: records its arguments and (re)writes the build info, as tsc --build does.
  fs.writeFileSync(
    path.join(dir, 'node_modules/typescript/bin/tsc'),
    "const fs = require('fs'); fs.appendFileSync('tsc-calls', process.argv.slice(2).join(' ') + '\\n'); fs.writeFileSync('dist/.tsbuildinfo', '{}');\n",
  );
  // The entry prints the arguments it was given, as `node dist/entry.js <args>` would see them.
  fs.writeFileSync(
    path.join(dir, 'dist/entry.js'),
    "process.stdout.write(JSON.stringify(process.argv.slice(2)) + '\\n');\n",
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('run-built', () => {
  it('builds on the first run (no build info yet), then runs the entry with its arguments', () => {
    expect(run('--demo', 'learner')).toBe('["--demo","learner"]\n');
    expect(calls()).toEqual(['--build tsconfig.json']);
  });

  it('starts without compiling while no source is newer than the build', () => {
    setMtime('src/cli/a.ts', -60);
    setMtime('tsconfig.json', -60);
    expect(run('--help')).toBe('["--help"]\n');
    expect(run()).toBe('[]\n');
    expect(calls()).toHaveLength(1);
  });

  it('runs the incremental build again when a source changed, once', () => {
    setMtime('src/cli/a.ts', 5);
    run();
    expect(calls()).toHaveLength(2);
    setMtime('src/cli/a.ts', -60);
    run();
    expect(calls()).toHaveLength(2);
  });

  it('a touched source whose build leaves the build info as it was is not rebuilt on every start', () => {
    // tsc --build may find nothing to emit and leave the build info untouched: the runner marks it.
    fs.writeFileSync(
      path.join(dir, 'node_modules/typescript/bin/tsc'),
      "require('fs').appendFileSync('tsc-calls', 'noop\\n');\n",
    );
    setMtime('dist/.tsbuildinfo', -120);
    run();
    run();
    expect(calls().filter((c) => c === 'noop')).toHaveLength(1);
  });
});

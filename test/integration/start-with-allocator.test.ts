/**
 * `tools/start-with-allocator.sh`, the launcher of `npm start` and `npm run bench`: it preloads
 * jemalloc where the system has it, falls back to the system allocator with a message where it
 * does not, honours MEMORY_ALLOCATOR, JEMALLOC_PATH and a caller's MALLOC_CONF, sets the request
 * thread's young generation (REQUEST_THREAD_YOUNG_GENERATION_MB), and replaces itself with the
 * command (same pid, arguments intact). Each case runs a real Node process and reads its memory map
 * and V8's heap limit, so "preloaded" means the library is really mapped and "set" means V8 took it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allocatorInMaps } from '../../src/server/memory-allocator';

const SCRIPT = path.resolve(__dirname, '../../tools/start-with-allocator.sh');
const DEFAULT_CONF = 'background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0';

/** What the launched Node process saw. */
interface Seen {
  readonly status: number | null;
  readonly stderr: string;
  readonly preload: string | null;
  readonly conf: string | null;
  readonly allocator: string | null;
  readonly argv: readonly string[];
  /** Node's pid and the pid of the shell that started the script: equal when `exec` replaced both. */
  readonly pid: number | null;
  readonly shellPid: number | null;
  /** V8's heap limit of the main thread in MB: the old generation's plus the young generation's. */
  readonly heapLimitMb: number | null;
}

const PROBE = `
const fs = require('node:fs');
process.stdout.write(JSON.stringify({
  preload: process.env.LD_PRELOAD ?? null,
  conf: process.env.MALLOC_CONF ?? null,
  maps: fs.readFileSync('/proc/self/maps', 'utf8'),
  argv: process.argv.slice(1),
  pid: process.pid,
  heapLimitMb: require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20,
}));`;

/** Runs the probe through the script with exactly `env` (plus PATH); the outer shell prints its pid, then `exec`s the script. */
function launch(env: Record<string, string>): Seen {
  const result = spawnSync(
    'sh',
    ['-c', 'echo "$$" >&2; exec sh "$0" "$@"', SCRIPT, process.execPath, '-e', PROBE, 'two words', '*'],
    { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' },
  );
  const [shellPid, ...rest] = result.stderr.split('\n');
  const stderr = rest.join('\n');
  if (result.status !== 0 || result.stdout === '')
    return {
      status: result.status,
      stderr,
      preload: null,
      conf: null,
      allocator: null,
      argv: [],
      pid: null,
      shellPid: null,
      heapLimitMb: null,
    };
  const seen = JSON.parse(result.stdout) as {
    preload: string | null;
    conf: string | null;
    maps: string;
    argv: string[];
    pid: number;
    heapLimitMb: number;
  };
  return {
    status: result.status,
    stderr,
    preload: seen.preload,
    conf: seen.conf,
    allocator: allocatorInMaps(seen.maps),
    argv: seen.argv,
    pid: seen.pid,
    shellPid: Number(shellPid),
    heapLimitMb: seen.heapLimitMb,
  };
}

/** V8's heap limit (MB) of a Node process started without the script, with `args` before the probe. */
function plainHeapLimitMb(args: readonly string[] = []): number {
  const result = spawnSync(
    process.execPath,
    [...args, '-p', "require('node:v8').getHeapStatistics().heap_size_limit / 2 ** 20"],
    { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
  );
  return Number(result.stdout.trim());
}

describe('the start script (tools/start-with-allocator.sh)', () => {
  it('preloads jemalloc with its purging options where the system has it, and says so where it does not', () => {
    const seen = launch({});
    expect(seen.status).toBe(0);
    if (seen.preload !== null) {
      expect(seen.preload).toMatch(/libjemalloc\.so\.2$/);
      expect(seen.allocator).toBe('jemalloc');
      expect(seen.conf).toBe(DEFAULT_CONF);
      expect(seen.stderr).toBe('');
    } else {
      expect(seen.allocator).toBe('system');
      expect(seen.stderr).toMatch(/jemalloc not found .*apt-get install libjemalloc2.*system allocator/);
    }
  });

  it('replaces itself with the command: same pid, arguments passed as given', () => {
    const seen = launch({ MEMORY_ALLOCATOR: 'system' });
    expect(seen.status).toBe(0);
    expect(seen.pid).toBe(seen.shellPid);
    expect(seen.argv).toEqual(['two words', '*']);
  });

  it('leaves the system allocator alone when MEMORY_ALLOCATOR=system', () => {
    const seen = launch({ MEMORY_ALLOCATOR: 'system' });
    expect(seen).toMatchObject({ status: 0, stderr: '', preload: null, conf: null, allocator: 'system' });
  });

  it('falls back to the system allocator, with a message, when JEMALLOC_PATH names no library', () => {
    const missing = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-alloc-')), 'libjemalloc.so.2');
    const seen = launch({ JEMALLOC_PATH: missing });
    expect(seen).toMatchObject({ status: 0, preload: null, conf: null, allocator: 'system' });
    expect(seen.stderr).toContain(`jemalloc not found at ${missing}`);
  });

  it('refuses an unknown MEMORY_ALLOCATOR before running anything', () => {
    const seen = launch({ MEMORY_ALLOCATOR: 'tcmalloc' });
    expect(seen.status).toBe(2);
    expect(seen.stderr).toContain('MEMORY_ALLOCATOR must be jemalloc or system, got "tcmalloc"');
  });

  it("keeps a caller's MALLOC_CONF and a library already preloaded", () => {
    const found = launch({}).preload;
    if (found === null) {
      // Without the library there is nothing to keep beside it: the script must have said so.
      expect(launch({ MALLOC_CONF: 'narenas:2' }).stderr).toMatch(/jemalloc not found/);
      return;
    }
    const seen = launch({ MALLOC_CONF: 'narenas:2', JEMALLOC_PATH: found });
    expect(seen).toMatchObject({ status: 0, preload: found, conf: 'narenas:2', allocator: 'jemalloc' });
    const twice = launch({ LD_PRELOAD: found });
    expect(twice.preload).toBe(found);
    // The loader also reads colon-separated lists: jemalloc found second in one is not added again.
    // (libm: a library Node loads anyway, read from this process's own map.)
    const libm = /\s(\/\S*\/libm\.so\.6)$/m.exec(fs.readFileSync('/proc/self/maps', 'utf8'))?.[1];
    expect(libm).toBeDefined();
    const listed = launch({ LD_PRELOAD: `${libm}:${found}` });
    expect(listed).toMatchObject({ status: 0, preload: `${libm}:${found}`, allocator: 'jemalloc' });
  });

  it("gives the request thread a 24 MB young generation, or REQUEST_THREAD_YOUNG_GENERATION_MB's, and lets a caller's own flag win", () => {
    // V8's heap limit is the old generation's plus the young generation's (three semi-spaces), so
    // against a plain Node process on this machine it moves by exactly the young generation's change.
    const plain = plainHeapLimitMb();
    expect(plain).toBe(plainHeapLimitMb(['--max-semi-space-size=16'])); // V8's default: 48 MB
    const system = { MEMORY_ALLOCATOR: 'system' };
    expect(launch(system).heapLimitMb).toBe(plain - 24);
    expect(launch({ ...system, REQUEST_THREAD_YOUNG_GENERATION_MB: '48' }).heapLimitMb).toBe(plain);
    expect(launch({ ...system, REQUEST_THREAD_YOUNG_GENERATION_MB: '96' }).heapLimitMb).toBe(plain + 48);
    // Not a multiple of 3: rounded down to one (13 gives 4 MB semi-spaces, a 12 MB young generation).
    expect(launch({ ...system, REQUEST_THREAD_YOUNG_GENERATION_MB: '13' }).heapLimitMb).toBe(plain - 36);
    expect(
      launch({ ...system, NODE_OPTIONS: '--max-semi-space-size=32' }).heapLimitMb,
      "the caller's NODE_OPTIONS comes after the script's setting",
    ).toBe(plain + 48);
  });

  it('refuses a young generation that is not a whole number of MB from 8 to 1,024 before running anything', () => {
    for (const value of ['7', '1025', 'abc', '24MB', '08', '-24']) {
      const seen = launch({ MEMORY_ALLOCATOR: 'system', REQUEST_THREAD_YOUNG_GENERATION_MB: value });
      expect(seen.status, value).toBe(2);
      expect(seen.stderr).toContain(
        `REQUEST_THREAD_YOUNG_GENERATION_MB must be a whole number of MB from 8 to 1024, got "${value}"`,
      );
    }
  });
});

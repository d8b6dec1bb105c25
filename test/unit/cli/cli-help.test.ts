/**
 * Every command-line entry point answers `--help` (and `-h`) with its usage on stdout and exit
 * status 0, without opening a database or doing its work (#13.9). Each module is loaded fresh with
 * `--help` as its arguments, as `node dist/<entry>.js --help` would run it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
/** Modules of src/cli/ that are helpers, not commands. */
const HELPERS = new Set(['run-cli.ts', 'credential-files.ts', 'import-progress.ts']);
const ENTRIES = [
  ...fs
    .readdirSync(path.join(ROOT, 'src/cli'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !HELPERS.has(f))
    .map((f) => `src/cli/${f}`),
  'tools/bench.ts',
  'tools/bench-import.ts',
  'tools/eval-skill-mapping.ts',
];

const savedArgv = process.argv;
afterEach(() => {
  process.argv = savedArgv;
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function runWith(
  entry: string,
  flag: string,
): Promise<{ stdout: string; stderr: string; exitCode: number | string | undefined }> {
  vi.resetModules();
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  process.argv = [process.execPath, path.join(ROOT, entry), flag];
  await import(path.join(ROOT, entry));
  // Entry points with an async main set the exit code after a few turns of the event loop.
  for (let i = 0; i < 50 && process.exitCode === undefined; i += 1)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const exitCode = process.exitCode;
  vi.restoreAllMocks();
  return { stdout, stderr, exitCode };
}

describe('every CLI has --help', () => {
  it('finds the entry points (all of src/cli/ but its helpers)', () => {
    expect(ENTRIES).toEqual(
      expect.arrayContaining([
        'src/cli/mint-token.ts',
        'src/cli/catalog-import.ts',
        'src/cli/vc-keygen.ts',
        'src/cli/emit-schema.ts',
      ]),
    );
    expect(ENTRIES.length).toBeGreaterThanOrEqual(14);
  });

  it.each(ENTRIES)(
    '%s --help prints its usage and exits 0',
    async (entry) => {
      const { stdout, stderr, exitCode } = await runWith(entry, '--help');
      expect(exitCode).toBe(0);
      expect(stdout).toMatch(/^usage: /);
      expect(stdout.length).toBeGreaterThan(20);
      expect(stderr).toBe('');
    },
    60_000,
  );

  it('-h is the same as --help', async () => {
    const { stdout, exitCode } = await runWith('src/cli/mint-token.ts', '-h');
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^usage: token --demo learner\|advisor\|portal/);
  });
});

import { terminalText } from '../domain/text/terminal-text';

/** True when the arguments ask for help (`--help` or `-h` before a `--` separator). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * Runs a command-line entry point: `--help` (or `-h`) prints `usage` and exits 0 without running
 * it; otherwise its resolved number becomes the exit code, and a failure is printed as one line
 * (`<name> failed: <reason>`) with exit code 1 instead of a stack trace.
 *
 * @example
 * runCli('vc-keygen', main, 'usage: vc-keygen\n\nPrints a new VC_SIGNING_KEY …');
 */
export function runCli(name: string, main: (args: string[]) => Promise<number | void>, usage: string): void {
  const args = process.argv.slice(2);
  if (asksForHelp(args)) {
    process.stdout.write(usage.endsWith('\n') ? usage : usage + '\n');
    process.exitCode = 0;
    return;
  }
  main(args).then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 1;
    },
  );
}

import { terminalText } from '../domain/text/terminal-text';

/**
 * Runs a command-line entry point: its resolved number becomes the exit code, and a failure is
 * printed as one line (`<name> failed: <reason>`) with exit code 1 instead of a stack trace.
 */
export function runCli(name: string, main: (args: string[]) => Promise<number | void>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      process.stderr.write(`${name} failed: ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 1;
    },
  );
}

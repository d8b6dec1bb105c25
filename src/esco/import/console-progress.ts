/**
 * Picks the progress display of a command-line run: bars on an interactive terminal, plain lines
 * otherwise (CI logs and pipes would fill up with cursor-control sequences).
 */
import type { ImportProgress } from './import-progress';
import { LineProgress } from './line-progress';
import { TtyProgress } from './tty-progress';

/** Progress for `stream` (default stdout): {@link TtyProgress} on a TTY, else {@link LineProgress}. */
export function consoleProgress(stream: NodeJS.WriteStream = process.stdout): ImportProgress {
  return stream.isTTY ? new TtyProgress(stream) : new LineProgress(stream);
}

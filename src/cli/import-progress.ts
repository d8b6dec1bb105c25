/**
 * Progress of a long import on the terminal: a bar with percentage and time left (cli-progress)
 * when the output is a terminal and the size is known (the file's bytes, or the rows of
 * `--limit`), plain lines otherwise (every {@link PLAIN_LINE_EVERY} rows, with percentage and
 * time left when the size is known), so logs and pipes get readable lines instead of redraws.
 */
import cliProgress from 'cli-progress';

/** Rows between two plain progress lines. */
export const PLAIN_LINE_EVERY = 500;

/** Where progress goes (process.stderr; tests pass a stand-in). */
export interface ProgressStream {
  write(chunk: string): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** What the size of the work is measured in, and how much there is. */
export interface ProgressTotal {
  readonly unit: 'bytes' | 'rows';
  readonly size: number;
}

/** Receives the reader's position; `stop` ends the bar before the summary is printed. */
export interface ImportProgress {
  update(rowsRead: number, bytesRead: number): void;
  stop(): void;
}

/** `1h 02m`, `3m 05s`, `12s`: the time left of a plain line. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * The progress display of one import.
 *
 * @param total the size of the work, or null when unknown (plain lines without percentage).
 * @param now the clock (milliseconds), for the time left of plain lines.
 * @example
 * const progress = createImportProgress(process.stderr, { unit: 'bytes', size: fs.statSync(csv).size });
 * await importer.importFile(csv, { onProgress: (rows, bytes) => progress.update(rows, bytes) });
 * progress.stop();
 */
export function createImportProgress(
  stream: ProgressStream,
  total: ProgressTotal | null,
  now: () => number = Date.now,
): ImportProgress {
  const progressValue = (rows: number, bytes: number) => (total?.unit === 'rows' ? rows : bytes);
  if (stream.isTTY === true && total !== null && total.size > 0) {
    const bar = new cliProgress.SingleBar(
      {
        stream: stream as unknown as NodeJS.WritableStream,
        format: '{bar} {percentage}% | {rows} rows | time left {eta_formatted}',
        barsize: 30,
        hideCursor: false,
        etaBuffer: 50,
        fps: 5,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total.size, 0, { rows: 0 });
    return {
      update: (rows, bytes) => bar.update(Math.min(total.size, progressValue(rows, bytes)), { rows }),
      stop: () => bar.stop(),
    };
  }
  const started = now();
  return {
    update(rows, bytes) {
      if (rows % PLAIN_LINE_EVERY !== 0) return;
      if (total === null || total.size <= 0) {
        stream.write(`${rows} rows read\n`);
        return;
      }
      const done = Math.min(1, progressValue(rows, bytes) / total.size);
      const elapsed = (now() - started) / 1000;
      const left = done > 0 ? formatDuration((elapsed * (1 - done)) / done) : 'unknown';
      stream.write(`${rows} rows read (${Math.floor(done * 100)}%, about ${left} left)\n`);
    },
    stop() {
      // Each update writes a whole line; nothing to clear.
    },
  };
}

/**
 * Plain progress lines for logs and pipes (no cursor control): at most one line every
 * `intervalMs` per file while it runs, and one line when it finishes.
 */
import type { ImportProgress } from './import-progress';
import type { FileSummary } from './import-summary';

/** Writes `file: N rows (R rows/s)` lines to `stream`. */
export class LineProgress implements ImportProgress {
  private file: string | undefined;
  private started = 0;
  private lastLine = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream = process.stdout,
    private readonly intervalMs = 5_000,
  ) {}

  startFile(file: string): void {
    this.file = file;
    this.started = performance.now();
    this.lastLine = this.started;
  }

  update(file: string, rows: number, bytes: number): void {
    const now = performance.now();
    if (file !== this.file || now - this.lastLine < this.intervalMs) return;
    this.lastLine = now;
    const rate = Math.round(rows / ((now - this.started) / 1000));
    this.stream.write(`${file}: ${rows} rows, ${(bytes / 1_048_576).toFixed(1)} MiB read (${rate} rows/s)\n`);
  }

  batchCommitted(): void {
    // The periodic row lines say enough.
  }

  finishFile(summary: FileSummary): void {
    const seconds = summary.durationMs / 1000;
    const rate = seconds > 0 ? Math.round(summary.rows / seconds) : summary.rows;
    this.stream.write(
      `${summary.file}: done, ${summary.rows} rows (${summary.imported} imported, ${summary.skipped} skipped` +
        `${summary.ignored > 0 ? `, ${summary.ignored} ignored` : ''}) in ${seconds.toFixed(1)} s (${rate} rows/s)\n`,
    );
    this.file = undefined;
  }

  stop(): void {
    // Each update writes a whole line; nothing to clear.
  }
}

/**
 * Progress bars for an interactive terminal: one bar per file (files run one after another, so
 * finished bars stay visible above the current one), sized by bytes because the row count of a
 * CSV with multi-line cells is unknown until it is parsed.
 */
import { MultiBar, type SingleBar } from 'cli-progress';
import type { ImportProgress } from './import-progress';
import type { FileSummary } from './import-summary';

interface Current {
  readonly file: string;
  readonly bar: SingleBar;
  readonly started: number;
}

/** Draws cli-progress bars on `stream` (a TTY). */
export class TtyProgress implements ImportProgress {
  private readonly bars: MultiBar;
  private current: Current | undefined;

  constructor(stream: NodeJS.WritableStream = process.stdout) {
    this.bars = new MultiBar({
      stream,
      format: '{file} [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {duration_formatted}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      fps: 8,
    });
  }

  startFile(file: string, totalBytes: number): void {
    const bar = this.bars.create(Math.max(totalBytes, 1), 0, { file: file.padEnd(36), rows: 0, rate: 0 });
    this.current = { file, bar, started: performance.now() };
  }

  update(file: string, rows: number, bytes: number): void {
    if (this.current?.file !== file) return;
    const seconds = (performance.now() - this.current.started) / 1000;
    this.current.bar.update(bytes, { rows, rate: seconds > 0 ? Math.round(rows / seconds) : 0 });
  }

  batchCommitted(): void {
    // The bar follows bytes read, not commits.
  }

  finishFile(summary: FileSummary): void {
    if (this.current?.file !== summary.file) return;
    const seconds = summary.durationMs / 1000;
    this.current.bar.update(this.current.bar.getTotal(), {
      rows: summary.rows,
      rate: seconds > 0 ? Math.round(summary.rows / seconds) : 0,
    });
    this.current.bar.stop();
    this.current = undefined;
  }

  stop(): void {
    this.bars.stop();
  }
}

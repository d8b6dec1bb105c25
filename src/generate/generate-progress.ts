/**
 * How a generation reports progress: a bar per phase on an interactive terminal (cli-progress),
 * plain throttled lines in logs and pipes, nothing in tests.
 */
import { MultiBar, type SingleBar } from 'cli-progress';

/** Receives progress events: per phase a start, row counts as batches commit, a finish. */
export interface GenerateProgress {
  startPhase(phase: string, total: number): void;
  /** `done` rows of the phase are committed. */
  advance(phase: string, done: number): void;
  finishPhase(phase: string, rows: number, millis: number): void;
  /** The run ended, successfully or not: release the terminal. */
  stop(): void;
}

/** Reports nothing. */
export const silentGenerateProgress: GenerateProgress = {
  startPhase() {
    // Silent.
  },
  advance() {
    // Silent.
  },
  finishPhase() {
    // Silent.
  },
  stop() {
    // Silent.
  },
};

/** cli-progress bars on a TTY. */
export class TtyGenerateProgress implements GenerateProgress {
  private readonly bars: MultiBar;
  private readonly current = new Map<string, { bar: SingleBar; started: number }>();

  constructor(stream: NodeJS.WritableStream = process.stdout) {
    this.bars = new MultiBar({
      stream,
      format: '{phase} [{bar}] {percentage}% | {value}/{total} | {rate} rows/s | {duration_formatted}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: false,
      fps: 8,
    });
  }

  startPhase(phase: string, total: number): void {
    this.current.set(phase, {
      bar: this.bars.create(Math.max(total, 1), 0, { phase: phase.padEnd(12), rate: 0 }),
      started: performance.now(),
    });
  }

  advance(phase: string, done: number): void {
    const entry = this.current.get(phase);
    if (entry === undefined) return;
    const seconds = (performance.now() - entry.started) / 1000;
    entry.bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
  }

  finishPhase(phase: string, rows: number, millis: number): void {
    const entry = this.current.get(phase);
    if (entry === undefined) return;
    entry.bar.update(Math.max(rows, 1), { rate: millis > 0 ? Math.round(rows / (millis / 1000)) : 0 });
    entry.bar.stop();
    this.current.delete(phase);
  }

  stop(): void {
    this.bars.stop();
  }
}

/** One line per phase every `intervalMs` at most, and one when it finishes. */
export class LineGenerateProgress implements GenerateProgress {
  private readonly started = new Map<string, { at: number; lastLine: number; total: number }>();

  constructor(
    private readonly stream: NodeJS.WritableStream = process.stdout,
    private readonly intervalMs = 5_000,
  ) {}

  startPhase(phase: string, total: number): void {
    const now = performance.now();
    this.started.set(phase, { at: now, lastLine: now, total });
  }

  advance(phase: string, done: number): void {
    const entry = this.started.get(phase);
    const now = performance.now();
    if (entry === undefined || now - entry.lastLine < this.intervalMs) return;
    entry.lastLine = now;
    this.stream.write(
      `${phase}: ${done}/${entry.total} rows (${Math.round(done / ((now - entry.at) / 1000))} rows/s)\n`,
    );
  }

  finishPhase(phase: string, rows: number, millis: number): void {
    this.stream.write(
      `${phase}: ${rows} rows in ${(millis / 1000).toFixed(1)} s (${millis > 0 ? Math.round(rows / (millis / 1000)) : rows} rows/s)\n`,
    );
    this.started.delete(phase);
  }

  stop(): void {
    // Each phase writes whole lines; nothing to clear.
  }
}

/** Bars when `stream` is a TTY, lines otherwise. */
export function consoleGenerateProgress(stream: NodeJS.WriteStream = process.stdout): GenerateProgress {
  return stream.isTTY ? new TtyGenerateProgress(stream) : new LineGenerateProgress(stream);
}

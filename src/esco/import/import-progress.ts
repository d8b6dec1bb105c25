/**
 * How an import reports progress. The importer only talks to this interface, so the CLI can draw
 * bars, a log can get plain lines, and tests pass {@link silentProgress} (or a spy that counts
 * batches, e.g. to stop an import half-way).
 */
import type { FileSummary } from './import-summary';

/** Receives progress events of one import run, in order: per file start, updates/batches, finish. */
export interface ImportProgress {
  /** A file starts; `totalBytes` is its size (the row count is unknown before parsing). */
  startFile(file: string, totalBytes: number): void;
  /** Rows parsed so far in `file` and bytes consumed. Called often: implementations throttle. */
  update(file: string, rows: number, bytes: number): void;
  /** A write transaction of `rows` rows committed; `batches` counts all batches of the run. */
  batchCommitted(file: string, rows: number, batches: number): void;
  /** A file is done. */
  finishFile(summary: FileSummary): void;
  /** The run ended (successfully or not): release the terminal. */
  stop(): void;
}

/** Reports nothing. */
export const silentProgress: ImportProgress = {
  startFile() {
    // Silent.
  },
  update() {
    // Silent.
  },
  batchCommitted() {
    // Silent.
  },
  finishFile() {
    // Silent.
  },
  stop() {
    // Silent.
  },
};

/**
 * Collects records (with the CSV position each came from) into batches of a fixed size and hands
 * full batches to a {@link WriteQueue}. The positions travel with the batch so rows the database
 * rejects can be reported with their file row.
 */
import type { WriteQueue } from './write-queue';

/** Where a record came from in its file. */
export interface RowRef {
  readonly row: number;
  readonly line?: number;
}

/** Writes one batch; `refs[i]` is the position of `records[i]`. */
export type BatchWriter<T> = (records: T[], refs: RowRef[]) => Promise<void>;

/** Fills batches of `size` records and submits them to `queue`. */
export class Batcher<T> {
  private records: T[] = [];
  private refs: RowRef[] = [];

  constructor(
    private readonly size: number,
    private readonly queue: WriteQueue,
    private readonly write: BatchWriter<T>,
  ) {}

  /** Adds a record; returns a promise (to await) only when this filled a batch. */
  add(record: T, ref: RowRef): Promise<void> | undefined {
    this.records.push(record);
    this.refs.push(ref);
    return this.records.length >= this.size ? this.flush() : undefined;
  }

  /** Submits whatever is collected (nothing when empty). */
  async flush(): Promise<void> {
    if (this.records.length === 0) return;
    const records = this.records;
    const refs = this.refs;
    this.records = [];
    this.refs = [];
    await this.queue.submit(records.length, () => this.write(records, refs));
  }
}

/**
 * Integer records of varying length by dense id (a learner's holdings and declared skills), kept
 * in one growing Int32Array.
 *
 * Why not one Int32Array per record: a small typed array costs about 300 bytes beyond its data
 * (its ArrayBuffer, view and backing store), several times a learner's 20-odd integers, and
 * 50,000 to a million learners are kept for the process's life.
 *
 * A replaced or deleted record leaves its old place unused; once the unused part passes half the
 * array, the next growth copies the live records into a new array instead (amortised O(1) per
 * integer written). Growth and compaction always write a new array, so a record read before them
 * keeps its values.
 */
export class PackedRecords {
  private data = new Int32Array(1024);
  /** End of the written part of `data`. */
  private end = 0;
  /** Integers of live records. */
  private live = 0;
  private starts = new Int32Array(256);
  /** Length of each id's record; -1: none. */
  private lengths = new Int32Array(256).fill(-1);

  /** Sets the record of `id` (a copy of `values`), replacing any. */
  set(id: number, values: ArrayLike<number>): void {
    this.delete(id);
    this.reserveId(id);
    const n = values.length;
    if (this.end + n > this.data.length) this.makeRoom(n);
    this.data.set(values, this.end);
    this.starts[id] = this.end;
    this.lengths[id] = n;
    this.end += n;
    this.live += n;
  }

  /** The record of `id` (a view: read it before the next write), or undefined. */
  get(id: number): Int32Array | undefined {
    const n = id < this.lengths.length ? this.lengths[id]! : -1;
    if (n < 0) return undefined;
    const start = this.starts[id]!;
    return this.data.subarray(start, start + n);
  }

  /** Removes the record of `id`, if any. */
  delete(id: number): void {
    if (id >= this.lengths.length || this.lengths[id]! < 0) return;
    this.live -= this.lengths[id]!;
    this.lengths[id] = -1;
  }

  /** Integers the array has room for, live, unused and free. */
  get capacity(): number {
    return this.data.length;
  }

  private reserveId(id: number): void {
    if (id < this.lengths.length) return;
    const size = Math.max(id + 1, this.lengths.length * 2);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const lengths = new Int32Array(size).fill(-1);
    lengths.set(this.lengths);
    this.starts = starts;
    this.lengths = lengths;
  }

  /** A new array with room for `n` more integers: the live records only, when half is unused. */
  private makeRoom(n: number): void {
    const compact = this.end - this.live > this.end / 2;
    const used = compact ? this.live : this.end;
    const data = new Int32Array(Math.max(1024, Math.ceil((used + n) * 1.5)));
    if (compact) {
      let at = 0;
      for (let id = 0; id < this.lengths.length; id += 1) {
        const length = this.lengths[id]!;
        if (length < 0) continue;
        const start = this.starts[id]!;
        data.set(this.data.subarray(start, start + length), at);
        this.starts[id] = at;
        at += length;
      }
      this.end = at;
    } else {
      data.set(this.data.subarray(0, this.end));
    }
    this.data = data;
  }
}

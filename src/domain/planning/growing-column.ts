/**
 * A typed array that grows as values are pushed, for packing columns whose length is known only
 * at the end. Pushing onto a plain array and copying it into a typed array at the end kept every
 * value as a JavaScript heap element first: with a few 200-target plans packing thousands of
 * courses each, those arrays were a tenth of the request thread's allocations, and they live long
 * enough (a packing runs in slices) to be copied by the young-generation collector. A typed
 * array's storage sits outside the JavaScript heap: growing it copies bytes once, and no
 * collector copies it again.
 */

/** The typed arrays a column can be. */
export type ColumnArray = Int32Array | Uint8Array | Float64Array;

/**
 * Values pushed one at a time into a typed array that doubles when full.
 *
 * @example
 * const column = new GrowingColumn(Int32Array, 2);
 * for (const value of [4, 5, 6]) column.push(value);
 * column.finish(); // Int32Array [4, 5, 6], on a buffer of its own (transferable)
 */
export class GrowingColumn<T extends ColumnArray> {
  private values: T;
  private count = 0;

  /** @param capacity values to hold before the first growth (at least 1) */
  constructor(
    private readonly make: new (length: number) => T,
    capacity = 1024,
  ) {
    this.values = new make(Math.max(1, Math.ceil(capacity)));
  }

  /** Values pushed so far. */
  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count === this.values.length) {
      const grown = new this.make(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count] = value;
    this.count += 1;
  }

  /** The pushed values, copied onto a buffer of exactly their length. */
  finish(): T {
    return this.values.slice(0, this.count) as T;
  }
}

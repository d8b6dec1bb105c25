/**
 * A set of small non-negative whole numbers (interned ids) as one byte per id. A course look-up
 * for a reskilling job marks tens of thousands of credential ids as seen; in a `Set<number>` each
 * mark was a hash-table entry, and the tables' growth was a twentieth of the request thread's
 * allocations with four 200-target plans. Here a mark is a byte in a typed array that doubles past
 * the largest id, outside the JavaScript heap.
 */
export class IdMarks {
  private marks: Uint8Array;

  /** @param capacity ids below this need no growth (at least 1) */
  constructor(capacity = 1024) {
    this.marks = new Uint8Array(Math.max(1, Math.ceil(capacity)));
  }

  /** Whether `id` was added. @throws RangeError on an id that is not a whole number ≥ 0 */
  has(id: number): boolean {
    checkId(id);
    return id < this.marks.length && this.marks[id] === 1;
  }

  /**
   * Marks `id`.
   *
   * @example
   * const seen = new IdMarks();
   * seen.add(70_000); // grows to hold it
   * seen.has(70_000); // true
   * seen.has(3); // false
   */
  add(id: number): this {
    checkId(id);
    if (id >= this.marks.length) {
      const grown = new Uint8Array(Math.max(this.marks.length * 2, id + 1));
      grown.set(this.marks);
      this.marks = grown;
    }
    this.marks[id] = 1;
    return this;
  }
}

function checkId(id: number): void {
  if (!Number.isInteger(id) || id < 0) throw new RangeError(`an id must be a whole number ≥ 0, got ${id}`);
}

/**
 * Maps strings (URIs, ids, dates) to dense integers and back, so the read model stores numbers in
 * typed arrays instead of repeating strings.
 */
export class Interner {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];

  /** The number of distinct strings interned so far. */
  get size(): number {
    return this.values.length;
  }

  /** The id of `value`, assigning the next one when it is new. */
  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /**
   * The interned string equal to `value`, interning it first: rows that keep the result share one
   * string per distinct value instead of one per row.
   */
  shared(value: string): string {
    return this.values[this.intern(value)]!;
  }

  /** The id of `value`, or undefined when it was never interned. */
  lookup(value: string): number | undefined {
    return this.ids.get(value);
  }

  /** Every interned string, in id order (a copy). */
  all(): string[] {
    return [...this.values];
  }

  /** The string of an id. */
  value(id: number): string {
    const value = this.values[id];
    if (value === undefined) throw new RangeError(`no interned value ${id}`);
    return value;
  }
}

/**
 * Lists of small integers by dense integer key (interned ids), all in one growing Int32Array,
 * for indexes the read model keeps for the process's life and changes entity by entity.
 *
 * Why one shared Int32Array and not an array per key: 20,000 JavaScript arrays of small integers
 * (the holdings by credential) took 12.8 MB of the request thread's heap at the benchmark's
 * population (8 bytes an integer, up to half of each array spare room, an object and a map entry
 * per key); here they take 4 bytes an integer. A list that outgrows its room moves to the end of
 * the array with twice the room (amortised O(1) per entry added); {@link trim} takes the spare
 * room back once a bulk load is over. Growth and compaction write a new array, so a list read
 * before them keeps its values.
 *
 * A list holds entries of `stride` integers (1 to 4), written by {@link add}.
 *
 * @example
 * const teachers = new GrowingLists(1);
 * teachers.add(12, 7); // key 12 (a skill) lists 7 (a credential)
 * teachers.of(12); // Int32Array [7]
 * // Without a view per call (a ranking's loop):
 * const data = teachers.data, from = teachers.startOf(12), to = from + teachers.lengthOf(12);
 * teachers.removeEntries(12, 7);
 * teachers.of(12); // undefined
 */
export class GrowingLists {
  private pool = new Int32Array(1024);
  /** End of the written part of {@link pool}. */
  private end = 0;
  /** Room (integers) held by lists that have an entry; the rest below {@link end} is unused. */
  private held = 0;
  private starts = new Int32Array(256);
  /** Integers in each key's list (0: none). */
  private lengths = new Int32Array(256);
  /** Room of each key's list, in integers. */
  private rooms = new Int32Array(256);

  /** @param stride integers per entry, 1 to 4 */
  constructor(readonly stride: number) {
    if (!Number.isInteger(stride) || stride < 1 || stride > 4) throw new RangeError(`stride ${stride} is not 1 to 4`);
  }

  /** Appends an entry to the list of `key`: its first `stride` integers of `a`, `b`, `c`, `d`. */
  add(key: number, a: number, b = 0, c = 0, d = 0): void {
    this.reserveId(key);
    const { stride } = this;
    const length = this.lengths[key]!;
    if (length + stride > this.rooms[key]!) this.move(key, Math.max(2 * stride, 2 * this.rooms[key]!));
    const at = this.starts[key]! + length;
    this.pool[at] = a;
    if (stride > 1) this.pool[at + 1] = b;
    if (stride > 2) this.pool[at + 2] = c;
    if (stride > 3) this.pool[at + 3] = d;
    this.lengths[key] = length + stride;
  }

  /** Drops every entry of `key`'s list whose first integer is `first`. */
  removeEntries(key: number, first: number): void {
    const length = this.lengthOf(key);
    if (length === 0) return;
    const { stride } = this;
    const start = this.starts[key]!;
    let kept = start;
    for (let at = start; at < start + length; at += stride) {
      if (this.pool[at] === first) continue;
      if (kept !== at) this.pool.copyWithin(kept, at, at + stride);
      kept += stride;
    }
    this.lengths[key] = kept - start;
    if (kept === start) this.release(key);
  }

  /** Drops the whole list of `key`. */
  removeKey(key: number): void {
    if (this.lengthOf(key) === 0) return;
    this.lengths[key] = 0;
    this.release(key);
  }

  /** The list of `key` (flat; a view: read it before the next write), or undefined when it is empty. */
  of(key: number): Int32Array | undefined {
    const length = this.lengthOf(key);
    if (length === 0) return undefined;
    const start = this.starts[key]!;
    return this.pool.subarray(start, start + length);
  }

  /** The array every list lives in (read it after {@link startOf}, before the next write). */
  get data(): Int32Array {
    return this.pool;
  }

  /** Where `key`'s list starts in {@link data} (meaningful when {@link lengthOf} is not 0). */
  startOf(key: number): number {
    return key < this.starts.length ? this.starts[key]! : 0;
  }

  /** Integers in `key`'s list: `stride` per entry, 0 when it is empty. */
  lengthOf(key: number): number {
    return key < this.lengths.length ? this.lengths[key]! : 0;
  }

  /** The distinct first integers of `key`'s entries. */
  firsts(key: number): Set<number> {
    const values = new Set<number>();
    const start = this.startOf(key);
    const end = start + this.lengthOf(key);
    for (let at = start; at < end; at += this.stride) values.add(this.pool[at]!);
    return values;
  }

  /** Integers the shared array has room for (live, spare and unused). */
  get capacity(): number {
    return this.pool.length;
  }

  /**
   * Packs the lists without spare room, in a new array of their exact size: for the end of a bulk
   * load, after which lists rarely grow (a list that does moves, as always, with room to grow).
   */
  trim(): void {
    this.repack(0, false);
  }

  private release(key: number): void {
    this.held -= this.rooms[key]!;
    this.rooms[key] = 0;
  }

  /** Moves `key`'s list to the end of the array with `room` integers of room. */
  private move(key: number, room: number): void {
    if (this.end + room > this.pool.length) this.makeRoom(room);
    const start = this.starts[key]!;
    const length = this.lengths[key]!;
    this.pool.copyWithin(this.end, start, start + length);
    this.held += room - this.rooms[key]!;
    this.starts[key] = this.end;
    this.rooms[key] = room;
    this.end += room;
  }

  /** A new array with room for `n` more integers: the lists alone (with their room), when half is unused. */
  private makeRoom(n: number): void {
    if (this.end - this.held > this.end / 2) this.repack(n, true);
    else {
      const pool = new Int32Array(Math.max(1024, Math.ceil((this.end + n) * 1.5)));
      pool.set(this.pool.subarray(0, this.end));
      this.pool = pool;
    }
  }

  /** Copies the lists one after another into a new array with `n` integers more than they need. */
  private repack(n: number, keepRoom: boolean): void {
    const room = (key: number) => (keepRoom ? this.rooms[key]! : this.lengths[key]!);
    let needed = n;
    for (let key = 0; key < this.lengths.length; key += 1) if (this.lengths[key]! > 0) needed += room(key);
    const pool = new Int32Array(keepRoom ? Math.max(1024, Math.ceil(needed * 1.5)) : needed);
    let at = 0;
    for (let key = 0; key < this.lengths.length; key += 1) {
      const length = this.lengths[key]!;
      if (length === 0) continue;
      const start = this.starts[key]!;
      pool.set(this.pool.subarray(start, start + length), at);
      this.starts[key] = at;
      this.rooms[key] = room(key);
      at += this.rooms[key]!;
    }
    this.pool = pool;
    this.end = at;
    this.held = at;
  }

  private reserveId(id: number): void {
    if (id < this.lengths.length) return;
    const size = Math.max(id + 1, this.lengths.length * 2);
    const grow = (old: Int32Array) => {
      const grown = new Int32Array(size);
      grown.set(old);
      return grown;
    };
    this.starts = grow(this.starts);
    this.lengths = grow(this.lengths);
    this.rooms = grow(this.rooms);
  }
}

/**
 * Every holding of the read model, grouped by credential, with what a ranking checks of it: who
 * holds it, the holding's dates and its verification status. Ranking a posting visits tens of
 * thousands of holdings of the credentials teaching its skills; reading them here, a few flat
 * arrays, spares it each holder's own record (scattered over the heap, one memory miss after
 * another), which dominated the ranking's time on the request thread.
 */

/** Numbers per holding in a credential's list: learner, issuedOn, expiresOn, status. */
export const HOLDING_STRIDE = 4;

/** Room a credential's first holding gets, in integers (two holdings). */
const FIRST_ROOM = 2 * HOLDING_STRIDE;

/**
 * Holdings by credential id (dense interned ids), each credential's as one flat list of
 * {@link HOLDING_STRIDE} integers per holding (`[learner, issuedOn, expiresOn, status, learner,
 * ...]`, the same codes as the learner's own record). A learner holding a credential twice is
 * listed twice.
 *
 * Why one shared Int32Array and not an array per credential: 20,000 JavaScript arrays of small
 * integers took 12.8 MB of the request thread's heap at the benchmark's population (8 bytes an
 * integer, up to half of each array spare room, an object and a map entry per credential); here
 * they take 4 bytes an integer. A list that outgrows its room moves to the end of the array with
 * twice the room (amortised O(1) per holding added); {@link trim} takes the spare room back once
 * a bulk load is over. Growth and compaction write a new array, so a list read before them keeps
 * its values.
 *
 * @example
 * const index = new HoldingsByCredential();
 * index.add(7, 3, 12, -1, 1); // learner 3 holds credential 7, issued on date 12, no expiry, status 1
 * index.of(7); // Int32Array [3, 12, -1, 1]
 * // Without a view per call (a ranking's loop):
 * const data = index.data, from = index.startOf(7), to = from + index.lengthOf(7);
 * index.removeLearner(7, 3);
 * index.of(7); // undefined
 */
export class HoldingsByCredential {
  private pool = new Int32Array(1024);
  /** End of the written part of {@link pool}. */
  private end = 0;
  /** Room (integers) held by lists that have a holding; the rest below {@link end} is unused. */
  private held = 0;
  private starts = new Int32Array(256);
  /** Integers in each credential's list (0: nobody holds it). */
  private lengths = new Int32Array(256);
  /** Room of each credential's list, in integers. */
  private rooms = new Int32Array(256);

  /** One holding of `credential` by `learner`. */
  add(credential: number, learner: number, issuedOn: number, expiresOn: number, status: number): void {
    this.reserveId(credential);
    const length = this.lengths[credential]!;
    if (length + HOLDING_STRIDE > this.rooms[credential]!)
      this.move(credential, Math.max(FIRST_ROOM, 2 * this.rooms[credential]!));
    const at = this.starts[credential]! + length;
    this.pool[at] = learner;
    this.pool[at + 1] = issuedOn;
    this.pool[at + 2] = expiresOn;
    this.pool[at + 3] = status;
    this.lengths[credential] = length + HOLDING_STRIDE;
  }

  /** Drops every holding of `credential` by `learner`. */
  removeLearner(credential: number, learner: number): void {
    const length = this.lengthOf(credential);
    if (length === 0) return;
    const start = this.starts[credential]!;
    let kept = start;
    for (let at = start; at < start + length; at += HOLDING_STRIDE) {
      if (this.pool[at] === learner) continue;
      if (kept !== at) this.pool.copyWithin(kept, at, at + HOLDING_STRIDE);
      kept += HOLDING_STRIDE;
    }
    this.lengths[credential] = kept - start;
    if (kept === start) this.release(credential);
  }

  /** Drops every holding of `credential`. */
  removeCredential(credential: number): void {
    if (this.lengthOf(credential) === 0) return;
    this.lengths[credential] = 0;
    this.release(credential);
  }

  /** The holdings of `credential` (flat, see the class; a view: read it before the next write), or undefined when nobody holds it. */
  of(credential: number): Int32Array | undefined {
    const length = this.lengthOf(credential);
    if (length === 0) return undefined;
    const start = this.starts[credential]!;
    return this.pool.subarray(start, start + length);
  }

  /** The array every list lives in (read it after {@link startOf}, before the next write). */
  get data(): Int32Array {
    return this.pool;
  }

  /** Where `credential`'s list starts in {@link data} (meaningful when {@link lengthOf} is not 0). */
  startOf(credential: number): number {
    return credential < this.starts.length ? this.starts[credential]! : 0;
  }

  /** Integers in `credential`'s list: {@link HOLDING_STRIDE} per holding, 0 when nobody holds it. */
  lengthOf(credential: number): number {
    return credential < this.lengths.length ? this.lengths[credential]! : 0;
  }

  /** The distinct learners holding `credential`. */
  holders(credential: number): Set<number> {
    const learners = new Set<number>();
    const start = this.startOf(credential);
    const end = start + this.lengthOf(credential);
    for (let at = start; at < end; at += HOLDING_STRIDE) learners.add(this.pool[at]!);
    return learners;
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

  private release(credential: number): void {
    this.held -= this.rooms[credential]!;
    this.rooms[credential] = 0;
  }

  /** Moves `credential`'s list to the end of the array with `room` integers of room. */
  private move(credential: number, room: number): void {
    if (this.end + room > this.pool.length) this.makeRoom(room);
    const start = this.starts[credential]!;
    const length = this.lengths[credential]!;
    this.pool.copyWithin(this.end, start, start + length);
    this.held += room - this.rooms[credential]!;
    this.starts[credential] = this.end;
    this.rooms[credential] = room;
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
    const room = (credential: number) => (keepRoom ? this.rooms[credential]! : this.lengths[credential]!);
    let needed = n;
    for (let credential = 0; credential < this.lengths.length; credential += 1)
      if (this.lengths[credential]! > 0) needed += room(credential);
    const pool = new Int32Array(keepRoom ? Math.max(1024, Math.ceil(needed * 1.5)) : needed);
    let at = 0;
    for (let credential = 0; credential < this.lengths.length; credential += 1) {
      const length = this.lengths[credential]!;
      if (length === 0) continue;
      const start = this.starts[credential]!;
      pool.set(this.pool.subarray(start, start + length), at);
      this.starts[credential] = at;
      this.rooms[credential] = room(credential);
      at += this.rooms[credential]!;
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

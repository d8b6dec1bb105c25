/**
 * Posting lists of the in-memory text indexes (search, skill suggestion): built as plain arrays
 * while the index is made, then packed for the life of the process into one typed array of
 * values, one of list starts and a map from key to list number.
 *
 * Why packed, not one typed array per key: a small typed array costs about 320 bytes of heap
 * whatever it holds (its ArrayBuffer and view), and most keys of these indexes have one or two
 * postings (ESCO's search indexes have about 165,000 exact-label keys); a map entry holding a
 * small integer costs about a third of that.
 */

/**
 * Appends `values` to the list of `key`, creating it.
 *
 * @example
 * appendPosting(postings, 'python', labelId);
 * appendPosting(description, 'python', skillId, termFrequency); // interleaved pairs
 */
export function appendPosting<K>(lists: Map<K, number[]>, key: K, ...values: number[]): void {
  const list = lists.get(key);
  if (list) list.push(...values);
  else lists.set(key, values);
}

/** The list of a key with no postings. */
export const NO_POSTINGS: Int32Array = new Int32Array(0);

/** What {@link PostingLists} needs of its key → list number look-up. */
interface ListNumbers<K> {
  readonly size: number;
  get(key: K): number | undefined;
  has(key: K): boolean;
  keys(): IterableIterator<K>;
}

/**
 * Keys sorted (by UTF-16 code units, as `<` compares strings), list number i for key i, found by
 * binary search: 8 bytes a key against about 28 for a Map's hash table, for an index of many keys
 * looked up a few times per request.
 */
class SortedKeys implements ListNumbers<string> {
  constructor(private readonly sorted: readonly string[]) {}

  get size(): number {
    return this.sorted.length;
  }

  get(key: string): number | undefined {
    let low = 0;
    let high = this.sorted.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.sorted[middle]!;
      if (at === key) return middle;
      if (at < key) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  keys(): IterableIterator<string> {
    return this.sorted.values();
  }
}

/**
 * Immutable posting lists, packed. A look-up returns a view of the shared values (no copy).
 *
 * @example
 * const postings = PostingLists.pack(lists);
 * for (const labelId of postings.get('python')) score(labelId); // NO_POSTINGS when unknown
 * const exact = PostingLists.packSorted(labelsByKey); // less memory, a binary search per look-up
 */
export class PostingLists<K> {
  private constructor(
    private readonly listOf: ListNumbers<K>,
    /** Where list i starts in `values`; list i ends where list i + 1 starts. */
    private readonly starts: Int32Array,
    private readonly values: Int32Array,
  ) {}

  /** Packs `lists`, keeping their keys' order. */
  static pack<K>(lists: ReadonlyMap<K, readonly number[]>): PostingLists<K> {
    const listOf = new Map<K, number>();
    const starts = new Int32Array(lists.size + 1);
    let total = 0;
    for (const [key, list] of lists) {
      listOf.set(key, listOf.size);
      total += list.length;
    }
    const values = new Int32Array(total);
    let at = 0;
    let i = 0;
    for (const list of lists.values()) {
      starts[i] = at;
      values.set(list, at);
      at += list.length;
      i += 1;
    }
    starts[i] = at;
    return new PostingLists(listOf, starts, values);
  }

  /**
   * Packs string-keyed `lists` with their keys sorted instead of hashed (see SortedKeys): for
   * indexes of about a hundred thousand keys or more. {@link keys} then gives them sorted.
   */
  static packSorted(lists: ReadonlyMap<string, readonly number[]>): PostingLists<string> {
    const sorted = [...lists.keys()].sort();
    const starts = new Int32Array(sorted.length + 1);
    let total = 0;
    for (const list of lists.values()) total += list.length;
    const values = new Int32Array(total);
    let at = 0;
    sorted.forEach((key, i) => {
      const list = lists.get(key)!;
      starts[i] = at;
      values.set(list, at);
      at += list.length;
    });
    starts[sorted.length] = at;
    return new PostingLists(new SortedKeys(sorted), starts, values);
  }

  /** Number of keys. */
  get size(): number {
    return this.listOf.size;
  }

  /** The keys, in the order they were packed. */
  keys(): IterableIterator<K> {
    return this.listOf.keys();
  }

  /** True when `key` has a list. */
  has(key: K): boolean {
    return this.listOf.has(key);
  }

  /** The list of `key` (a view, not to be written), or {@link NO_POSTINGS}. */
  get(key: K): Int32Array {
    const list = this.listOf.get(key);
    return list === undefined ? NO_POSTINGS : this.values.subarray(this.starts[list]!, this.starts[list + 1]!);
  }
}

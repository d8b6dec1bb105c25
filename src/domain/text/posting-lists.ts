/**
 * Posting lists of the in-memory text indexes (search, skill suggestion): built as plain arrays
 * while the index is made, then kept as typed arrays for the life of the process (about a third
 * of the memory of one array of numbers, and no object per entry).
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

/** The same lists as typed arrays, in the same order. */
export function packPostings<K>(lists: ReadonlyMap<K, readonly number[]>): Map<K, Int32Array> {
  return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
}

/** The list of a key with no postings. */
export const NO_POSTINGS: Int32Array = new Int32Array(0);

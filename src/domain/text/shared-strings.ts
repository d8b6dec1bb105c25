/**
 * One string per distinct value across indexes built from separate reads of the graph.
 *
 * Why: the search indexes and the skill-suggestion index each read every ESCO label and URI from
 * Neo4j, and the driver decodes a new string per value; kept for the process's life, the skill
 * labels and URIs were held twice (about 7 MB of the request thread's heap on full ESCO). Rows
 * passed through one pool before the second build keep the first build's strings. The pool is
 * for start-up: each builder drops it once built, and the pool's own map goes with the last one.
 *
 * @example
 * const pool = new SharedStrings();
 * const a = pool.share(labelFromFirstRead);
 * const b = pool.share(labelFromSecondRead); // the same string object as `a` when equal
 */
export class SharedStrings {
  private readonly strings = new Map<string, string>();

  /** The pooled string equal to `value` (pooling `value` when it is the first). */
  share(value: string): string {
    const pooled = this.strings.get(value);
    if (pooled !== undefined) return pooled;
    this.strings.set(value, value);
    return value;
  }

  /** {@link share} of each value, in a new array. */
  shareAll(values: readonly string[]): string[] {
    return values.map((value) => this.share(value));
  }

  /** The number of distinct strings pooled. */
  get size(): number {
    return this.strings.size;
  }
}

/** A concept row as both the search and the skill-suggestion indexes read it. */
interface LabelledRow {
  readonly uri: string;
  readonly preferredLabel: string;
  readonly altLabels: readonly string[] | null;
  readonly hiddenLabels: readonly string[] | null;
}

/**
 * `row` with its URI and labels taken from `pool` (a missing label list stays missing); the
 * row itself when there is no pool.
 */
export function withSharedLabels<Row extends LabelledRow>(row: Row, pool: SharedStrings | undefined): Row {
  if (pool === undefined) return row;
  return {
    ...row,
    uri: pool.share(row.uri),
    preferredLabel: pool.share(row.preferredLabel),
    altLabels: row.altLabels === null ? null : pool.shareAll(row.altLabels),
    hiddenLabels: row.hiddenLabels === null ? null : pool.shareAll(row.hiddenLabels),
  };
}

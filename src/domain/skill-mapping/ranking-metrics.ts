/**
 * Ranking metrics of the skill-extraction benchmark (Decorte et al., RecSys-in-HR 2022 and
 * arXiv:2307.10778): per annotated sentence, a ranked list of predicted skills is compared with
 * the set of gold skills; the figures are means over sentences.
 */

/**
 * R-Precision at K: relevant items among the first K, divided by min(K, number of gold items), so
 * a sentence with a single gold skill scores 1 when that skill is anywhere in the first K.
 *
 * @example
 * rPrecisionAtK(['a', 'x', 'b'], new Set(['a', 'b']), 5) // 1
 * rPrecisionAtK(['x', 'a'], new Set(['a', 'b', 'c']), 1) // 0
 */
export function rPrecisionAtK(ranked: readonly string[], gold: ReadonlySet<string>, k: number): number {
  if (gold.size === 0) throw new RangeError('R-Precision needs at least one gold item');
  const seen = new Set<string>();
  let hits = 0;
  for (const item of ranked.slice(0, k)) {
    // A list that repeats an item must not count it twice.
    if (gold.has(item) && !seen.has(item)) hits += 1;
    seen.add(item);
  }
  return hits / Math.min(k, gold.size);
}

/**
 * 1 / rank of the first relevant item (1-based), 0 when none is listed.
 *
 * @example
 * reciprocalRank(['x', 'y', 'a'], new Set(['a'])) // 1/3
 */
export function reciprocalRank(ranked: readonly string[], gold: ReadonlySet<string>): number {
  const index = ranked.findIndex((item) => gold.has(item));
  return index < 0 ? 0 : 1 / (index + 1);
}

/** Scores of one ranked list. */
export interface ItemScores {
  readonly rPrecisionAt5: number;
  readonly reciprocalRank: number;
}

/** Scores one ranked list against its gold set. */
export function scoreRanking(ranked: readonly string[], gold: ReadonlySet<string>): ItemScores {
  return { rPrecisionAt5: rPrecisionAtK(ranked, gold, 5), reciprocalRank: reciprocalRank(ranked, gold) };
}

/** Means over a set of sentences. */
export interface MetricSummary {
  readonly items: number;
  readonly rPrecisionAt5: number;
  readonly mrr: number;
}

/** Averages per-item scores (0 items → zeros). */
export function summariseScores(scores: readonly ItemScores[]): MetricSummary {
  const n = scores.length;
  if (n === 0) return { items: 0, rPrecisionAt5: 0, mrr: 0 };
  const sum = (pick: (s: ItemScores) => number) => scores.reduce((acc, s) => acc + pick(s), 0);
  return { items: n, rPrecisionAt5: sum((s) => s.rPrecisionAt5) / n, mrr: sum((s) => s.reciprocalRank) / n };
}

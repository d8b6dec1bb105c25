/** A re-ranking candidate for the cross-validation tests: a lexical score and one learnable signal. */
import { RERANK_FEATURES, type FeaturedCandidate } from '../../src/domain/skill-mapping/rerank-features';

/**
 * A candidate whose features are all 0 but the lexical score (feature 0) and `signal` (feature 5,
 * occupation co-occurrence), so a test controls exactly what a re-ranker can learn.
 */
export function featuredCandidate(uri: string, signal: number, lexicalScore: number): FeaturedCandidate {
  const features = RERANK_FEATURES.map(() => 0);
  features[0] = lexicalScore;
  features[5] = signal;
  return {
    lexical: {
      uri,
      score: lexicalScore,
      matchedLabel: null,
      method: 'partial',
      labelScore: lexicalScore,
      description: 0,
    },
    features,
  };
}

import type { MatchPolicy } from './match-policy';
import { normalizeRequirements } from './requirement';
import type { NormalizedRequirements, Requirement } from './requirement';

/** The headline numbers of a coverage, each in [0, 1]. */
export interface CoverageScores {
  /** (Σ essential credit + λ·Σ optional credit) / (#essential + λ·#optional); 0 if that is 0/0. */
  readonly score: number;
  /** Mean credit of the essential requirements; 0 when there are none. */
  readonly essentialCoverage: number;
  /** Mean credit of the optional requirements; 0 when there are none. */
  readonly optionalCoverage: number;
}

/**
 * Scores requirements against an existing credit map: the cheap path for ranking many
 * occupations (or candidates) from one {@link computeSkillCredits} call, and the only place the
 * score formula lives. Duplicate requirements count once, ESSENTIAL winning; a skill missing
 * from `credits` earns 0. Sums run in URI order, so the result does not depend on input order.
 *
 * @example
 * // λ = 0.25; essential credits 1 and 0.5, optional credit 0.8:
 * // score = (1 + 0.5 + 0.25·0.8) / (2 + 0.25·1) = 1.7 / 2.25 ≈ 0.7556
 * scoreFromCredits(requirements, credits, { optionalWeight: 0.25 });
 */
export function scoreFromCredits(
  requirements: Iterable<Requirement>,
  credits: ReadonlyMap<string, { readonly credit: number }>,
  policy: Pick<MatchPolicy, 'optionalWeight'>,
): CoverageScores {
  return scoreNormalizedRequirements(normalizeRequirements(requirements), credits, policy);
}

/**
 * {@link scoreFromCredits} for requirements already normalised by `normalizeRequirements`, for a
 * caller that needs the normalised lists itself and would otherwise normalise twice.
 */
export function scoreNormalizedRequirements(
  { essential, optional }: NormalizedRequirements,
  credits: ReadonlyMap<string, { readonly credit: number }>,
  policy: Pick<MatchPolicy, 'optionalWeight'>,
): CoverageScores {
  const essentialSum = sumCredits(essential, credits);
  const optionalSum = sumCredits(optional, credits);
  return scoreFromSums(
    { essentialSum, essentialCount: essential.length, optionalSum, optionalCount: optional.length },
    policy,
  );
}

/** Credit sums and requirement counts of one target. */
export interface CreditSums {
  readonly essentialSum: number;
  readonly essentialCount: number;
  readonly optionalSum: number;
  readonly optionalCount: number;
}

/**
 * The score formula from sums and counts. Ranking thousands of occupations only sums the credits
 * of the requirements that matched anything (the rest earn 0) and takes counts from the graph.
 *
 * @example
 * scoreFromSums({ essentialSum: 1.5, essentialCount: 2, optionalSum: 0.8, optionalCount: 1 }, { optionalWeight: 0.25 })
 * // { score: 1.7 / 2.25, essentialCoverage: 0.75, optionalCoverage: 0.8 }
 */
export function scoreFromSums(sums: CreditSums, policy: Pick<MatchPolicy, 'optionalWeight'>): CoverageScores {
  const lambda = policy.optionalWeight;
  const denominator = sums.essentialCount + lambda * sums.optionalCount;
  return {
    score: denominator > 0 ? (sums.essentialSum + lambda * sums.optionalSum) / denominator : 0,
    essentialCoverage: sums.essentialCount > 0 ? sums.essentialSum / sums.essentialCount : 0,
    optionalCoverage: sums.optionalCount > 0 ? sums.optionalSum / sums.optionalCount : 0,
  };
}

function sumCredits(uris: readonly string[], credits: ReadonlyMap<string, { readonly credit: number }>): number {
  let sum = 0;
  for (const uri of uris) sum += credits.get(uri)?.credit ?? 0;
  return sum;
}

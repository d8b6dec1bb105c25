/**
 * Ranking occupations for one subject: the scoring half of `rankOccupations`, run on a compute
 * worker. The service gathers the subject's evidence, the hierarchy around it and the occupations
 * requiring any reachable skill; this scores them from one credit map.
 */
import { quantize } from './compare-matches';
import { compareStrings } from './compare-strings';
import type { Evidence } from './evidence';
import type { HierarchyLink } from './hierarchy-link';
import type { MatchPolicy } from './match-policy';
import type { PackedOccupationRows } from './packed-occupation-rows';
import type { Requirement } from './requirement';
import { scoreFromSums, type CoverageScores } from './score-requirements';
import { computeSkillCredits } from './skill-credits';

/** An occupation requiring some reachable skill, with its requirement counts. */
export interface OccupationCandidateRow {
  uri: string;
  essentialCount: number;
  optionalCount: number;
  matched: Requirement[];
}

/** One ranked occupation. */
export interface OccupationScore extends CoverageScores {
  readonly occupationUri: string;
}

/** What ranking occupations for one subject needs. */
export interface RankOccupationsInput {
  readonly evidence: readonly Evidence[];
  /** The evidence skills and every required skill they reach through the hierarchy. */
  readonly reachable: readonly string[];
  /** Hierarchy links from the evidence skills. */
  readonly links: readonly HierarchyLink[];
  /** The candidate occupations, packed over `reachable` ({@link packOccupationRows}). */
  readonly candidates: PackedOccupationRows;
  readonly policy: MatchPolicy;
  /** How many of the best occupations to return (a page ends there); the count covers them all. */
  readonly first: number;
}

/** The best occupations of a ranking, best first, and how many occupations scored above 0. */
export interface RankedOccupations {
  readonly best: OccupationScore[];
  readonly totalCount: number;
}

/**
 * The first `input.first` of the candidate occupations with score > 0, best first (score, essential
 * coverage, URI), and how many scored above 0. Only those cross back from a compute worker: a
 * learner's skills reach about a thousand occupations, and a page shows a few of them.
 *
 * @example
 * rankOccupationRows({ evidence, reachable, links, candidates: packOccupationRows(rows, reachable), policy, first: 10 })
 * // { best: [{ occupationUri: 'http://data.europa.eu/esco/occupation/…', score: 0.82, ... }, ...], totalCount: 1042 }
 */
export function rankOccupationRows(input: RankOccupationsInput): RankedOccupations {
  const { evidence, reachable, links, candidates, policy } = input;
  const credits = computeSkillCredits(reachable, evidence, links, policy);
  // Each reachable skill's credit by its index, as the packed rows name their skills.
  const creditAt = new Float64Array(reachable.length);
  for (let i = 0; i < reachable.length; i += 1) creditAt[i] = credits.get(reachable[i]!)?.credit ?? 0;
  const { uris, numbers } = candidates;
  const ranked: OccupationScore[] = [];
  let at = 0;
  for (const uri of uris) {
    const essentialCount = numbers[at]!;
    const optionalCount = numbers[at + 1]!;
    const end = at + 3 + 2 * numbers[at + 2]!;
    let essentialSum = 0;
    let optionalSum = 0;
    for (at += 3; at < end; at += 2) {
      const credit = creditAt[numbers[at]!]!;
      if (numbers[at + 1] === 1) essentialSum += credit;
      else optionalSum += credit;
    }
    const scores = scoreFromSums({ essentialSum, essentialCount, optionalSum, optionalCount }, policy);
    if (scores.score > 0) ranked.push({ occupationUri: uri, ...scores });
  }
  // compareMatches' order from keys computed once per occupation: a comparator building match
  // objects and rounding scores on every comparison was most of this function's time over the
  // thousands of occupations a learner's skills reach.
  // A loop and a module-level comparator, not per-call callbacks: a compute worker ranks for every
  // request, and V8 drops a closure's optimised code once the closure is collected.
  const keyed: RankKey[] = [];
  for (const match of ranked) {
    keyed.push({ match, score: quantize(match.score), essential: quantize(match.essentialCoverage) });
  }
  keyed.sort(byRankKey);
  const best: OccupationScore[] = [];
  const count = Math.min(keyed.length, Math.max(0, input.first));
  for (let i = 0; i < count; i += 1) best.push(keyed[i]!.match);
  return { best, totalCount: keyed.length };
}

interface RankKey {
  readonly match: OccupationScore;
  readonly score: number;
  readonly essential: number;
}

function byRankKey(a: RankKey, b: RankKey): number {
  return b.score - a.score || b.essential - a.essential || compareStrings(a.match.occupationUri, b.match.occupationUri);
}

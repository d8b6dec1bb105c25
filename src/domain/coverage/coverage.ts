import { compareStrings } from './compare-strings';
import { coverageStatus } from './coverage-status';
import type { CoverageStatus } from './coverage-status';
import type { Evidence, EvidenceSource } from './evidence';
import type { HierarchyLink } from './hierarchy-link';
import type { MatchPolicy } from './match-policy';
import { normalizeRequirements } from './requirement';
import type { Requirement, RequirementRelation } from './requirement';
import { scoreFromCredits, scoreNormalizedRequirements } from './score-requirements';
import type { CoverageScores } from './score-requirements';
import { computeSkillCredits, type EvidenceIndex, indexEvidence } from './skill-credits';
import type { MatchKind, SkillCredit } from './skill-credits';

/** Everything a full coverage needs; `policy` comes from `resolveMatchPolicy`. */
export interface CoverageInput {
  readonly requirements: readonly Requirement[];
  readonly evidence: readonly Evidence[];
  readonly links: readonly HierarchyLink[];
  readonly policy: MatchPolicy;
}

/** One requirement with the credit it earned and the match behind it. */
export interface RequirementMatch {
  readonly skillUri: string;
  readonly relation: RequirementRelation;
  readonly credit: number;
  readonly status: CoverageStatus;
  readonly matchKind: MatchKind | null;
  readonly evidenceSkillUri: string | null;
  readonly distance: number | null;
  readonly sources: readonly EvidenceSource[];
}

/** How many requirements of one relation are covered, partial or missing. */
export interface StatusCounts {
  readonly total: number;
  readonly covered: number;
  readonly partial: number;
  readonly missing: number;
}

/** What one credential adds to the coverage. */
export interface CredentialContribution {
  readonly credentialId: string;
  /** Requirements whose chosen match names this credential among its sources, in result order. */
  readonly requirements: readonly string[];
  /** score − score without this credential's evidence; ≥ 0, and 0 when others earn the same. */
  readonly scoreDrop: number;
}

/** A coverage per requirement: the scores, the counts and each requirement's match. */
export interface RequirementCoverage extends CoverageScores {
  readonly counts: { readonly essential: StatusCounts; readonly optional: StatusCounts };
  /** Deduplicated (ESSENTIAL wins); essential first, then optional, each by skill URI. */
  readonly requirements: readonly RequirementMatch[];
}

/** A full, explainable coverage of requirements by evidence. */
export interface CoverageResult extends RequirementCoverage {
  /** One per distinct credential among the evidence, by scoreDrop desc then credentialId. */
  readonly contributions: readonly CredentialContribution[];
}

/**
 * Scores how well the evidence covers the requirements and explains the result per requirement
 * and per credential. Pure and deterministic: permuting any input list gives the same result.
 *
 * Each credential's `scoreDrop` recomputes the credits without it, so the cost is
 * O((credentials named by some match + 1) × (evidence + links + requirements)); fine for one
 * subject. To rank many occupations use {@link computeSkillCredits} once and
 * {@link scoreFromCredits} per occupation instead.
 *
 * @throws BadInputError on invalid links, relations or source kinds.
 *
 * @example
 * computeCoverage({
 *   requirements: [{ skillUri: 'esco:sql', relation: 'ESSENTIAL' }],
 *   evidence: [{ skillUri: 'esco:sql', source: { kind: 'CREDENTIAL', credentialId: 'c1' } }],
 *   links: [],
 *   policy,
 * });
 * // → score 1, essentialCoverage 1, requirements: [{ skillUri: 'esco:sql', status: 'COVERED', ... }],
 * //   contributions: [{ credentialId: 'c1', requirements: ['esco:sql'], scoreDrop: 1 }]
 */
export function computeCoverage(input: CoverageInput): CoverageResult {
  const coverage = computeRequirementCoverage(input);
  // The matches list every distinct requirement once, essential then optional, each by URI.
  const allUris = coverage.requirements.map((m) => m.skillUri);
  return { ...coverage, contributions: contributionsOf(coverage.requirements, input, allUris, coverage.score) };
}

/**
 * {@link computeCoverage} without the per-credential contributions: the same scores, counts and
 * requirement matches, at the cost of one credit computation instead of one per credential named
 * by a match. For callers that only need the gap, such as a plan's gathering, which covers the
 * same subject against hundreds of targets: it passes `evidenceIndex`, `input.evidence` indexed
 * once with `indexEvidence(input.evidence, input.policy)`, and each call skips indexing it.
 *
 * @throws BadInputError on invalid links, relations or source kinds.
 *
 * @example
 * const { requirements, score } = computeRequirementCoverage({ requirements, evidence, links, policy });
 * // equal to computeCoverage's requirements and score for the same input
 */
export function computeRequirementCoverage(
  input: CoverageInput,
  evidenceIndex: EvidenceIndex = indexEvidence(input.evidence, input.policy),
): RequirementCoverage {
  const { requirements, links, policy } = input;
  const normalized = normalizeRequirements(requirements);
  const { essential, optional } = normalized;
  const credits = computeSkillCredits([...essential, ...optional], evidenceIndex, links, policy);
  const scores = scoreNormalizedRequirements(normalized, credits, policy);

  const matches = [
    ...essential.map((uri) => toMatch(uri, 'ESSENTIAL', credits, policy)),
    ...optional.map((uri) => toMatch(uri, 'OPTIONAL', credits, policy)),
  ];

  return {
    ...scores,
    counts: {
      essential: countStatuses(matches.filter((m) => m.relation === 'ESSENTIAL')),
      optional: countStatuses(matches.filter((m) => m.relation === 'OPTIONAL')),
    },
    requirements: matches,
  };
}

function toMatch(
  skillUri: string,
  relation: RequirementRelation,
  credits: ReadonlyMap<string, SkillCredit>,
  policy: MatchPolicy,
): RequirementMatch {
  // computeSkillCredits returns an entry for every URI it was given.
  const { credit, matchKind, evidenceSkillUri, distance, sources } = credits.get(skillUri)!;
  return {
    skillUri,
    relation,
    credit,
    status: coverageStatus(credit, policy),
    matchKind,
    evidenceSkillUri,
    distance,
    sources,
  };
}

function countStatuses(matches: readonly RequirementMatch[]): StatusCounts {
  const count = (status: CoverageStatus): number => matches.filter((m) => m.status === status).length;
  return { total: matches.length, covered: count('COVERED'), partial: count('PARTIAL'), missing: count('MISSING') };
}

function contributionsOf(
  matches: readonly RequirementMatch[],
  input: CoverageInput,
  allUris: readonly string[],
  score: number,
): CredentialContribution[] {
  const named = new Map<string, string[]>();
  for (const { source } of input.evidence) {
    if (source.kind === 'CREDENTIAL' && !named.has(source.credentialId)) named.set(source.credentialId, []);
  }
  for (const match of matches) {
    for (const source of match.sources) {
      if (source.kind === 'CREDENTIAL') named.get(source.credentialId)?.push(match.skillUri);
    }
  }

  const contributions: CredentialContribution[] = [];
  for (const [credentialId, skillUris] of named) {
    // A credential no chosen match names cannot change any credit: every chosen match keeps a
    // source of the same factor without it, and removing evidence never raises a credit.
    const scoreDrop = skillUris.length === 0 ? 0 : score - scoreWithout(credentialId, input, allUris);
    contributions.push({ credentialId, requirements: skillUris, scoreDrop });
  }
  return contributions.sort((a, b) => b.scoreDrop - a.scoreDrop || compareStrings(a.credentialId, b.credentialId));
}

function scoreWithout(credentialId: string, input: CoverageInput, allUris: readonly string[]): number {
  const evidence = input.evidence.filter(
    ({ source }) => !(source.kind === 'CREDENTIAL' && source.credentialId === credentialId),
  );
  const credits = computeSkillCredits(allUris, evidence, input.links, input.policy);
  // Same requirements, same summation order: each credit can only drop, and floating-point
  // addition and division are monotone, so the difference is never negative.
  return scoreFromCredits(input.requirements, credits, input.policy).score;
}

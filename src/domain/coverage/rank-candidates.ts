/**
 * Ranking consenting learners for one target: the scoring half of `rankCandidates`, run on a
 * compute worker. The service gathers the target's requirements, their hierarchy links and the
 * evidence of every learner touching a matching skill; this scores them all.
 */
import { compareMatches } from './compare-matches';
import { compareStrings } from './compare-strings';
import type { Evidence } from './evidence';
import type { HierarchyLink } from './hierarchy-link';
import type { MatchPolicy } from './match-policy';
import { normalizeRequirements, type NormalizedRequirements, type Requirement } from './requirement';
import { scoreFromSums, type CoverageScores } from './score-requirements';
import { computeSkillCredits } from './skill-credits';
import type { VerificationStatus } from '../verification/verification';

/** One learner's evidence for some matching skill (as the coverage repository returns it). */
export interface CandidateEvidenceRow {
  learnerId: string;
  credentialSkills: { credentialId: string; skillUri: string; verificationStatus: VerificationStatus | null }[];
  declaredSkillUris: string[];
}

/** One ranked candidate. */
export interface CandidateScore {
  readonly learnerId: string;
  readonly score: number;
  readonly essentialCoverage: number;
  readonly optionalCoverage: number;
}

/** What ranking candidates for one target needs. */
export interface RankCandidatesInput {
  readonly requirements: readonly Requirement[];
  /** Hierarchy links between the requirements and skills within the policy's depth. */
  readonly links: readonly HierarchyLink[];
  readonly rows: readonly CandidateEvidenceRow[];
  readonly policy: MatchPolicy;
  readonly minScore: number;
}

/**
 * `scoreFromCredits` for requirements normalised beforehand: the same sums in the same order
 * (hence bit-identical scores) without normalising again for every subject.
 */
function scoreNormalized(
  normalized: NormalizedRequirements,
  credits: ReadonlyMap<string, { readonly credit: number }>,
  policy: MatchPolicy,
): CoverageScores {
  let essentialSum = 0;
  for (const uri of normalized.essential) essentialSum += credits.get(uri)?.credit ?? 0;
  let optionalSum = 0;
  for (const uri of normalized.optional) optionalSum += credits.get(uri)?.credit ?? 0;
  return scoreFromSums(
    {
      essentialSum,
      essentialCount: normalized.essential.length,
      optionalSum,
      optionalCount: normalized.optional.length,
    },
    policy,
  );
}

/**
 * Learners with score > 0 and ≥ `minScore`, best first (score, essential coverage, id).
 * Everything that does not depend on the learner (sorted required URIs, normalised requirements,
 * links by evidence skill) is prepared once, so each learner costs only its own evidence.
 *
 * @example
 * rankCandidateRows({ requirements, links, rows, policy, minScore: 0.5 })
 * // [{ learnerId: 'l-7', score: 0.9, essentialCoverage: 1, optionalCoverage: 0.5 }, ...]
 */
export function rankCandidateRows(input: RankCandidatesInput): CandidateScore[] {
  const { requirements, links, rows, policy, minScore } = input;
  const required = [...new Set(requirements.map((r) => r.skillUri))].sort(compareStrings);
  const normalized = normalizeRequirements(requirements);
  const linksByEvidence = new Map<string, HierarchyLink[]>();
  for (const link of links) {
    const list = linksByEvidence.get(link.evidenceUri);
    if (list) list.push(link);
    else linksByEvidence.set(link.evidenceUri, [link]);
  }
  const ranked: CandidateScore[] = [];
  for (const row of rows) {
    const evidence: Evidence[] = [
      ...row.credentialSkills.map((cs) => ({
        skillUri: cs.skillUri,
        source: {
          kind: 'CREDENTIAL' as const,
          credentialId: cs.credentialId,
          holdingVerification: cs.verificationStatus ?? null,
        },
      })),
      ...row.declaredSkillUris.map((skillUri) => ({ skillUri, source: { kind: 'SELF_DECLARED' as const } })),
    ];
    const mine = new Set(evidence.map((e) => e.skillUri));
    const myLinks = [...mine].flatMap((uri) => linksByEvidence.get(uri) ?? []);
    const scores = scoreNormalized(normalized, computeSkillCredits(required, evidence, myLinks, policy), policy);
    if (scores.score > 0 && scores.score >= minScore) ranked.push({ learnerId: row.learnerId, ...scores });
  }
  ranked.sort((a, b) => compareMatches({ id: a.learnerId, ...a }, { id: b.learnerId, ...b }));
  return ranked;
}

/**
 * Ranking consenting learners for one target: the scoring half of `rankCandidates`, run on a
 * compute worker. The service gathers the target's requirements, their hierarchy links and the
 * evidence of every learner touching a matching skill; this scores them all.
 */
import { compareMatches } from './compare-matches';
import type { Evidence } from './evidence';
import { assertValidLink, type HierarchyLink } from './hierarchy-link';
import type { MatchPolicy } from './match-policy';
import { normalizeRequirements, type Requirement } from './requirement';
import { scoreFromSums, type CoverageScores } from './score-requirements';
import { computeCreditValues } from './skill-credits';
import type { VerificationStatus } from '../verification/verification';

/** One learner's evidence for some matching skill (as the coverage repository returns it). */
export interface CandidateEvidenceRow {
  learnerId: string;
  credentialSkills: { credentialId: string; skillUri: string; verificationStatus: VerificationStatus | null }[];
  declaredSkillUris: string[];
}

/** One ranked candidate. */
export interface CandidateScore extends CoverageScores {
  readonly learnerId: string;
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
 * Learners with score > 0 and ≥ `minScore`, best first (score, essential coverage, id).
 * Everything that does not depend on the learner (required set, normalised requirements, links by
 * evidence skill) is prepared once, and each learner's credits are values only
 * ({@link computeCreditValues}), so a learner costs only its own evidence.
 *
 * @example
 * rankCandidateRows({ requirements, links, rows, policy, minScore: 0.5 })
 * // [{ learnerId: 'l-7', score: 0.9, essentialCoverage: 1, optionalCoverage: 0.5 }, ...]
 */
export function rankCandidateRows(input: RankCandidatesInput): CandidateScore[] {
  const { requirements, links, rows, policy, minScore } = input;
  const required = new Set(requirements.map((r) => r.skillUri));
  const normalized = normalizeRequirements(requirements);
  const linksByEvidence = new Map<string, HierarchyLink[]>();
  for (const link of links) {
    assertValidLink(link);
    const list = linksByEvidence.get(link.evidenceUri);
    if (list) list.push(link);
    else linksByEvidence.set(link.evidenceUri, [link]);
  }
  const ranked: CandidateScore[] = [];
  for (const row of rows) {
    const evidence: Evidence[] = [];
    for (const cs of row.credentialSkills)
      evidence.push({
        skillUri: cs.skillUri,
        source: {
          kind: 'CREDENTIAL',
          credentialId: cs.credentialId,
          holdingVerification: cs.verificationStatus ?? null,
        },
      });
    for (const skillUri of row.declaredSkillUris) evidence.push({ skillUri, source: { kind: 'SELF_DECLARED' } });
    const credits = computeCreditValues(required, evidence, linksByEvidence, policy);
    // The sums of scoreFromCredits, in the same order, hence bit-identical scores.
    let essentialSum = 0;
    for (const uri of normalized.essential) essentialSum += credits.get(uri) ?? 0;
    let optionalSum = 0;
    for (const uri of normalized.optional) optionalSum += credits.get(uri) ?? 0;
    const scores = scoreFromSums(
      {
        essentialSum,
        essentialCount: normalized.essential.length,
        optionalSum,
        optionalCount: normalized.optional.length,
      },
      policy,
    );
    if (scores.score > 0 && scores.score >= minScore) ranked.push({ learnerId: row.learnerId, ...scores });
  }
  ranked.sort((a, b) => compareMatches({ id: a.learnerId, ...a }, { id: b.learnerId, ...b }));
  return ranked;
}

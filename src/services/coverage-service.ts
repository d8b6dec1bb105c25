/**
 * The coverage engine's orchestration: gathers evidence, requirements and hierarchy links from the
 * graph (a handful of round trips, never one per occupation or learner), then scores with the pure
 * domain functions.
 */
import { NotFoundError } from '../domain/errors';
import {
  computeCoverage,
  linksFromEvidence,
  linksFromRequired,
  resolveMatchPolicy,
  type CandidateScore,
  type CoverageResult,
  type RankedCandidates,
  type OccupationScore,
  type RankedOccupations,
  type Evidence,
  type HierarchyLink,
  type MatchPolicy,
  type MatchPolicyInput,
  type Requirement,
  type Subject,
  type Target,
} from '../domain/coverage';
import type { CoverageSource } from './compute-sources';
import type { RankingCompute } from '../compute/compute-contracts';
import { InProcessCompute } from '../compute/in-process-compute';

/** A subject's evidence, ready for scoring. */
export interface SubjectEvidence {
  readonly evidence: Evidence[];
  /** Distinct skills the evidence names. */
  readonly skillUris: string[];
}

/** A target's requirements. */
export interface TargetRequirements {
  readonly requirements: Requirement[];
  readonly portalId: string | null;
}

export type { CandidateScore, OccupationScore };

/** The date part used to compare with holding dates (stored as YYYY-MM-DD). */
export function asOfDate(policy: MatchPolicy): string {
  return policy.asOf.toISOString().slice(0, 10);
}

/** Scores subjects against targets. */
export class CoverageService {
  constructor(
    private readonly repo: CoverageSource,
    private readonly compute: RankingCompute = new InProcessCompute(),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Validates a policy input against the defaults (asOf defaults to now). */
  policy(input: MatchPolicyInput | null | undefined): MatchPolicy {
    return resolveMatchPolicy(input, this.now());
  }

  /** The evidence of a subject at the policy's date; NOT_FOUND for unknown ids or URIs. */
  async subjectEvidence(subject: Subject, policy: MatchPolicy): Promise<SubjectEvidence> {
    const evidence: Evidence[] = [];
    if (subject.kind === 'LEARNER') {
      const row = await this.repo.getLearnerEvidence(subject.learnerId, asOfDate(policy));
      if (!row.found) throw new NotFoundError(`unknown learner: ${subject.learnerId}`, { items: [subject.learnerId] });
      for (const credential of row.credentials) {
        const source = {
          kind: 'CREDENTIAL',
          credentialId: credential.id,
          holdingVerification: credential.verificationStatus ?? null,
        } as const;
        for (const skillUri of credential.skillUris) evidence.push({ skillUri, source });
      }
      for (const skillUri of row.declaredSkillUris) evidence.push({ skillUri, source: { kind: 'SELF_DECLARED' } });
    } else if (subject.kind === 'OCCUPATION') {
      const row = await this.repo.getOccupationRequirements(subject.occupationUri);
      if (!row.found)
        throw new NotFoundError(`unknown occupation: ${subject.occupationUri}`, { items: [subject.occupationUri] });
      for (const req of row.requirements) {
        if (req.relation === 'ESSENTIAL')
          evidence.push({
            skillUri: req.skillUri,
            source: { kind: 'OCCUPATION', occupationUri: subject.occupationUri },
          });
      }
    } else {
      const [credentials, existing] = await Promise.all([
        subject.credentialIds.length ? this.repo.getCredentialsEvidence(subject.credentialIds) : Promise.resolve([]),
        subject.skillUris.length ? this.repo.getExistingSkills(subject.skillUris) : Promise.resolve(new Set<string>()),
      ]);
      const missingCredentials = subject.credentialIds.filter((id) => !credentials.some((c) => c.id === id));
      if (missingCredentials.length)
        throw new NotFoundError(`unknown credential(s): ${missingCredentials.join(', ')}`, {
          items: missingCredentials,
        });
      const missingSkills = subject.skillUris.filter((uri) => !existing.has(uri));
      if (missingSkills.length)
        throw new NotFoundError(`unknown skill(s): ${missingSkills.join(', ')}`, { items: missingSkills });
      for (const credential of credentials) {
        for (const skillUri of credential.skillUris)
          evidence.push({ skillUri, source: { kind: 'CREDENTIAL', credentialId: credential.id } });
      }
      for (const skillUri of subject.skillUris) evidence.push({ skillUri, source: { kind: 'STATED' } });
    }
    return { evidence, skillUris: [...new Set(evidence.map((e) => e.skillUri))] };
  }

  /** The requirements of a target; NOT_FOUND when it does not exist. */
  async targetRequirements(target: Target): Promise<TargetRequirements> {
    const row =
      target.kind === 'OCCUPATION'
        ? await this.repo.getOccupationRequirements(target.occupationUri)
        : await this.repo.getJobPostingRequirements(target.jobPostingId);
    if (!row.found) {
      throw new NotFoundError(
        target.kind === 'OCCUPATION'
          ? `unknown occupation: ${target.occupationUri}`
          : `unknown job posting: ${target.jobPostingId}`,
        { items: [target.kind === 'OCCUPATION' ? target.occupationUri : target.jobPostingId] },
      );
    }
    return { requirements: row.requirements, portalId: row.portalId ?? null };
  }

  /** Requirements of many occupations at once. */
  requirementsOfOccupations(uris: readonly string[]): Promise<Map<string, Requirement[]>> {
    return this.repo.getRequirementsOfOccupations(uris);
  }

  /** Hierarchy links between the given requirements and any skill within the policy's depth. */
  async requirementLinks(requirements: readonly Requirement[], policy: MatchPolicy): Promise<HierarchyLink[]> {
    const uris = [...new Set(requirements.map((r) => r.skillUri))];
    return linksFromRequired(await this.repo.expandSkillHierarchy(uris, policy.maxHierarchyDepth));
  }

  /** Full coverage of one subject against one target's requirements. */
  async coverageOf(
    evidence: SubjectEvidence,
    requirements: readonly Requirement[],
    policy: MatchPolicy,
  ): Promise<CoverageResult> {
    const links = await this.requirementLinks(requirements, policy);
    const evidenceSkills = new Set(evidence.skillUris);
    return computeCoverage({
      requirements: [...requirements],
      evidence: evidence.evidence,
      links: links.filter((link) => evidenceSkills.has(link.evidenceUri)),
      policy,
    });
  }

  /** `coverage(subject, target, policy)`. */
  async coverage(subject: Subject, target: Target, policy: MatchPolicy): Promise<CoverageResult> {
    const [evidence, target_] = await Promise.all([
      this.subjectEvidence(subject, policy),
      this.targetRequirements(target),
    ]);
    return this.coverageOf(evidence, target_.requirements, policy);
  }

  /**
   * The `first` best occupations with score > 0 for gathered evidence, best first (score,
   * essentialCoverage, URI), and how many score above 0. Reads the hierarchy around the evidence
   * and the occupations requiring any reachable skill; scoring happens on a compute worker from one
   * credit map.
   */
  async rankOccupationsFor(
    evidence: SubjectEvidence,
    policy: MatchPolicy,
    iscoGroupPrefix: string | null,
    first: number,
  ): Promise<RankedOccupations> {
    if (evidence.skillUris.length === 0) return { best: [], totalCount: 0 };
    const links = linksFromEvidence(await this.repo.expandSkillHierarchy(evidence.skillUris, policy.maxHierarchyDepth));
    const reachable = [...new Set([...evidence.skillUris, ...links.map((l) => l.requiredUri)])];
    const candidates = await this.repo.findOccupationsRequiring(reachable, iscoGroupPrefix);
    return this.compute.rankOccupations({ evidence: evidence.evidence, reachable, links, candidates, policy, first });
  }

  /**
   * Consenting learners ranked for a target (score > 0 and ≥ minScore), best first: the page
   * `offset`..`offset + limit` and the count. Three reads: requirements, hierarchy around them,
   * evidence of learners touching any matching skill.
   */
  async rankCandidates(
    target: Target,
    policy: MatchPolicy,
    minScore: number,
    page: { readonly offset: number; readonly limit: number },
  ): Promise<{ ranked: RankedCandidates; requirements: Requirement[] }> {
    const { requirements } = await this.targetRequirements(target);
    const links = await this.requirementLinks(requirements, policy);
    const matching = new Set([...requirements.map((r) => r.skillUri), ...links.map((l) => l.evidenceUri)]);
    const evidence = await this.repo.findCandidateEvidence([...matching], asOfDate(policy));
    // Tens of thousands of learners are scored on a compute worker, off the request's event loop;
    // only the page comes back.
    const ranked = await this.compute.rankCandidates({
      requirements,
      links,
      evidence,
      policy,
      minScore,
      offset: page.offset,
      limit: page.limit,
    });
    return { ranked, requirements };
  }
}

/**
 * Gathers what scoring needs from the graph: a subject's evidence, a target's requirements, the
 * skill hierarchy around them, and the occupations or candidates worth scoring. Each method is one
 * round trip whatever the list sizes.
 */
import type { QueryRunner } from '../neo4j-executor';
import type { ExpansionRow } from '../../domain/coverage/orient-links';
import type { Requirement } from '../../domain/coverage/requirement';
import type { VerificationStatus } from '../../domain/verification/verification';

/** Evidence of a learner at a date. */
export interface LearnerEvidenceRow {
  found: boolean;
  /** verificationStatus: the holding's stored verification (null when never verified). */
  credentials: { id: string; skillUris: string[]; verificationStatus: VerificationStatus | null }[];
  declaredSkillUris: string[];
}

/** Requirements of a target. */
export interface TargetRequirementsRow {
  found: boolean;
  requirements: Requirement[];
  portalId?: string | null;
}

// An occupation requiring some reachable skill, and a consenting learner's evidence: the rows
// the domain's rankings score.
import {
  packCandidateRows,
  packOccupationRows,
  type CandidateEvidenceRow,
  type OccupationCandidateRow,
  type PackedCandidateEvidence,
  type PackedOccupationRows,
} from '../../domain/coverage';
export type { CandidateEvidenceRow, OccupationCandidateRow };

/** Read-only queries of the coverage engine. */
export class CoverageRepository {
  constructor(private readonly executor: QueryRunner) {}

  /** cypher/coverage/get-learner-evidence */
  async getLearnerEvidence(
    learnerId: string,
    asOf: string,
    runner: QueryRunner = this.executor,
  ): Promise<LearnerEvidenceRow> {
    const [row] = await runner.read('coverage/get-learner-evidence', { learnerId, asOf });
    return row as unknown as LearnerEvidenceRow;
  }

  /** cypher/coverage/get-credentials-evidence */
  async getCredentialsEvidence(
    ids: readonly string[],
    runner: QueryRunner = this.executor,
  ): Promise<{ id: string; skillUris: string[] }[]> {
    const rows = await runner.read('coverage/get-credentials-evidence', { ids });
    return rows as unknown as { id: string; skillUris: string[] }[];
  }

  /** cypher/coverage/get-existing-skills */
  async getExistingSkills(uris: readonly string[], runner: QueryRunner = this.executor): Promise<Set<string>> {
    const rows = await runner.read('coverage/get-existing-skills', { uris });
    return new Set(rows.map((row) => row.uri as string));
  }

  /** cypher/coverage/get-occupation-requirements */
  async getOccupationRequirements(uri: string, runner: QueryRunner = this.executor): Promise<TargetRequirementsRow> {
    const [row] = await runner.read('coverage/get-occupation-requirements', { uri });
    return row as unknown as TargetRequirementsRow;
  }

  /** cypher/coverage/get-job-posting-requirements */
  async getJobPostingRequirements(id: string, runner: QueryRunner = this.executor): Promise<TargetRequirementsRow> {
    const [row] = await runner.read('coverage/get-job-posting-requirements', { id });
    return row as unknown as TargetRequirementsRow;
  }

  /** cypher/coverage/get-requirements-of-occupations */
  async getRequirementsOfOccupations(
    uris: readonly string[],
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, Requirement[]>> {
    const rows = await runner.read('coverage/get-requirements-of-occupations', { uris });
    return new Map(rows.map((row) => [row.ownerUri as string, row.requirements as Requirement[]]));
  }

  /** cypher/coverage/expand-skill-hierarchy */
  async expandSkillHierarchy(
    uris: readonly string[],
    depth: number,
    runner: QueryRunner = this.executor,
  ): Promise<ExpansionRow[]> {
    if (depth < 1 || uris.length === 0) return [];
    const rows = await runner.read('coverage/expand-skill-hierarchy', { uris, depth });
    return rows as unknown as ExpansionRow[];
  }

  /** cypher/coverage/find-occupations-requiring, packed over `skillUris` for the ranking. */
  async findOccupationsRequiring(
    skillUris: readonly string[],
    iscoGroupPrefix: string | null,
    runner: QueryRunner = this.executor,
  ): Promise<PackedOccupationRows> {
    const rows = await runner.read('coverage/find-occupations-requiring', { skillUris, iscoGroupPrefix });
    const candidates = rows.map((row) => ({
      ...(row as unknown as OccupationCandidateRow),
      essentialCount: (row.essentialCount as number) ?? 0,
      optionalCount: (row.optionalCount as number) ?? 0,
    }));
    return packOccupationRows(candidates, skillUris);
  }

  /** cypher/coverage/get-candidate-names */
  async getCandidateNames(
    learnerIds: readonly string[],
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, string>> {
    const rows = await runner.read('coverage/get-candidate-names', { learnerIds });
    return new Map(rows.map((row) => [row.id as string, row.displayName as string]));
  }

  /** cypher/coverage/find-candidate-evidence, packed for the ranking kernel. */
  async findCandidateEvidence(
    skillUris: readonly string[],
    asOf: string,
    runner: QueryRunner = this.executor,
  ): Promise<PackedCandidateEvidence> {
    const rows = await runner.read('coverage/find-candidate-evidence', { skillUris, asOf });
    return packCandidateRows(rows as unknown as CandidateEvidenceRow[]);
  }
}

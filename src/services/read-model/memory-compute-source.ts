/**
 * The coverage and planning reads answered from the live read model: the same rows as
 * `CoverageRepository` and `PlanningRepository` (order may differ where theirs is unspecified),
 * after the model has caught up with this process's own writes.
 */
import type {
  LearnerEvidenceRow,
  OccupationCandidateRow,
  TargetRequirementsRow,
} from '../../db/repositories/coverage-repository';
import type { ExpansionRow } from '../../domain/coverage/orient-links';
import type { Requirement } from '../../domain/coverage/requirement';
import type { PackedCandidateEvidence } from '../../domain/coverage/packed-candidate-evidence';
import type { CandidateCourse } from '../../domain/planning';
import type { CourseSource, CoverageSource } from '../compute-sources';
import type { LiveReadModel } from './live-read-model';

/** {@link CoverageSource} and {@link CourseSource} over a {@link LiveReadModel}. */
export class MemoryComputeSource implements CoverageSource, CourseSource {
  constructor(private readonly live: LiveReadModel) {}

  async getLearnerEvidence(learnerId: string, asOf: string): Promise<LearnerEvidenceRow> {
    return (await this.live.fresh()).learnerEvidence(learnerId, asOf);
  }

  async getCredentialsEvidence(ids: readonly string[]): Promise<{ id: string; skillUris: string[] }[]> {
    return (await this.live.fresh()).credentialsEvidence(ids);
  }

  async getExistingSkills(uris: readonly string[]): Promise<Set<string>> {
    return (await this.live.fresh()).existingSkills(uris);
  }

  async getOccupationRequirements(uri: string): Promise<TargetRequirementsRow> {
    return (await this.live.fresh()).occupationRequirements(uri);
  }

  async getJobPostingRequirements(id: string): Promise<TargetRequirementsRow> {
    return (await this.live.fresh()).jobPostingRequirements(id);
  }

  async getRequirementsOfOccupations(uris: readonly string[]): Promise<Map<string, Requirement[]>> {
    return (await this.live.fresh()).requirementsOfOccupations(uris);
  }

  async expandSkillHierarchy(uris: readonly string[], depth: number): Promise<ExpansionRow[]> {
    return (await this.live.fresh()).expandSkillHierarchy(uris, depth);
  }

  async findOccupationsRequiring(
    skillUris: readonly string[],
    iscoGroupPrefix: string | null,
  ): Promise<OccupationCandidateRow[]> {
    return (await this.live.fresh()).occupationsRequiring(skillUris, iscoGroupPrefix);
  }

  async getCandidateNames(learnerIds: readonly string[]): Promise<Map<string, string>> {
    return (await this.live.fresh()).candidateNames(learnerIds);
  }

  async findCandidateEvidence(skillUris: readonly string[], asOf: string): Promise<PackedCandidateEvidence> {
    return (await this.live.fresh()).candidateEvidence(skillUris, asOf);
  }

  async findCoursesTeaching(
    skillUris: readonly string[],
    excludeCredentialIds: readonly string[],
  ): Promise<CandidateCourse[]> {
    return (await this.live.fresh()).coursesTeaching(skillUris, excludeCredentialIds);
  }
}

/**
 * The coverage and planning reads answered from the live read model: the same rows as
 * `CoverageRepository` and `PlanningRepository` (order may differ where theirs is unspecified),
 * after the model has caught up with this process's own writes.
 */
import type { LearnerEvidenceRow, TargetRequirementsRow } from '../../db/repositories/coverage-repository';
import type { ExpansionRow } from '../../domain/coverage/orient-links';
import type { Requirement } from '../../domain/coverage/requirement';
import type { PackedCandidateEvidence } from '../../domain/coverage/packed-candidate-evidence';
import type { PackedOccupationRows } from '../../domain/coverage/packed-occupation-rows';
import type { CandidateCourse } from '../../domain/planning';
import { IdMarks } from '../../domain/read-model/id-marks';
import type { CourseSource, CoverageSource } from '../compute-sources';
import { pauseIfTurnSpent } from '../../compute/turn-slicer';
import type { LiveReadModel } from './live-read-model';

/** Skills whose courses are looked up between two chances to yield (a few milliseconds of work). */
const SKILLS_PER_SLICE = 200;

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
  ): Promise<PackedOccupationRows> {
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
    const model = await this.live.fresh();
    // A reskilling job asks for the courses of thousands of skills at once: looked up in slices,
    // so the request thread serves others in between.
    const seen = new IdMarks();
    const courses: CandidateCourse[] = [];
    for (let from = 0; from < skillUris.length; from += SKILLS_PER_SLICE) {
      courses.push(
        ...model.coursesTeaching(skillUris.slice(from, from + SKILLS_PER_SLICE), excludeCredentialIds, seen),
      );
      await pauseIfTurnSpent();
    }
    return courses;
  }
}

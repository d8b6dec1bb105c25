/**
 * What the coverage and planning engines read, as interfaces: the database repositories answer
 * them with Cypher (the reference), the in-memory read model with the same rows from memory (see
 * `read-model/memory-compute-source`). Services take these, never a repository, so the engine is
 * chosen once at start (COMPUTE_SOURCE).
 */
import type { LearnerEvidenceRow, TargetRequirementsRow } from '../db/repositories/coverage-repository';
import type { ExpansionRow } from '../domain/coverage/orient-links';
import type { Requirement } from '../domain/coverage/requirement';
import type { PackedCandidateEvidence } from '../domain/coverage/packed-candidate-evidence';
import type { PackedOccupationRows } from '../domain/coverage/packed-occupation-rows';
import type { CandidateCourse } from '../domain/planning';

/** The reads of the coverage engine (the methods of `CoverageRepository` it uses). */
export interface CoverageSource {
  /** A learner's evidence at a date (holdings valid then, declared skills). */
  getLearnerEvidence(learnerId: string, asOf: string): Promise<LearnerEvidenceRow>;
  /** The skills taught by each existing credential of `ids`. */
  getCredentialsEvidence(ids: readonly string[]): Promise<{ id: string; skillUris: string[] }[]>;
  /** Which of `uris` are skills. */
  getExistingSkills(uris: readonly string[]): Promise<Set<string>>;
  /** An occupation's requirements. */
  getOccupationRequirements(uri: string): Promise<TargetRequirementsRow>;
  /** A job posting's requirements and portal. */
  getJobPostingRequirements(id: string): Promise<TargetRequirementsRow>;
  /** Requirements of each existing occupation of `uris`. */
  getRequirementsOfOccupations(uris: readonly string[]): Promise<Map<string, Requirement[]>>;
  /** Skills within `depth` hierarchy steps of each of `uris`. */
  expandSkillHierarchy(uris: readonly string[], depth: number): Promise<ExpansionRow[]>;
  /**
   * Occupations requiring any of `skillUris` (distinct), optionally within an ISCO code prefix,
   * packed over `skillUris` for the ranking (`packOccupationRows`).
   */
  findOccupationsRequiring(skillUris: readonly string[], iscoGroupPrefix: string | null): Promise<PackedOccupationRows>;
  /** Consenting learners with evidence for any of `skillUris` at a date. */
  findCandidateEvidence(skillUris: readonly string[], asOf: string): Promise<PackedCandidateEvidence>;
  /** Display names of the consenting learners among `learnerIds` (what a ranking shows). */
  getCandidateNames(learnerIds: readonly string[]): Promise<Map<string, string>>;
}

/** The catalogue read of the planner (the method of `PlanningRepository` it uses). */
export interface CourseSource {
  /** Courses teaching any of `skillUris`, except `excludeCredentialIds`; each course once, in a new list the caller may extend. */
  findCoursesTeaching(
    skillUris: readonly string[],
    excludeCredentialIds: readonly string[],
  ): Promise<CandidateCourse[]>;
}

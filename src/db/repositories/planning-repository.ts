/** Reads the course catalog for planning. */
import type { CandidateCourse } from '../../domain/planning';
import type { QueryRunner } from '../neo4j-executor';

/** Planning queries. */
export class PlanningRepository {
  constructor(private readonly executor: QueryRunner) {}

  /**
   * Every course teaching one of `skillUris` (links of any source and confidence) but those in
   * `excludeCredentialIds`; the request's filters are the domain's to apply.
   *
   * cypher/planning/find-courses-teaching
   */
  async findCoursesTeaching(
    skillUris: readonly string[],
    excludeCredentialIds: readonly string[],
    runner: QueryRunner = this.executor,
  ): Promise<CandidateCourse[]> {
    if (skillUris.length === 0) return [];
    const rows = await runner.read('planning/find-courses-teaching', { skillUris, excludeCredentialIds });
    return rows as unknown as CandidateCourse[];
  }
}

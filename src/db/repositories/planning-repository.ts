/** Reads the course catalog for planning. */
import type { QueryRunner } from '../neo4j-executor';

/** Catalog filters that decide which courses are eligible. */
export interface CourseFilter {
  readonly languages: readonly string[] | null;
  readonly participationForms: readonly string[] | null;
  readonly maxEqfLevel: number | null;
  readonly excludeProviderIds: readonly string[];
  readonly onlyProviderIds: readonly string[] | null;
  /** Credentials the subject already holds (taking them again adds nothing). */
  readonly excludeCredentialIds: readonly string[];
}

/** A course as the planner sees it. */
export interface CourseRow {
  readonly id: string;
  readonly hours: number | null;
  /** In `currency`, as the catalogue states it. */
  readonly price: number | null;
  readonly currency: string | null;
  readonly ects: number | null;
  readonly teaches: string[];
  readonly prerequisites: string[];
}

/** Planning queries. */
export class PlanningRepository {
  constructor(private readonly executor: QueryRunner) {}

  /** cypher/planning/find-courses-teaching */
  async findCoursesTeaching(skillUris: readonly string[], filter: CourseFilter, runner: QueryRunner = this.executor): Promise<CourseRow[]> {
    if (skillUris.length === 0) return [];
    const rows = await runner.read('planning/find-courses-teaching', {
      skillUris,
      languages: filter.languages,
      participationForms: filter.participationForms,
      maxEqfLevel: filter.maxEqfLevel,
      excludeProviderIds: filter.excludeProviderIds,
      onlyProviderIds: filter.onlyProviderIds,
      excludeCredentialIds: filter.excludeCredentialIds,
    });
    return rows as unknown as CourseRow[];
  }
}

/**
 * Reads that serve a whole browse of an occupation in one round trip: what the occupation, skill
 * and course DataLoaders would otherwise fetch in three sequential queries.
 */
import type { QueryRunner } from '../neo4j-executor';
import type { Page, PageRequest } from '../../domain/pagination/cursor';
import type { OccupationRow, SkillRow } from './esco-rows';
import { teachingCredential, type TeachingCredential } from './catalog-repository';
import { occupationRow, skillRow } from './esco-repository';

/** What a browse of an occupation reads: the fields the look-ahead found in the request. */
export interface OccupationBrowseRequest {
  readonly relation: 'ESSENTIAL' | 'OPTIONAL';
  readonly skillPage: PageRequest;
  /** The page of each skill's `taughtBy`; null when the request does not ask for courses. */
  readonly coursePage: PageRequest | null;
}

/** An occupation with a page of its skills and, when asked, each skill's page of courses. */
export interface OccupationBrowse {
  readonly occupation: OccupationRow;
  readonly skills: Page<SkillRow>;
  /** By skill URI; empty when the request asked for no courses. */
  readonly courses: ReadonlyMap<string, Page<TeachingCredential>>;
}

interface RawSkillEntry {
  readonly position: number;
  readonly skill: unknown;
  readonly courseCount: number;
  readonly courses: readonly unknown[];
}

function browseOf(row: Record<string, unknown>, { skillPage, coursePage }: OccupationBrowseRequest): OccupationBrowse {
  const entries = [...(row.skills as RawSkillEntry[])].sort((a, b) => a.position - b.position);
  const skills = entries.map((entry) => skillRow(entry.skill));
  const courses = new Map<string, Page<TeachingCredential>>();
  if (coursePage) {
    entries.forEach((entry, i) => {
      courses.set(skills[i]!.uri, {
        items: entry.courses.map(teachingCredential),
        totalCount: entry.courseCount,
        offset: coursePage.offset,
      });
    });
  }
  return {
    occupation: occupationRow(row.occupation),
    skills: { items: skills, totalCount: row.skillCount as number, offset: skillPage.offset },
    courses,
  };
}

/** Read access to whole browses. */
export class BrowseRepository {
  constructor(private readonly executor: QueryRunner) {}

  /**
   * cypher/browse/get-occupation-browse: the browses of the given occupations by URI (an unknown
   * occupation is absent).
   *
   * @example
   * const browses = await repo.getOccupationBrowse([uri], {
   *   relation: 'ESSENTIAL', skillPage: { offset: 0, limit: 20 }, coursePage: { offset: 0, limit: 3 },
   * });
   * const browse = browses.get(uri);
   * browse?.courses.get(browse.skills.items[0].uri)?.items; // the first skill's first three courses
   */
  async getOccupationBrowse(
    uris: readonly string[],
    request: OccupationBrowseRequest,
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, OccupationBrowse>> {
    const { relation, skillPage, coursePage } = request;
    const rows = await runner.read('browse/get-occupation-browse', {
      uris,
      relation,
      skillOffset: skillPage.offset,
      skillLimit: skillPage.limit,
      withCourses: coursePage !== null,
      courseOffset: coursePage?.offset ?? 0,
      courseLimit: coursePage?.limit ?? 0,
    });
    return new Map(rows.map((row) => [row.ownerUri as string, browseOf(row, request)]));
  }
}

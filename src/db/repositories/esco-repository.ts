/**
 * Reads the ESCO part of the graph. Every method takes many keys at once so DataLoaders can
 * batch a whole GraphQL level into one round trip; each method is named after its query file.
 */
import type { QueryRunner } from '../neo4j-executor';
import type { Page, PageRequest } from '../../domain/pagination/cursor';
import type { IscoGroupRow, OccupationRow, RequiringOccupationRow, SkillGroupRow, SkillRow } from './esco-rows';

/** Scored search hit. */
export interface Scored<T> {
  readonly item: T;
  readonly score: number;
}

/** Fills list and count defaults so callers never see null where ESCO simply has nothing. */
export function skillRow(raw: unknown): SkillRow {
  const row = raw as SkillRow;
  return { ...row, altLabels: row.altLabels ?? [], hiddenLabels: row.hiddenLabels ?? [], collections: row.collections ?? [] };
}

/** Same as {@link skillRow} for occupations. */
export function occupationRow(raw: unknown): OccupationRow {
  const row = raw as OccupationRow;
  return {
    ...row,
    altLabels: row.altLabels ?? [],
    hiddenLabels: row.hiddenLabels ?? [],
    essentialCount: row.essentialCount ?? 0,
    optionalCount: row.optionalCount ?? 0,
  };
}

function byOwner<T>(rows: Record<string, unknown>[], offset: number, map: (raw: unknown) => T): Map<string, Page<T>> {
  return new Map(
    rows.map((row) => [
      row.ownerUri as string,
      { items: (row.items as unknown[]).map(map), totalCount: row.totalCount as number, offset },
    ]),
  );
}

function requiringRow(raw: unknown): RequiringOccupationRow {
  const row = raw as RequiringOccupationRow;
  return { relation: row.relation, occupation: occupationRow(row.occupation) };
}

/** Read access to skills, occupations and their links. */
export class EscoRepository {
  constructor(private readonly executor: QueryRunner) {}

  /** cypher/esco/get-skills-by-uris */
  async getSkillsByUris(uris: readonly string[], runner: QueryRunner = this.executor): Promise<SkillRow[]> {
    const rows = await runner.read('esco/get-skills-by-uris', { uris });
    return rows.map((row) => skillRow(row.skill));
  }

  /** cypher/esco/get-occupations-by-uris */
  async getOccupationsByUris(uris: readonly string[], runner: QueryRunner = this.executor): Promise<OccupationRow[]> {
    const rows = await runner.read('esco/get-occupations-by-uris', { uris });
    return rows.map((row) => occupationRow(row.occupation));
  }

  /** cypher/esco/get-isco-groups-by-codes */
  async getIscoGroupsByCodes(codes: readonly string[], runner: QueryRunner = this.executor): Promise<IscoGroupRow[]> {
    const rows = await runner.read('esco/get-isco-groups-by-codes', { codes });
    return rows.map((row) => row.group as IscoGroupRow);
  }

  /** cypher/esco/get-occupation-skills-page */
  async getOccupationSkillsPage(
    uris: readonly string[],
    relation: 'ESSENTIAL' | 'OPTIONAL',
    page: PageRequest,
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, Page<SkillRow>>> {
    const rows = await runner.read('esco/get-occupation-skills-page', {
      uris,
      relation,
      offset: page.offset,
      limit: page.limit,
    });
    return byOwner(rows, page.offset, skillRow);
  }

  /** cypher/esco/get-narrower-skills-page */
  async getNarrowerSkillsPage(uris: readonly string[], page: PageRequest, runner: QueryRunner = this.executor): Promise<Map<string, Page<SkillRow>>> {
    const rows = await runner.read('esco/get-narrower-skills-page', { uris, offset: page.offset, limit: page.limit });
    return byOwner(rows, page.offset, skillRow);
  }

  /** cypher/esco/get-requiring-occupations-page */
  async getRequiringOccupationsPage(
    uris: readonly string[],
    relation: 'ESSENTIAL' | 'OPTIONAL' | null,
    page: PageRequest,
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, Page<RequiringOccupationRow>>> {
    const rows = await runner.read('esco/get-requiring-occupations-page', {
      uris,
      relation,
      offset: page.offset,
      limit: page.limit,
    });
    return byOwner(rows, page.offset, requiringRow);
  }

  /** cypher/esco/get-broader-skills */
  async getBroaderSkills(uris: readonly string[], runner: QueryRunner = this.executor): Promise<Map<string, SkillRow[]>> {
    const rows = await runner.read('esco/get-broader-skills', { uris });
    return new Map(rows.map((row) => [row.ownerUri as string, (row.items as unknown[]).map(skillRow)]));
  }

  /** cypher/esco/get-skill-groups */
  async getSkillGroups(uris: readonly string[], runner: QueryRunner = this.executor): Promise<Map<string, SkillGroupRow[]>> {
    const rows = await runner.read('esco/get-skill-groups', { uris });
    return new Map(rows.map((row) => [row.ownerUri as string, row.items as SkillGroupRow[]]));
  }

  /** cypher/esco/search-skills */
  async searchSkills(query: string, text: string, limit: number, runner: QueryRunner = this.executor): Promise<Scored<SkillRow>[]> {
    const rows = await runner.read('esco/search-skills', { query, text, limit });
    return rows.map((row) => ({ item: skillRow(row.skill), score: row.score as number }));
  }

  /** cypher/esco/search-occupations */
  async searchOccupations(query: string, text: string, limit: number, runner: QueryRunner = this.executor): Promise<Scored<OccupationRow>[]> {
    const rows = await runner.read('esco/search-occupations', { query, text, limit });
    return rows.map((row) => ({ item: occupationRow(row.occupation), score: row.score as number }));
  }

  /** cypher/esco/count-graph: true when no skill is loaded yet. */
  async countGraph(runner: QueryRunner = this.executor): Promise<{ skills: number }> {
    const rows = await runner.read('esco/count-graph');
    return { skills: (rows[0]?.skills as number) ?? 0 };
  }
}

/**
 * Reads the ESCO part of the graph. Every method takes many keys at once so DataLoaders can
 * batch a whole GraphQL level into one round trip; each method is named after its query file.
 */
import type { QueryRunner } from '../neo4j-executor';
import type { Page, PageRequest } from '../../domain/pagination/cursor';
import type {
  IscoGroupRow,
  OccupationRow,
  RelatedSkillRow,
  RequiringOccupationRow,
  SkillGroupRow,
  SkillRow,
  TranslationRow,
} from './esco-rows';
import type { LabelProperties } from '../../domain/esco/esco-languages';

/** Scored search hit. */
export interface Scored<T> {
  readonly item: T;
  readonly score: number;
}

/** Fills list and count defaults so callers never see null where ESCO simply has nothing. */
export function skillRow(raw: unknown): SkillRow {
  const row = raw as SkillRow;
  return {
    ...row,
    altLabels: row.altLabels ?? [],
    hiddenLabels: row.hiddenLabels ?? [],
    collections: row.collections ?? [],
  };
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

function byOwner<T>(
  rows: Record<string, unknown>[],
  offset: number,
  map: (raw: unknown) => T,
  key = 'ownerUri',
): Map<string, Page<T>> {
  return new Map(
    rows.map((row) => [
      row[key] as string,
      { items: (row.items as unknown[]).map(map), totalCount: row.totalCount as number, offset },
    ]),
  );
}

function requiringRow(raw: unknown): RequiringOccupationRow {
  const row = raw as RequiringOccupationRow;
  return { relation: row.relation, occupation: occupationRow(row.occupation) };
}

function relatedRow(raw: unknown): RelatedSkillRow {
  const row = raw as RelatedSkillRow;
  return { relation: row.relation, skill: skillRow(row.skill) };
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
  async getNarrowerSkillsPage(
    uris: readonly string[],
    page: PageRequest,
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, Page<SkillRow>>> {
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
  async getBroaderSkills(
    uris: readonly string[],
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, SkillRow[]>> {
    const rows = await runner.read('esco/get-broader-skills', { uris });
    return new Map(rows.map((row) => [row.ownerUri as string, (row.items as unknown[]).map(skillRow)]));
  }

  /** cypher/esco/get-skill-groups */
  async getSkillGroups(
    uris: readonly string[],
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, SkillGroupRow[]>> {
    const rows = await runner.read('esco/get-skill-groups', { uris });
    return new Map(rows.map((row) => [row.ownerUri as string, row.items as SkillGroupRow[]]));
  }

  /** cypher/esco/get-related-skills-page */
  async getRelatedSkillsPage(
    uris: readonly string[],
    relation: 'ESSENTIAL' | 'OPTIONAL' | null,
    page: PageRequest,
  ): Promise<Map<string, Page<RelatedSkillRow>>> {
    const rows = await this.executor.read('esco/get-related-skills-page', {
      uris,
      relation,
      offset: page.offset,
      limit: page.limit,
    });
    return byOwner(rows, page.offset, relatedRow);
  }

  /** cypher/esco/get-broader-occupations */
  async getBroaderOccupations(uris: readonly string[]): Promise<Map<string, OccupationRow[]>> {
    const rows = await this.executor.read('esco/get-broader-occupations', { uris });
    return new Map(rows.map((row) => [row.ownerUri as string, (row.items as unknown[]).map(occupationRow)]));
  }

  /** cypher/esco/get-narrower-occupations-page */
  async getNarrowerOccupationsPage(
    uris: readonly string[],
    page: PageRequest,
  ): Promise<Map<string, Page<OccupationRow>>> {
    const rows = await this.executor.read('esco/get-narrower-occupations-page', {
      uris,
      offset: page.offset,
      limit: page.limit,
    });
    return byOwner(rows, page.offset, occupationRow);
  }

  /** cypher/esco/get-isco-paths: for each ISCO code, its groups from the major group down to it. */
  async getIscoPaths(codes: readonly string[]): Promise<Map<string, IscoGroupRow[]>> {
    const rows = await this.executor.read('esco/get-isco-paths', { codes });
    return new Map(rows.map((row) => [row.ownerCode as string, row.items as IscoGroupRow[]]));
  }

  /** cypher/esco/get-narrower-isco-groups */
  async getNarrowerIscoGroups(codes: readonly string[]): Promise<Map<string, IscoGroupRow[]>> {
    const rows = await this.executor.read('esco/get-narrower-isco-groups', { codes });
    return new Map(rows.map((row) => [row.ownerCode as string, row.items as IscoGroupRow[]]));
  }

  /** cypher/esco/get-isco-group-occupations-page */
  async getIscoGroupOccupationsPage(
    codes: readonly string[],
    page: PageRequest,
  ): Promise<Map<string, Page<OccupationRow>>> {
    const rows = await this.executor.read('esco/get-isco-group-occupations-page', {
      codes,
      offset: page.offset,
      limit: page.limit,
    });
    return byOwner(rows, page.offset, occupationRow, 'ownerCode');
  }

  /** cypher/esco/get-skill-group-skills-page */
  async getSkillGroupSkillsPage(uris: readonly string[], page: PageRequest): Promise<Map<string, Page<SkillRow>>> {
    const rows = await this.executor.read('esco/get-skill-group-skills-page', {
      uris,
      offset: page.offset,
      limit: page.limit,
    });
    return byOwner(rows, page.offset, skillRow);
  }

  /** cypher/esco/get-skills-in-collection-page */
  async getSkillsInCollectionPage(collection: string, page: PageRequest): Promise<Page<SkillRow>> {
    const rows = await this.executor.read('esco/get-skills-in-collection-page', {
      collection,
      offset: page.offset,
      limit: page.limit,
    });
    const row = rows[0] ?? { totalCount: 0, items: [] };
    return { items: (row.items as unknown[]).map(skillRow), totalCount: row.totalCount as number, offset: page.offset };
  }

  /** cypher/esco/get-translations: labels of concepts of any kind, in the language whose properties are given. */
  async getTranslations(uris: readonly string[], keys: LabelProperties): Promise<Map<string, TranslationRow>> {
    const rows = await this.executor.read('esco/get-translations', {
      uris,
      preferredKey: keys.preferredLabel,
      altKey: keys.altLabels,
      descriptionKey: keys.description,
    });
    return new Map(rows.map((row) => [row.uri as string, row as unknown as TranslationRow]));
  }

  /** cypher/esco/search-skills */
  async searchSkills(
    query: string,
    text: string,
    limit: number,
    runner: QueryRunner = this.executor,
  ): Promise<Scored<SkillRow>[]> {
    const rows = await runner.read('esco/search-skills', { query, text, limit });
    return rows.map((row) => ({ item: skillRow(row.skill), score: row.score as number }));
  }

  /** cypher/esco/search-occupations */
  async searchOccupations(
    query: string,
    text: string,
    limit: number,
    runner: QueryRunner = this.executor,
  ): Promise<Scored<OccupationRow>[]> {
    const rows = await runner.read('esco/search-occupations', { query, text, limit });
    return rows.map((row) => ({ item: occupationRow(row.occupation), score: row.score as number }));
  }

  /** cypher/esco/count-graph: true when no skill is loaded yet. */
  async countGraph(runner: QueryRunner = this.executor): Promise<{ skills: number }> {
    const rows = await runner.read('esco/count-graph');
    return { skills: (rows[0]?.skills as number) ?? 0 };
  }
}

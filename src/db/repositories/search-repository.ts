/**
 * Reads for the in-memory skill and occupation search indexes. Methods are named after their
 * query files under `cypher/search/`.
 */
import type { Neo4jExecutor } from '../neo4j-executor';

/** The labels of one concept, as search indexes them. */
export interface SearchRow {
  readonly uri: string;
  readonly preferredLabel: string;
  readonly altLabels: string[];
  readonly hiddenLabels: string[];
  /** Occupations: the label of the ISCO unit group. */
  readonly groupLabel?: string | null;
}

/** Search reads. */
export class SearchRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** cypher/search/get-occupation-search-rows */
  async getOccupationSearchRows(): Promise<SearchRow[]> {
    const rows = await this.executor.read('search/get-occupation-search-rows');
    return rows.map((row) => ({
      uri: row.uri as string,
      preferredLabel: row.preferredLabel as string,
      altLabels: row.altLabels as string[],
      hiddenLabels: row.hiddenLabels as string[],
      groupLabel: (row.groupLabel as string | null) ?? null,
    }));
  }

  /** cypher/search/get-skill-search-rows */
  async getSkillSearchRows(): Promise<SearchRow[]> {
    const rows = await this.executor.read('search/get-skill-search-rows');
    return rows.map((row) => ({
      uri: row.uri as string,
      preferredLabel: row.preferredLabel as string,
      altLabels: row.altLabels as string[],
      hiddenLabels: row.hiddenLabels as string[],
    }));
  }
}

/**
 * The ESCO write path: every method runs the query file of the same name under
 * `cypher/esco-import/` through the executor, one write transaction per call. Callers pass
 * normalized records of any source (CSV import, API sync) and decide the batch size; the
 * repository never splits or merges batches, so "one call = one transaction" holds.
 */
import type { Neo4jExecutor } from '../../db/neo4j-executor';
import type { IscoGroupRecord, LinkKind, LinkRecord, OccupationRecord, SkillGroupRecord, SkillRecord } from './esco-records';
import { iscoGroupParams, linkParams, occupationParams, skillGroupParams, skillParams } from './record-params';

/** A link the graph could not take because an endpoint is missing; `index` points into the batch. */
export interface UnmatchedLink {
  readonly index: number;
  readonly fromFound: boolean;
  readonly toFound: boolean;
}

/** Node and relationship counts of the ESCO part of the graph (see `count-esco-graph.cypher`). */
export interface EscoGraphCounts {
  readonly skills: number;
  readonly skillGroups: number;
  readonly occupations: number;
  readonly iscoGroups: number;
  readonly requires: number;
  readonly skillBroader: number;
  readonly inGroup: number;
  readonly groupBroader: number;
  readonly relatedSkill: number;
  readonly occupationBroader: number;
  readonly inIscoGroup: number;
  readonly iscoBroader: number;
}

/** The query file that writes each link kind. */
export const LINK_QUERIES: Readonly<Record<LinkKind, string>> = {
  'skill-broader': 'esco-import/merge-skill-broader',
  'skill-in-group': 'esco-import/merge-skill-in-group',
  'group-broader': 'esco-import/merge-group-broader',
  'occupation-broader': 'esco-import/merge-occupation-broader',
  'occupation-isco-group': 'esco-import/merge-occupation-isco-group',
  'isco-broader': 'esco-import/merge-isco-broader',
  'skill-related': 'esco-import/merge-skill-relations',
  'occupation-skill': 'esco-import/merge-occupation-skills',
};

/** Writes ESCO records; see the module comment. */
export class EscoGraphRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** `esco-import/merge-isco-groups` */
  async mergeIscoGroups(records: readonly IscoGroupRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.executor.write('esco-import/merge-isco-groups', { rows: records.map(iscoGroupParams) });
  }

  /** `esco-import/merge-skill-groups` */
  async mergeSkillGroups(records: readonly SkillGroupRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.executor.write('esco-import/merge-skill-groups', { rows: records.map(skillGroupParams) });
  }

  /** `esco-import/merge-skills` */
  async mergeSkills(records: readonly SkillRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.executor.write('esco-import/merge-skills', { rows: records.map(skillParams) });
  }

  /**
   * `esco-import/merge-occupations`. Returns the batch indexes of occupations whose ISCO group
   * code names no IscoGroup (they are written, but not linked).
   */
  async mergeOccupations(records: readonly OccupationRecord[]): Promise<number[]> {
    if (records.length === 0) return [];
    const rows = await this.executor.write('esco-import/merge-occupations', { rows: records.map(occupationParams) });
    return rows.map((row) => Number(row['i']));
  }

  /**
   * Writes links of one kind (all records must share `kind`) with the query of {@link LINK_QUERIES}.
   * Links with a missing endpoint are not written and come back as {@link UnmatchedLink}s.
   */
  async mergeLinks(kind: LinkKind, records: readonly LinkRecord[]): Promise<UnmatchedLink[]> {
    if (records.length === 0) return [];
    const wrong = records.find((record) => record.kind !== kind);
    if (wrong) throw new Error(`mergeLinks(${kind}) got a ${wrong.kind} link`);
    const rows = await this.executor.write(LINK_QUERIES[kind], { rows: records.map(linkParams) });
    return rows.map((row) => ({
      index: Number(row['i']),
      fromFound: row['fromFound'] === true,
      toFound: row['toFound'] === true,
    }));
  }

  /** `esco-import/update-occupation-counts`: all occupations when `uris` is omitted. */
  async updateOccupationCounts(uris?: readonly string[]): Promise<number> {
    const rows = await this.executor.write('esco-import/update-occupation-counts', { uris: uris ? [...uris] : null });
    return Number(rows[0]?.['updated'] ?? 0);
  }

  /** `esco-import/merge-graph-meta` */
  async mergeGraphMeta(meta: { version: string; importedAt: string; source: string }): Promise<void> {
    await this.executor.write('esco-import/merge-graph-meta', { ...meta });
  }

  /** `esco-import/count-esco-graph` */
  async countEscoGraph(): Promise<EscoGraphCounts> {
    const [row] = await this.executor.read('esco-import/count-esco-graph');
    const value = (key: keyof EscoGraphCounts) => Number(row?.[key] ?? 0);
    return {
      skills: value('skills'),
      skillGroups: value('skillGroups'),
      occupations: value('occupations'),
      iscoGroups: value('iscoGroups'),
      requires: value('requires'),
      skillBroader: value('skillBroader'),
      inGroup: value('inGroup'),
      groupBroader: value('groupBroader'),
      relatedSkill: value('relatedSkill'),
      occupationBroader: value('occupationBroader'),
      inIscoGroup: value('inIscoGroup'),
      iscoBroader: value('iscoBroader'),
    };
  }
}

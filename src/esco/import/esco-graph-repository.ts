/**
 * The ESCO write path: every method runs the query file of the same name under
 * `cypher/esco-import/` through the executor, one write transaction per call (or, inside
 * {@link EscoGraphRepository.transaction}, all calls in one). Callers pass normalized records of
 * any source (CSV import, API sync) and decide the batch size; the repository never splits or
 * merges batches, so "one call = one transaction" holds.
 */
import type { QueryRunner, Row } from '../../db/neo4j-executor';
import type {
  IscoGroupRecord,
  LinkKind,
  LinkRecord,
  OccupationRecord,
  SkillGroupRecord,
  SkillRecord,
} from './esco-records';
import { iscoGroupParams, linkParams, occupationParams, skillGroupParams, skillParams } from './record-params';

/** A link the graph could not take because an endpoint is missing; `index` points into the batch. */
export interface UnmatchedLink {
  readonly index: number;
  readonly fromFound: boolean;
  readonly toFound: boolean;
}

export { ESCO_URI_PREFIX } from '../../domain/credentials';

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

/** A placeholder node for a concept the source only links to (label only, never overwrites). */
export interface ConceptStub {
  readonly uri: string;
  readonly preferredLabel: string;
}

/** An ISCO group placeholder; the code lets occupations link to it. */
export interface IscoGroupStub extends ConceptStub {
  readonly code: string;
}

/** Which label a URI has in the graph, if any (see `get-concept-kinds.cypher`). */
export type ConceptKind = 'skill' | 'group' | 'occupation' | 'isco';

/** Writes ESCO records; see the module comment. */
export class EscoGraphRepository {
  /** `runner`: the executor (one transaction per call) or a transaction every call joins. */
  constructor(private readonly runner: QueryRunner) {}

  /** Runs `work` with a repository whose calls share one write transaction: all commit or none. */
  transaction<T>(work: (repo: EscoGraphRepository) => Promise<T>): Promise<T> {
    return this.runner.transaction('WRITE', (tx) => work(new EscoGraphRepository(tx)));
  }

  /** `esco-import/merge-isco-groups` */
  async mergeIscoGroups(records: readonly IscoGroupRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.runner.write('esco-import/merge-isco-groups', { rows: records.map(iscoGroupParams) });
  }

  /** `esco-import/merge-skill-groups` */
  async mergeSkillGroups(records: readonly SkillGroupRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.runner.write('esco-import/merge-skill-groups', { rows: records.map(skillGroupParams) });
  }

  /** `esco-import/merge-skills` */
  async mergeSkills(records: readonly SkillRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.runner.write('esco-import/merge-skills', { rows: records.map(skillParams) });
  }

  /**
   * `esco-import/merge-occupations`. Returns the batch indexes of occupations whose ISCO group
   * code names no IscoGroup (they are written, but not linked).
   */
  async mergeOccupations(records: readonly OccupationRecord[]): Promise<number[]> {
    if (records.length === 0) return [];
    const rows = await this.runner.write('esco-import/merge-occupations', { rows: records.map(occupationParams) });
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
    const rows = await this.runner.write(LINK_QUERIES[kind], { rows: records.map(linkParams) });
    return rows.map((row) => ({
      index: Number(row['i']),
      fromFound: row['fromFound'] === true,
      toFound: row['toFound'] === true,
    }));
  }

  /** `esco-import/update-occupation-counts`: all occupations when `uris` is omitted. */
  async updateOccupationCounts(uris?: readonly string[]): Promise<number> {
    const rows = await this.runner.write('esco-import/update-occupation-counts', { uris: uris ? [...uris] : null });
    return Number(rows[0]?.['updated'] ?? 0);
  }

  /**
   * `read-model/append-change`: tells every read model to rebuild (an import that stopped part
   * way never reaches the writes that would).
   */
  async markReadModelsStale(): Promise<void> {
    await this.runner.write('read-model/append-change', {
      queries: ['esco-import'],
      full: true,
      learnerIds: [],
      credentialIds: [],
      postingIds: [],
      providerIds: [],
    });
  }

  /** `esco-import/merge-graph-meta` */
  async mergeGraphMeta(meta: { version: string; importedAt: string; source: string }): Promise<void> {
    await this.runner.write('esco-import/merge-graph-meta', { ...meta });
  }

  /** `esco-import/merge-skill-stubs`: creates missing skills with a label; existing nodes are left alone. */
  async mergeSkillStubs(stubs: readonly ConceptStub[]): Promise<number> {
    if (stubs.length === 0) return 0;
    const rows = await this.runner.write('esco-import/merge-skill-stubs', { rows: stubs.map((stub) => ({ ...stub })) });
    return Number(rows[0]?.['created'] ?? 0);
  }

  /** `esco-import/merge-skill-group-stubs`: creates missing skill groups with a label. */
  async mergeSkillGroupStubs(stubs: readonly ConceptStub[]): Promise<number> {
    if (stubs.length === 0) return 0;
    const rows = await this.runner.write('esco-import/merge-skill-group-stubs', {
      rows: stubs.map((stub) => ({ ...stub })),
    });
    return Number(rows[0]?.['created'] ?? 0);
  }

  /** `esco-import/merge-isco-group-stubs`: creates missing ISCO groups with code and label. */
  async mergeIscoGroupStubs(stubs: readonly IscoGroupStub[]): Promise<number> {
    if (stubs.length === 0) return 0;
    const rows = await this.runner.write('esco-import/merge-isco-group-stubs', {
      rows: stubs.map((stub) => ({ ...stub })),
    });
    return Number(rows[0]?.['created'] ?? 0);
  }

  /**
   * `esco-import/delete-stale-occupation-skills`: removes the occupation's REQUIRES links to skills
   * not in `skillUris` (the source's list is complete for that occupation). Returns how many.
   */
  async deleteStaleOccupationSkills(occupationUri: string, skillUris: readonly string[]): Promise<number> {
    const rows = await this.runner.write('esco-import/delete-stale-occupation-skills', {
      uri: occupationUri,
      skillUris: [...skillUris],
    });
    return Number(rows[0]?.['deleted'] ?? 0);
  }

  /** `esco-import/get-concept-kinds`: the label each URI has in the graph (absent ones are left out). */
  async getConceptKinds(uris: readonly string[]): Promise<Map<string, ConceptKind>> {
    const kinds = new Map<string, ConceptKind>();
    if (uris.length === 0) return kinds;
    const rows = await this.runner.read('esco-import/get-concept-kinds', { uris: [...new Set(uris)] });
    for (const row of rows) kinds.set(String(row['uri']), row['kind'] as ConceptKind);
    return kinds;
  }

  /** `esco-import/get-occupation-requirement-counts`: stored and counted REQUIRES of one occupation. */
  async getOccupationRequirementCounts(
    uri: string,
  ): Promise<{ essentialCount: number; optionalCount: number; essential: number; optional: number } | undefined> {
    const [row] = await this.runner.read('esco-import/get-occupation-requirement-counts', { uri });
    if (!row) return undefined;
    return {
      essentialCount: Number(row['essentialCount']),
      optionalCount: Number(row['optionalCount']),
      essential: Number(row['essential']),
      optional: Number(row['optional']),
    };
  }

  /**
   * `esco-import/list-concept-snapshot`: every concept under `prefix` with its properties and
   * outgoing links, for comparing two imports (large: the full release is ~17k rows).
   */
  async listConceptSnapshot(prefix: string): Promise<Row[]> {
    return this.runner.read('esco-import/list-concept-snapshot', { prefix });
  }

  /** `esco-import/count-esco-graph`: counts concepts (and links between them) whose URI starts with `prefix`. */
  async countEscoGraph(prefix = ''): Promise<EscoGraphCounts> {
    const [row] = await this.runner.read('esco-import/count-esco-graph', { prefix });
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

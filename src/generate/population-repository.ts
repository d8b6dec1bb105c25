/**
 * The generator's queries (`cypher/generate/*`): reading the ESCO sample space, writing batches,
 * counting and wiping a population by id prefix, and the record of a completed generation.
 */
import type { Neo4jExecutor } from '../db/neo4j-executor';
import type { OccupationRequirementsRow, SkillLabelRow, SkillLinkRow } from './sample-space';
import type { GeneratedCredential } from './sample-credential';
import type { GeneratedLearner } from './sample-learner';
import type { GeneratedPosting } from './sample-posting';
import type { GeneratedProvider } from './sample-provider';

/** What the graph says about the ESCO import. */
export interface EscoStatus {
  readonly version: string | null;
  readonly source: string | null;
  readonly occupations: number;
  readonly skills: number;
}

/** Node and relationship totals of a population. */
export interface PopulationCounts {
  readonly providers: number;
  readonly credentials: number;
  readonly learners: number;
  readonly postings: number;
  readonly awardedBy: number;
  readonly teaches: number;
  readonly prerequisites: number;
  readonly holds: number;
  readonly declares: number;
  readonly targets: number;
  readonly forOccupation: number;
  readonly requires: number;
}

/** The record a completed generation leaves (GraphMeta `population:<prefix>`). */
export interface PopulationMeta {
  /** The sampling rules' version (see GENERATOR_VERSION). */
  readonly generatorVersion: number;
  readonly seed: number;
  readonly credentials: number;
  readonly learners: number;
  readonly postings: number;
  readonly providers: number;
  readonly referenceDate: string;
  readonly prerequisiteShare: number;
  readonly generatedAt: string;
  readonly loadMillis: number;
}

/** Nodes deleted by one wipe batch, per kind. */
export interface WipeBatch {
  readonly learners: number;
  readonly postings: number;
  readonly credentials: number;
  readonly providers: number;
}

/** The GraphMeta key of a prefix's population. */
export function populationMetaKey(prefix: string): string {
  return `population:${prefix}`;
}

/** Database access of the population generator. */
export class PopulationRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** cypher/generate/get-esco-status */
  async getEscoStatus(): Promise<EscoStatus> {
    const [row] = await this.executor.read('generate/get-esco-status');
    return row as unknown as EscoStatus;
  }

  /** cypher/generate/get-occupation-requirements */
  async getOccupationRequirements(): Promise<OccupationRequirementsRow[]> {
    return (await this.executor.read('generate/get-occupation-requirements')) as unknown as OccupationRequirementsRow[];
  }

  /** cypher/generate/get-skill-links */
  async getSkillLinks(): Promise<SkillLinkRow[]> {
    return (await this.executor.read('generate/get-skill-links')) as unknown as SkillLinkRow[];
  }

  /** cypher/generate/get-skill-labels */
  async getSkillLabels(): Promise<SkillLabelRow[]> {
    return (await this.executor.read('generate/get-skill-labels')) as unknown as SkillLabelRow[];
  }

  /** cypher/generate/create-providers (one transaction) */
  async createProviders(rows: readonly GeneratedProvider[], now: string): Promise<void> {
    await this.executor.write('generate/create-providers', { rows, now });
  }

  /** cypher/generate/create-credentials (one transaction) */
  async createCredentials(rows: readonly GeneratedCredential[], now: string): Promise<void> {
    await this.executor.write('generate/create-credentials', {
      rows: rows.map(({ id, providerId, props, skills, prerequisiteUris }) => ({
        id,
        providerId,
        props,
        skills,
        prerequisiteUris,
      })),
      now,
    });
  }

  /** cypher/generate/create-learners (one transaction) */
  async createLearners(rows: readonly GeneratedLearner[], now: string): Promise<void> {
    await this.executor.write('generate/create-learners', { rows, now });
  }

  /** cypher/generate/create-postings (one transaction) */
  async createPostings(rows: readonly GeneratedPosting[], now: string): Promise<void> {
    await this.executor.write('generate/create-postings', { rows, now });
  }

  /** cypher/generate/count-population */
  async countPopulation(prefix: string): Promise<PopulationCounts> {
    const [row] = await this.executor.read('generate/count-population', { prefix });
    return row as unknown as PopulationCounts;
  }

  /** cypher/generate/delete-population-batch (one transaction) */
  async deletePopulationBatch(prefix: string, limit: number): Promise<WipeBatch> {
    const [row] = await this.executor.write('generate/delete-population-batch', { prefix, limit });
    return row as unknown as WipeBatch;
  }

  /** cypher/generate/delete-learners-from (one transaction) */
  async deleteLearnersFrom(prefix: string, fromNumber: number, limit: number): Promise<number> {
    const [row] = await this.executor.write('generate/delete-learners-from', { prefix, fromNumber, limit });
    return (row?.deleted as number) ?? 0;
  }

  /** cypher/generate/get-population-meta */
  async getPopulationMeta(prefix: string): Promise<PopulationMeta | null> {
    const [row] = await this.executor.read('generate/get-population-meta', { key: populationMetaKey(prefix) });
    return (row?.meta as PopulationMeta | null) ?? null;
  }

  /** cypher/generate/merge-population-meta */
  async recordPopulationMeta(prefix: string, meta: PopulationMeta): Promise<void> {
    await this.executor.write('generate/merge-population-meta', { key: populationMetaKey(prefix), meta });
  }

  /** cypher/generate/delete-population-meta */
  async deletePopulationMeta(prefix: string): Promise<void> {
    await this.executor.write('generate/delete-population-meta', { key: populationMetaKey(prefix) });
  }
}

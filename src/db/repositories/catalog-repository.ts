/**
 * Providers and micro-credentials. Writes run in one transaction each: references are checked,
 * then the node and all its links are replaced, so a failed upsert changes nothing.
 */
import type { Neo4jExecutor, QueryRunner } from '../neo4j-executor';
import type { ValidCredential } from '../../domain/catalog/credential-input';
import type { ProviderRecord } from '../../domain/catalog/provider-input';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Page, PageRequest } from '../../domain/pagination/cursor';
import { findMissingReferences } from './reference-check';
import type { CredentialRow, ProviderRow } from './catalog-rows';

/** A credential on a page of `Skill.taughtBy`, with its provider. */
export interface TeachingCredential {
  readonly credential: CredentialRow;
  readonly provider: ProviderRow | null;
}

/** Catalog filters (all optional). */
export interface CredentialFilter {
  providerId?: string | null;
  language?: string | null;
  participationForm?: string | null;
  maxHours?: number | null;
  maxPrice?: number | null;
  maxEqfLevel?: number | null;
  teachesSkillUri?: string | null;
  text?: string | null;
}

function credentialRow(raw: unknown): CredentialRow {
  const row = raw as CredentialRow & { createdAt: unknown; updatedAt: unknown };
  return {
    ...row,
    learningOutcomes: row.learningOutcomes ?? [],
    languages: row.languages ?? [],
    createdAt: row.createdAt == null ? null : String(row.createdAt),
    updatedAt: row.updatedAt == null ? null : String(row.updatedAt),
  };
}

/** Reads and writes the credential catalog. */
export class CatalogRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** cypher/catalog/merge-provider */
  async mergeProvider(provider: ProviderRecord): Promise<ProviderRow> {
    const [row] = await this.executor.write('catalog/merge-provider', { provider, now: new Date().toISOString() });
    return row!.provider as ProviderRow;
  }

  /** cypher/catalog/merge-credential (after the reference check, in one transaction). */
  async mergeCredential(valid: ValidCredential): Promise<string> {
    return this.executor.writeTransaction((tx) => this.mergeCredentialIn(tx, valid));
  }

  /** The same write inside a caller's transaction (the standards import adds a holding to it). */
  async mergeCredentialIn(tx: QueryRunner, valid: ValidCredential): Promise<string> {
    await findMissingReferences(tx, {
      providerIds: [valid.record.providerId],
      skillUris: [...valid.skills.map((s) => s.uri), ...valid.prerequisiteUris],
      credentialIds: valid.record.partOfId ? [valid.record.partOfId] : [],
    });
    const { id, providerId, partOfId, ...props } = valid.record;
    const [row] = await tx.run('catalog/merge-credential', {
      credential: { id, providerId, partOfId },
      props,
      skills: valid.skills,
      prerequisiteUris: valid.prerequisiteUris,
      now: new Date().toISOString(),
    });
    return row!.id as string;
  }

  /** cypher/catalog/delete-credential: NOT_FOUND when absent, CONFLICT while learners hold it. */
  async deleteCredential(id: string): Promise<void> {
    const [row] = await this.executor.write('catalog/delete-credential', { id });
    if (!row?.found) throw new NotFoundError(`unknown credential: ${id}`, { id });
    if (!row.deleted) {
      throw new ConflictError(`credential ${id} is held by ${row.holders} learner(s); remove the holdings first`, { id, holders: row.holders });
    }
  }

  /** cypher/catalog/get-providers-by-ids */
  async getProvidersByIds(ids: readonly string[]): Promise<ProviderRow[]> {
    const rows = await this.executor.read('catalog/get-providers-by-ids', { ids });
    return rows.map((row) => row.provider as ProviderRow);
  }

  /** cypher/catalog/get-credentials-by-ids */
  async getCredentialsByIds(ids: readonly string[]): Promise<CredentialRow[]> {
    const rows = await this.executor.read('catalog/get-credentials-by-ids', { ids });
    return rows.map((row) => credentialRow(row.credential));
  }

  /** cypher/catalog/list-credentials: one page of ids matching the filter. */
  async listCredentials(filter: CredentialFilter, page: PageRequest): Promise<Page<string>> {
    const [row] = await this.executor.read('catalog/list-credentials', {
      providerId: filter.providerId ?? null,
      language: filter.language?.toLowerCase() ?? null,
      participationForm: filter.participationForm ?? null,
      maxHours: filter.maxHours ?? null,
      maxPrice: filter.maxPrice ?? null,
      maxEqfLevel: filter.maxEqfLevel ?? null,
      teachesSkillUri: filter.teachesSkillUri ?? null,
      text: filter.text?.toLowerCase() ?? null,
      offset: page.offset,
      limit: page.limit,
    });
    return { items: (row?.ids as string[]) ?? [], totalCount: (row?.totalCount as number) ?? 0, offset: page.offset };
  }

  /** cypher/catalog/get-teaching-credentials-page: pages of full credential rows with their providers. */
  async getTeachingCredentialsPage(uris: readonly string[], page: PageRequest): Promise<Map<string, Page<TeachingCredential>>> {
    const rows = await this.executor.read('catalog/get-teaching-credentials-page', { uris, offset: page.offset, limit: page.limit });
    return new Map(
      rows.map((row) => [
        row.ownerUri as string,
        {
          items: (row.items as { credential: unknown; provider: ProviderRow | null }[]).map((item) => ({ credential: credentialRow(item.credential), provider: item.provider })),
          totalCount: row.totalCount as number,
          offset: page.offset,
        },
      ]),
    );
  }
}

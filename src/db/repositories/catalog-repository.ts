/**
 * Providers and micro-credentials. Writes run in one transaction each: references are checked,
 * then the node and all its links are replaced, so a failed upsert changes nothing.
 */
import type { QueryRunner } from '../neo4j-executor';
import type { ValidCredential } from '../../domain/catalog/credential-input';
import type { ProviderRecord } from '../../domain/catalog/provider-input';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { assertOwnerInScope } from '../../domain/access/access-rules';
import type { Page, PageRequest } from '../../domain/pagination/cursor';
import { findMissingReferences } from './reference-check';
import type { CredentialRow, CredentialSkillLinks, CredentialSummaryRow, ProviderRow } from './catalog-rows';

/** A credential on a page of `Skill.taughtBy` (its skill links load separately), with its provider. */
export interface TeachingCredential {
  readonly credential: CredentialSummaryRow;
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

/** A credential map as the catalog queries return it, with list defaults and dates as strings. */
function credentialRow<R extends CredentialSummaryRow = CredentialRow>(raw: unknown): R {
  const row = raw as R & { createdAt: unknown; updatedAt: unknown };
  return {
    ...row,
    learningOutcomes: row.learningOutcomes ?? [],
    languages: row.languages ?? [],
    createdAt: row.createdAt == null ? null : String(row.createdAt),
    updatedAt: row.updatedAt == null ? null : String(row.updatedAt),
  };
}

/**
 * A `{credential, provider}` item as the teaching-page and summary queries return it (the
 * credential's map without skill links, its provider's map or null).
 */
export function teachingCredential(raw: unknown): TeachingCredential {
  const item = raw as { credential: unknown; provider: ProviderRow | null };
  return { credential: credentialRow<CredentialSummaryRow>(item.credential), provider: item.provider };
}

/** Reads and writes the credential catalog. */
export class CatalogRepository {
  constructor(private readonly executor: QueryRunner) {}

  /** cypher/catalog/merge-provider (a provider writes only its own id: checked by the access guard). */
  async mergeProvider(provider: ProviderRecord, runner: QueryRunner = this.executor): Promise<ProviderRow> {
    const [row] = await runner.write('catalog/merge-provider', { provider, now: new Date().toISOString() });
    return row!.provider as ProviderRow;
  }

  /**
   * cypher/catalog/merge-credential, after cypher/locks/lock-or-create-credential and
   * cypher/catalog/get-credential-owners, in one transaction.
   *
   * @param scope the provider the writer is confined to (null: ADMIN or an import): an existing
   *   credential of another provider, or a `partOfId` of another provider, is FORBIDDEN. The check
   *   runs after the credential is locked, so concurrent creates of one new id by two providers
   *   leave it with the first and refuse the second.
   */
  async mergeCredential(
    valid: ValidCredential,
    scope: string | null = null,
    runner: QueryRunner = this.executor,
  ): Promise<string> {
    return runner.transaction('WRITE', async (tx) => {
      // Unscoped writers (ADMIN, imports) own everything: merge-credential's MERGE on the unique id
      // serialises them, and catalog imports of thousands of rows save two round trips per row.
      if (scope !== null) await this.assertOwned(tx, valid, scope);
      await findMissingReferences(tx, {
        providerIds: [valid.record.providerId],
        skillUris: [...valid.skills.map((s) => s.uri), ...valid.prerequisiteUris],
        credentialIds: valid.record.partOfId ? [valid.record.partOfId] : [],
      });
      const { id, providerId, partOfId, ...props } = valid.record;
      const [row] = await tx.write('catalog/merge-credential', {
        credential: { id, providerId, partOfId },
        props,
        skills: valid.skills,
        prerequisiteUris: valid.prerequisiteUris,
        now: new Date().toISOString(),
      });
      return row!.id as string;
    });
  }

  /**
   * cypher/locks/lock-or-create-credential then cypher/catalog/get-credential-owners: the
   * credential (created when new) is locked before its owner and its `partOfId`'s owner are read.
   */
  private async assertOwned(tx: QueryRunner, valid: ValidCredential, scope: string): Promise<void> {
    const { id: credentialId, partOfId: wholeId } = valid.record;
    const [lock] = await tx.write('locks/lock-or-create-credential', { credentialId, now: new Date().toISOString() });
    const [owners] = await tx.read('catalog/get-credential-owners', { credentialId, partOfId: wholeId });
    if (lock?.created !== true)
      assertOwnerInScope(scope, (owners?.providerId as string | null) ?? null, `credential ${credentialId}`);
    if (wholeId !== null && owners?.partOfExists === true) {
      assertOwnerInScope(scope, (owners.partOfProviderId as string | null) ?? null, `credential ${wholeId} (partOfId)`);
    }
  }

  /**
   * cypher/catalog/delete-credential after cypher/locks/lock-credential: NOT_FOUND when absent,
   * CONFLICT while learners hold it, FORBIDDEN outside the writer's `scope` (see mergeCredential).
   * The lock serialises it with `addHolding`, which locks the credential too: a holding added
   * concurrently is either seen here (CONFLICT) or finds the credential gone (NOT_FOUND).
   */
  async deleteCredential(id: string, scope: string | null = null, runner: QueryRunner = this.executor): Promise<void> {
    const row = await runner.transaction('WRITE', async (tx) => {
      await tx.write('locks/lock-credential', { credentialId: id });
      const [owners] = await tx.read('catalog/get-credential-owners', { credentialId: id, partOfId: null });
      const owner = (owners?.providerId as string | null) ?? null;
      if (owner !== null) assertOwnerInScope(scope, owner, `credential ${id}`);
      const [deleted] = await tx.write('catalog/delete-credential', { id });
      return deleted;
    });
    if (!row?.found) throw new NotFoundError(`unknown credential: ${id}`, { items: [id] });
    if (!row.deleted) {
      throw new ConflictError(`credential ${id} is held by ${row.holders} learner(s); remove the holdings first`, {
        items: [id],
        actual: Number(row.holders),
      });
    }
  }

  /** cypher/catalog/get-providers-by-ids */
  async getProvidersByIds(ids: readonly string[], runner: QueryRunner = this.executor): Promise<ProviderRow[]> {
    const rows = await runner.read('catalog/get-providers-by-ids', { ids });
    return rows.map((row) => row.provider as ProviderRow);
  }

  /** cypher/catalog/get-credentials-by-ids */
  async getCredentialsByIds(ids: readonly string[], runner: QueryRunner = this.executor): Promise<CredentialRow[]> {
    const rows = await runner.read('catalog/get-credentials-by-ids', { ids });
    return rows.map((row) => credentialRow(row.credential));
  }

  /** cypher/catalog/list-credentials: one page of ids matching the filter. */
  async listCredentials(
    filter: CredentialFilter,
    page: PageRequest,
    runner: QueryRunner = this.executor,
  ): Promise<Page<string>> {
    const [row] = await runner.read('catalog/list-credentials', {
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

  /** cypher/catalog/get-credential-skill-links */
  async getCredentialSkillLinks(
    ids: readonly string[],
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, CredentialSkillLinks>> {
    const rows = await runner.read('catalog/get-credential-skill-links', { ids });
    return new Map(
      rows.map((row) => [
        row.id as string,
        { skills: row.skills as CredentialRow['skills'], prerequisiteUris: row.prerequisiteUris as string[] },
      ]),
    );
  }

  /** cypher/catalog/get-teaching-credentials-by-ids (the ones that exist) */
  async getTeachingCredentialsByIds(
    ids: readonly string[],
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, TeachingCredential>> {
    const rows = await runner.read('catalog/get-teaching-credentials-by-ids', { ids });
    return new Map(
      rows.map((row) => {
        const item = teachingCredential(row.item);
        return [item.credential.id, item];
      }),
    );
  }

  /** cypher/catalog/get-teaching-credentials-page: pages of credential summaries with their providers. */
  async getTeachingCredentialsPage(
    uris: readonly string[],
    page: PageRequest,
    runner: QueryRunner = this.executor,
  ): Promise<Map<string, Page<TeachingCredential>>> {
    const rows = await runner.read('catalog/get-teaching-credentials-page', {
      uris,
      offset: page.offset,
      limit: page.limit,
    });
    return new Map(
      rows.map((row) => [
        row.ownerUri as string,
        {
          items: (row.items as unknown[]).map(teachingCredential),
          totalCount: row.totalCount as number,
          offset: page.offset,
        },
      ]),
    );
  }
}

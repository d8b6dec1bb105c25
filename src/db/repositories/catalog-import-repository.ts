/**
 * The writes imports add to the catalog repositories' (which they compose in the same
 * transaction): which records exist already, and creating missing providers in one UNWIND.
 * Methods are named after their query files under `cypher/credential-import/`.
 */
import type { QueryRunner } from '../neo4j-executor';
import type { ProviderRecord } from '../../domain/catalog/provider-input';

/** Ids found to exist. */
export interface ExistingRecords {
  readonly providerIds: ReadonlySet<string>;
  readonly credentialIds: ReadonlySet<string>;
}

/** Import-specific queries, run inside a caller's write transaction. */
export class CatalogImportRepository {
  /** cypher/credential-import/find-existing-records */
  async findExistingRecordsIn(tx: QueryRunner, providerIds: readonly string[], credentialIds: readonly string[]): Promise<ExistingRecords> {
    const [row] = await tx.run('credential-import/find-existing-records', { providerIds, credentialIds });
    return { providerIds: new Set((row?.providerIds as string[]) ?? []), credentialIds: new Set((row?.credentialIds as string[]) ?? []) };
  }

  /** cypher/credential-import/create-missing-providers: the ids of the providers created. */
  async createMissingProvidersIn(tx: QueryRunner, providers: readonly ProviderRecord[]): Promise<Set<string>> {
    const rows = await tx.run('credential-import/create-missing-providers', { providers, now: new Date().toISOString() });
    return new Set(rows.filter((row) => row.created === true).map((row) => row.id as string));
  }

  /**
   * cypher/locks/lock-or-create-credential: locks the micro-credential, creating its node when
   * absent; true when this transaction created it (concurrent creates of one id serialise on the
   * MERGE, so exactly one of them sees true).
   */
  async lockOrCreateCredentialIn(tx: QueryRunner, credentialId: string): Promise<boolean> {
    const [row] = await tx.run('locks/lock-or-create-credential', { credentialId, now: new Date().toISOString() });
    return row?.created === true;
  }
}

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

/** Import-specific queries, run in a caller's write transaction (`tx`). */
export class CatalogImportRepository {
  /** cypher/credential-import/find-existing-records */
  async findExistingRecords(
    providerIds: readonly string[],
    credentialIds: readonly string[],
    tx: QueryRunner,
  ): Promise<ExistingRecords> {
    const [row] = await tx.read('credential-import/find-existing-records', { providerIds, credentialIds });
    return {
      providerIds: new Set((row?.providerIds as string[]) ?? []),
      credentialIds: new Set((row?.credentialIds as string[]) ?? []),
    };
  }

  /** cypher/credential-import/create-missing-providers: the ids of the providers created. */
  async createMissingProviders(providers: readonly ProviderRecord[], tx: QueryRunner): Promise<Set<string>> {
    const rows = await tx.write('credential-import/create-missing-providers', {
      providers,
      now: new Date().toISOString(),
    });
    return new Set(rows.filter((row) => row.created === true).map((row) => row.id as string));
  }

  /**
   * cypher/credential-import/lock-credential-keys: locks the keys (creating missing ones) and
   * returns the credential each identifies, if any.
   */
  async lockCredentialKeys(keys: readonly string[], tx: QueryRunner): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows = await tx.write('credential-import/lock-credential-keys', { keys: [...new Set(keys)].sort() });
    return new Map(
      rows
        .filter((row) => typeof row.credentialId === 'string')
        .map((row) => [row.key as string, row.credentialId as string]),
    );
  }

  /** cypher/credential-import/link-credential-keys: links keys to their credentials (first wins). */
  async linkCredentialKeys(
    rows: readonly { credentialId: string; keys: readonly string[] }[],
    tx: QueryRunner,
  ): Promise<void> {
    if (rows.length === 0) return;
    await tx.write('credential-import/link-credential-keys', { rows });
  }

  /**
   * cypher/locks/lock-or-create-credential: locks the micro-credential, creating its node when
   * absent; true when this transaction created it (concurrent creates of one id serialise on the
   * MERGE, so exactly one of them sees true).
   */
  async lockOrCreateCredential(credentialId: string, tx: QueryRunner): Promise<boolean> {
    const [row] = await tx.write('locks/lock-or-create-credential', { credentialId, now: new Date().toISOString() });
    return row?.created === true;
  }
}

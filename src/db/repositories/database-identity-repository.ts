/** Reads and writes the identity node of the database (see `src/domain/database-identity.ts`). */
import type { QueryRunner } from '../neo4j-executor';
import type { DatabaseIdentity } from '../../domain/database-identity';

function toIdentity(row: Record<string, unknown> | undefined): DatabaseIdentity | null {
  if (row === undefined || typeof row.instanceId !== 'string') return null;
  return { instanceId: row.instanceId, schemaVersion: typeof row.schemaVersion === 'number' ? row.schemaVersion : 0 };
}

/** The database identity node. */
export class DatabaseIdentityRepository {
  constructor(private readonly executor: QueryRunner) {}

  /**
   * cypher/identity/merge-database-identity: returns the stored identity, creating it with
   * `instanceId` when the database has none and raising its schema version to `schemaVersion`.
   */
  async adopt(
    instanceId: string,
    schemaVersion: number,
    runner: QueryRunner = this.executor,
  ): Promise<DatabaseIdentity> {
    const [row] = await runner.write('identity/merge-database-identity', {
      instanceId,
      schemaVersion,
      createdAt: new Date().toISOString(),
    });
    const identity = toIdentity(row);
    if (identity === null) throw new Error('the database identity could not be written');
    return identity;
  }

  /** cypher/identity/get-database-identity: the stored identity, or null when there is none. */
  async read(runner: QueryRunner = this.executor): Promise<DatabaseIdentity | null> {
    const [row] = await runner.read('identity/get-database-identity');
    return toIdentity(row);
  }
}

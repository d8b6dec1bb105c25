/**
 * Applies the schema migrations in `cypher/migrations/` in file order. Every statement is
 * idempotent (`IF NOT EXISTS`), so this runs at every start and before every test run.
 */
import type { Neo4jExecutor } from './neo4j-executor';
import type { CypherRegistry } from './cypher-registry';

/** Applies all migrations and waits until new indexes are online. Returns the names applied. */
export async function applyMigrations(executor: Neo4jExecutor, registry: CypherRegistry): Promise<string[]> {
  const names = registry.namesUnder('migrations');
  for (const name of names) {
    // Schema commands cannot share a transaction with other statements: one each.
    await executor.write(name);
  }
  await executor.write('schema/await-indexes');
  return names;
}

/**
 * Connects a test file to the run's Neo4j (started by the global set-up). Never a mock: every
 * integration test talks to the real database.
 */
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/db/create-driver';
import { CypherRegistry } from '../../src/db/cypher-registry';
import { Neo4jExecutor } from '../../src/db/neo4j-executor';

/** An open connection for one test file. */
export interface TestDatabase {
  readonly uri: string;
  readonly driver: Driver;
  readonly registry: CypherRegistry;
  readonly executor: Neo4jExecutor;
  close(): Promise<void>;
}

/** Opens the run's database. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const uri = inject('neo4jUri');
  const driver = createDriver({ uri, user: inject('neo4jUser'), password: inject('neo4jPassword') });
  const registry = CypherRegistry.load();
  return { uri, driver, registry, executor: new Neo4jExecutor(driver, registry), close: () => driver.close() };
}

/** A unique prefix for the ids a test file creates, so files never see each other's data. */
export function uniquePrefix(name: string): string {
  return `t-${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * The identity a credgraph database carries (written into the graph on the first start) and the
 * rule deciding whether the database behind the connection is still the one a running API
 * adopted. Pure: the repository reads it, the guard applies the rule.
 */

/** What identifies a database: a random instance id fixed at creation, and its schema version. */
export interface DatabaseIdentity {
  readonly instanceId: string;
  /** The highest migration number applied (`cypher/migrations/NNN-...`). */
  readonly schemaVersion: number;
}

/**
 * Why `found` is not the database the API adopted as `expected`, or null when it is. Another
 * instance id means another store (a different Neo4j came up behind the same address); a lower
 * schema version means an older copy of the same store (a restored backup) lacking migrations the
 * running code relies on. A higher version is accepted: migrations only add, and a newer replica
 * may have applied its own during a rolling upgrade.
 *
 * @example
 * identityMismatch({ instanceId: 'a', schemaVersion: 16 }, { instanceId: 'a', schemaVersion: 17 }) // null
 * identityMismatch({ instanceId: 'a', schemaVersion: 16 }, null) // 'the database has no credgraph identity ...'
 */
export function identityMismatch(expected: DatabaseIdentity, found: DatabaseIdentity | null): string | null {
  if (found === null) {
    return `the database has no credgraph identity: it is not the database (instance ${expected.instanceId}) this server adopted at start`;
  }
  if (found.instanceId !== expected.instanceId) {
    return `the database is instance ${found.instanceId}, not instance ${expected.instanceId} that this server adopted at start`;
  }
  if (found.schemaVersion < expected.schemaVersion) {
    return `the database's schema version ${found.schemaVersion} is older than version ${expected.schemaVersion} this server adopted at start (an older copy of the store?)`;
  }
  return null;
}

/**
 * The schema version a set of migration names amounts to: the highest `NNN` prefix.
 *
 * @example
 * schemaVersionOf(['migrations/001-create-skill-uri', 'migrations/016-create-occupation-labels-fulltext']) // 16
 */
export function schemaVersionOf(migrationNames: readonly string[]): number {
  return migrationNames.reduce((highest, name) => {
    const match = /(?:^|\/)(\d+)-[^/]*$/.exec(name);
    return match ? Math.max(highest, Number(match[1])) : highest;
  }, 0);
}

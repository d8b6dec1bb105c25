/**
 * Creates the Neo4j driver with settings that make an outage visible quickly instead of hanging
 * requests: short connection and acquisition timeouts, bounded retry time.
 */
import neo4j, { type Driver } from 'neo4j-driver';

/** Pool size when the settings name none. */
export const DEFAULT_MAX_POOL_SIZE = 50;

/** Connection settings of one database. */
export interface DriverSettings {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly maxPoolSize?: number;
}

/** Opens a driver (lazily connecting) for `settings.uri`. */
export function createDriver(settings: DriverSettings): Driver {
  const auth = settings.password === '' ? undefined : neo4j.auth.basic(settings.user, settings.password);
  return neo4j.driver(settings.uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: settings.maxPoolSize ?? DEFAULT_MAX_POOL_SIZE,
    // An unreachable host is reported after one second, not the driver's 30 s default. Together
    // with the executor's short retry budget (see neo4j-executor.ts) a request fails with
    // DATABASE_UNAVAILABLE within about a second of Neo4j going away.
    connectionTimeout: 1_000,
    // Waiting for a pooled connection longer than this means the database is saturated: shed the
    // request (DATABASE_UNAVAILABLE) rather than queue it behind an ever-longer line.
    connectionAcquisitionTimeout: 1_000,
    // Only the driver's managed transactions (executeRead/executeWrite) use this; the executor
    // runs explicit transactions with its own, shorter retries, since the driver waits a full
    // second before its first retry.
    maxTransactionRetryTime: 1_000,
    userAgent: 'credgraph',
  });
}

/**
 * Checks that the database answers. Rejects with an error naming the URI when it does not.
 */
export async function verifyConnectivity(driver: Driver, uri: string, database?: string): Promise<void> {
  try {
    await driver.verifyConnectivity({ database });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`Cannot reach Neo4j at ${uri}: ${reason}`);
  }
}

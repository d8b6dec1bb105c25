/**
 * Per-request bookkeeping for database work: which GraphQL operation is running (sent to Neo4j as
 * transaction metadata, so `SHOW TRANSACTIONS` and query logs name it) and how many round trips
 * the request made (tests and benchmarks read it to prove batching works).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Mutable counters of one request. */
export interface QueryContext {
  operation: string;
  /** The operation's name once its document parsed and validated (unset before, or when it did not). */
  resolvedOperation?: string;
  roundTrips: number;
  dbMillis: number;
}

const storage = new AsyncLocalStorage<QueryContext>();

/** Runs `fn` with a fresh query context and returns its result. */
export function runWithQueryContext<T>(operation: string, fn: () => T): T {
  return storage.run({ operation, roundTrips: 0, dbMillis: 0 }, fn);
}

/** The context of the current request, if any (CLIs and start-up have none). */
export function currentQueryContext(): QueryContext | undefined {
  return storage.getStore();
}

/**
 * Runs `fn` outside any request's context: its queries are not counted as the request's round
 * trips (background checks that a request merely waits for).
 */
export function outsideQueryContext<T>(fn: () => T): T {
  return storage.exit(fn);
}

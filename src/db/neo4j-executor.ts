/**
 * The one place that opens sessions and runs Cypher. Repositories name a query file and pass
 * parameters; the executor picks read or write routing, tags the transaction with the current
 * operation, counts round trips, keeps each request within its share of the database (at most
 * `maxConcurrent` sessions at once and `maxRoundTrips` in all, see `query-context`) and maps
 * driver errors.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { Neo4jError, type Driver, type Record as Neo4jRecord, type Transaction } from 'neo4j-driver';
import type { CypherRegistry } from './cypher-registry';
import { mapDriverError } from './neo4j-errors';
import { acquireSessionSlot, countRoundTrip, currentQueryContext, releaseSessionSlot, type QueryContext } from './query-context';

/** Set while a transaction of the current request holds a session slot (queries inside it reuse it). */
const holdingSlot = new AsyncLocalStorage<true>();

/**
 * Runs `fn` within one of the current request's session slots (see `query-context`): queries of
 * one request beyond its concurrency share wait here, before a pooled connection is taken.
 */
async function withSessionSlot<T>(ctx: QueryContext | undefined, fn: () => Promise<T>): Promise<T> {
  if (!ctx || holdingSlot.getStore()) return fn();
  await acquireSessionSlot(ctx);
  try {
    return await holdingSlot.run(true, fn);
  } finally {
    releaseSessionSlot(ctx);
  }
}

/** Pauses before the retries of a failed transaction (short: see `inTransaction`). */
const RETRY_DELAYS_MS = [25, 100];
/** No retry starts later than this after the first attempt began. */
const RETRY_BUDGET_MS = 300;
/**
 * Retries of a transaction Neo4j chose as a deadlock victim. A deadlock proves the database is up
 * (it is two writers waiting on each other's locks, e.g. relationship-group locks of a popular
 * skill), so these retries ignore {@link RETRY_BUDGET_MS}, which is about outages; the lock wait
 * before the detection can alone exceed it.
 */
const DEADLOCK_RETRIES = 5;

function isDeadlock(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.TransientError.Transaction.DeadlockDetected';
}

/** A short random pause, growing with the attempt, so the deadlocked writers do not meet again. */
function deadlockPause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, (attempt + 1) * (10 + Math.random() * 40)));
}

/** A plain row: column name → value (integers arrive as JS numbers). */
export type Row = Record<string, unknown>;

/** Runs named queries inside an explicit write transaction (see {@link Neo4jExecutor.writeTransaction}). */
export interface QueryRunner {
  run(name: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/** One finished query, as reported to an {@link QueryObserver}. */
export interface QueryTiming {
  /** The query file name (`esco/get-skills-by-uris`), never its text or parameters. */
  readonly name: string;
  readonly mode: 'READ' | 'WRITE';
  readonly millis: number;
  readonly ok: boolean;
}

/** Receives the timing of every query (metrics). Must not throw. */
export type QueryObserver = (timing: QueryTiming) => void;

/** Options of the executor. */
export interface ExecutorOptions {
  readonly database?: string | undefined;
  /** Server-side transaction timeout; a runaway query is stopped by Neo4j itself. */
  readonly transactionTimeoutMs?: number;
  readonly observer?: QueryObserver | undefined;
}

/**
 * Work in progress, counted here because neo4j-driver has no public pool metrics: sessions
 * opened and not yet closed (waiting for or holding a pooled connection), and transaction
 * functions running (each holds one connection).
 */
export interface ExecutorLoad {
  readonly sessionsOpen: number;
  readonly transactionsRunning: number;
}

/**
 * JavaScript numbers reach Neo4j as floats, which LIMIT, SKIP, list slices and variable-length
 * bounds refuse. Top-level whole numbers are sent as integers; numbers nested in maps and lists
 * stay floats so stored properties keep one type.
 */
function toNeo4jParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value;
  }
  return out;
}

function toRows(records: Neo4jRecord[]): Row[] {
  return records.map((record) => record.toObject() as Row);
}

/** Executes named Cypher queries against one database. */
export class Neo4jExecutor {
  private sessionsOpen = 0;
  private transactionsRunning = 0;

  constructor(
    readonly driver: Driver,
    readonly registry: CypherRegistry,
    private readonly options: ExecutorOptions = {},
  ) {}

  /**
   * An executor over the same driver and queries with some options replaced (the app sets the
   * transaction timeout to its request timeout and attaches metrics). Its load counts are its own.
   */
  withOptions(options: Partial<ExecutorOptions>): Neo4jExecutor {
    return new Neo4jExecutor(this.driver, this.registry, { ...this.options, ...options });
  }

  /** Sessions and transactions in progress on this executor. */
  load(): ExecutorLoad {
    return { sessionsOpen: this.sessionsOpen, transactionsRunning: this.transactionsRunning };
  }

  private txConfig() {
    const ctx = currentQueryContext();
    return {
      timeout: this.options.transactionTimeoutMs ?? 30_000,
      metadata: { app: 'credgraph', operation: ctx?.operation ?? 'internal' },
    };
  }

  private async runIn(tx: Transaction, mode: 'READ' | 'WRITE', name: string, params: Record<string, unknown>): Promise<Row[]> {
    const query = this.registry.get(name);
    const ctx = currentQueryContext();
    const started = performance.now();
    if (ctx) countRoundTrip(ctx);
    let ok = false;
    try {
      const result = await tx.run(query.text, toNeo4jParams(params));
      ok = true;
      return toRows(result.records);
    } finally {
      const millis = performance.now() - started;
      if (ctx) ctx.dbMillis += millis;
      this.options.observer?.({ name, mode, millis, ok });
    }
  }

  /**
   * Runs `work` in one explicit transaction and commits it, retrying briefly on errors the driver
   * calls retryable (deadlocks, a stale pooled connection, a leader switch). The driver's own
   * retry of managed transactions is not used: its first back-off alone is a full second, per
   * transaction, which turned a Neo4j outage into requests hanging for seconds. Here a retry is
   * only started within {@link RETRY_BUDGET_MS} of the first attempt, so an unreachable database
   * is reported (DATABASE_UNAVAILABLE) after one connection timeout at most.
   */
  private async inTransaction<T>(mode: 'READ' | 'WRITE', work: (tx: Transaction) => Promise<T>): Promise<T> {
    const started = performance.now();
    let deadlocks = 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.attempt(mode, work);
      } catch (error) {
        if (isDeadlock(error) && deadlocks < DEADLOCK_RETRIES) {
          await deadlockPause(deadlocks);
          deadlocks += 1;
          attempt -= 1;
          continue;
        }
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined || !Neo4jError.isRetryable(error) || performance.now() - started > RETRY_BUDGET_MS) throw mapDriverError(error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private attempt<T>(mode: 'READ' | 'WRITE', work: (tx: Transaction) => Promise<T>): Promise<T> {
    return withSessionSlot(currentQueryContext(), () => this.attemptInSession(mode, work));
  }

  private async attemptInSession<T>(mode: 'READ' | 'WRITE', work: (tx: Transaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    this.sessionsOpen += 1;
    try {
      const tx = await session.beginTransaction(this.txConfig());
      this.transactionsRunning += 1;
      try {
        const result = await work(tx);
        await tx.commit();
        return result;
      } finally {
        this.transactionsRunning -= 1;
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      }
    } finally {
      this.sessionsOpen -= 1;
      await session.close().catch(() => undefined);
    }
  }

  /** Runs one read query in a read transaction (routed to a secondary in a cluster). */
  async read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const started = performance.now();
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.readOnce(name, params);
      } catch (error) {
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined || !Neo4jError.isRetryable(error) || performance.now() - started > RETRY_BUDGET_MS) throw mapDriverError(error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * One read statement as an auto-commit transaction: a single statement needs no explicit
   * BEGIN/COMMIT, which saves a network round trip and a server message pair per query.
   */
  private async readOnce(name: string, params: Record<string, unknown>): Promise<Row[]> {
    const ctx = currentQueryContext();
    if (ctx) countRoundTrip(ctx);
    return withSessionSlot(ctx, () => this.readInSession(name, params, ctx));
  }

  private async readInSession(name: string, params: Record<string, unknown>, ctx: QueryContext | undefined): Promise<Row[]> {
    const query = this.registry.get(name);
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    this.sessionsOpen += 1;
    this.transactionsRunning += 1;
    const started = performance.now();
    let ok = false;
    try {
      const result = await session.run(query.text, toNeo4jParams(params), this.txConfig());
      ok = true;
      return toRows(result.records);
    } finally {
      const millis = performance.now() - started;
      if (ctx) ctx.dbMillis += millis;
      this.options.observer?.({ name, mode: 'READ', millis, ok });
      this.transactionsRunning -= 1;
      this.sessionsOpen -= 1;
      await session.close().catch(() => undefined);
    }
  }

  /** Runs one write query in its own write transaction. */
  async write(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.writeTransaction((tx) => tx.run(name, params));
  }

  /**
   * Runs several named queries in one write transaction: all of them commit or none does.
   *
   * @example
   * await executor.writeTransaction(async (tx) => {
   *   await tx.run('credentials/delete-teaches', { id });
   *   return tx.run('credentials/merge-teaches', { id, skills });
   * });
   */
  async writeTransaction<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.inTransaction('WRITE', (tx) => work({ run: (name, params = {}) => this.runIn(tx, 'WRITE', name, params) }));
  }

  /** Runs several read queries in one read transaction (one consistent snapshot). */
  async readTransaction<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.inTransaction('READ', (tx) => work({ run: (name, params = {}) => this.runIn(tx, 'READ', name, params) }));
  }
}

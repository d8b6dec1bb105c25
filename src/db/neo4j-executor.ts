/**
 * The one place that opens sessions and runs Cypher. Repositories name a query file and pass
 * parameters through a {@link QueryRunner}: the executor itself (each call its own transaction)
 * or an open transaction (calls share it), so one repository method serves both. Every query
 * takes the same path: its parameters are checked against its file's `// params:` header, the
 * request's round trip is counted, it runs in a session of the request's share of the database
 * (at most `maxConcurrent` sessions at once and `maxRoundTrips` in all, see `query-context`)
 * tagged with the current operation and the request's bookmark manager, it is timed, and driver
 * errors are retried by one wrapper and then mapped.
 */
import neo4j, { Neo4jError, type Driver, type QueryResult, type Session } from 'neo4j-driver';
import { CypherRegistryError, type CypherQuery, type CypherRegistry } from './cypher-registry';
import { mapDriverError } from './neo4j-errors';
import { changeFeedOf } from './change-feed';
import { changeScopeOf, type WriteCall } from '../domain/read-model/change-scope';
import { countRoundTrip, currentQueryContext, withSessionSlot } from './query-context';

/** The query every write transaction touching read-model data runs last (see `changeScopeOf`). */
const APPEND_CHANGE = 'read-model/append-change';

/** Pauses before the retries of a failed transaction (short: see `withRetry`). */
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

/** Read or write routing (and the access mode of the session a transaction opens). */
export type AccessMode = 'READ' | 'WRITE';

/**
 * Runs named queries: the {@link Neo4jExecutor} (every call its own transaction) or an open
 * transaction (every call inside it). Repository methods take one, defaulting to the executor, so
 * the same method runs alone or as part of a caller's transaction.
 *
 * @example
 * async deleteHolding(learnerId: string, credentialId: string, runner: QueryRunner = this.executor) {
 *   return runner.transaction('WRITE', async (tx) => {
 *     await tx.write('locks/lock-learner', { learnerId });
 *     return tx.write('learners/delete-holding', { learnerId, credentialId });
 *   });
 * }
 */
export interface QueryRunner {
  /** Runs one read query (routed to a secondary in a cluster when it is its own transaction). */
  read(name: string, params?: Record<string, unknown>): Promise<Row[]>;
  /** Runs one write query. */
  write(name: string, params?: Record<string, unknown>): Promise<Row[]>;
  /**
   * Runs `work` in one transaction: all its writes commit or none does. The executor opens a new
   * transaction of `mode`; an open transaction runs `work` in itself (nested calls join it).
   */
  transaction<T>(mode: AccessMode, work: (tx: QueryRunner) => Promise<T>): Promise<T>;
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

/**
 * Checks that a call passes exactly the parameters its query file's header declares. A missing
 * parameter would otherwise be null in Cypher and quietly match nothing; an extra one is a sign
 * the caller and the query drifted apart. Both are programming errors, reported before any I/O.
 */
export function checkQueryParams(query: CypherQuery, params: Record<string, unknown>): void {
  const declared = new Set(query.params);
  const passed = Object.keys(params);
  const missing = query.params.filter((name) => !Object.hasOwn(params, name));
  const extra = passed.filter((name) => !declared.has(name));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${missing.map((n) => '$' + n).join(', ')}` : '',
      extra.length > 0 ? `not declared ${extra.map((n) => '$' + n).join(', ')}` : '',
    ];
    throw new CypherRegistryError(
      `parameters of ${query.name}.cypher do not match its "// params:" header: ${parts.filter(Boolean).join('; ')}`,
    );
  }
}

/** Something that runs Cypher text: a session (auto-commit) or an open transaction. */
type CypherTarget = (text: string, params: Record<string, unknown>) => Promise<QueryResult>;

/** Executes named Cypher queries against one database; itself the {@link QueryRunner} outside transactions. */
export class Neo4jExecutor implements QueryRunner {
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

  /** Runs one read query as its own transaction (routed to a secondary in a cluster). */
  async read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.runAlone('READ', name, params);
  }

  /** Runs one write query as its own transaction. */
  async write(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    return this.runAlone('WRITE', name, params);
  }

  /**
   * Runs several named queries in one transaction of `mode` and commits it: all of them commit or
   * none does. A READ transaction reads one consistent snapshot.
   *
   * @example
   * await executor.transaction('WRITE', async (tx) => {
   *   await tx.write('locks/lock-credential', { credentialId: id });
   *   return tx.write('catalog/delete-credential', { id });
   * });
   */
  transaction<T>(mode: AccessMode, work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    return this.withRetry(mode, async (session) => {
      const tx = await session.beginTransaction(this.txConfig());
      this.transactionsRunning += 1;
      const writes: WriteCall[] = [];
      const target: CypherTarget = (text, params) => tx.run(text, params);
      try {
        const result = await work(this.transactionRunner(mode, target, writes));
        const seq = await this.appendChange(target, writes);
        await tx.commit();
        if (seq !== null) changeFeedOf(this.driver).committed(seq);
        return result;
      } finally {
        this.transactionsRunning -= 1;
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      }
    });
  }

  /**
   * Records in the change log, inside the transaction before it commits, what its writes touched
   * (nothing when none of them touches read-model data): read models reload just that, or
   * everything for a write they cannot scope. Not counted as one of the request's round trips: it
   * is bookkeeping of the write, not work the caller asked for.
   *
   * @returns the change's sequence number, or null when none was recorded.
   */
  private async appendChange(target: CypherTarget, writes: readonly WriteCall[]): Promise<number | null> {
    if (writes.length === 0 || !this.registry.has(APPEND_CHANGE)) return null;
    const scope = changeScopeOf(writes);
    if (scope === null) return null;
    const params = {
      queries: [...new Set(writes.map((w) => w.name))],
      full: scope.full,
      learnerIds: [...scope.learnerIds],
      credentialIds: [...scope.credentialIds],
      postingIds: [...scope.postingIds],
      providerIds: [...scope.providerIds],
    };
    const query = this.prepare(APPEND_CHANGE, params);
    const result = await target(query.text, toNeo4jParams(params));
    const seq = result.records[0]?.get('seq') as unknown;
    return seq === undefined || seq === null ? null : neo4j.integer.toNumber(seq as number);
  }

  /**
   * One statement as an auto-commit transaction: a single statement needs no explicit
   * BEGIN/COMMIT, which saves a network round trip and a server message pair per query.
   */
  private async runAlone(mode: AccessMode, name: string, params: Record<string, unknown>): Promise<Row[]> {
    const query = this.prepare(name, params);
    // A write the change log must record runs in an explicit transaction with its change entry.
    if (mode === 'WRITE' && this.registry.has(APPEND_CHANGE) && changeScopeOf([{ name, params }]) !== null)
      return this.transaction('WRITE', (tx) => tx.write(name, params));
    return this.withRetry(mode, async (session) => {
      this.transactionsRunning += 1;
      try {
        return await this.runQuery(
          (text, neo4jParams) => session.run(text, neo4jParams, this.txConfig()),
          mode,
          query,
          params,
        );
      } finally {
        this.transactionsRunning -= 1;
      }
    });
  }

  /** The runner handed to a transaction's work: every call runs in `target`, nested transactions join it. */
  private transactionRunner(mode: AccessMode, target: CypherTarget, writes: WriteCall[]): QueryRunner {
    const run = async (name: string, params: Record<string, unknown> = {}) =>
      this.runQuery(target, mode, this.prepare(name, params), params);
    const runner: QueryRunner = {
      read: run,
      write: async (name, params = {}) => {
        if (mode === 'READ') throw new CypherRegistryError(`${name}: a write inside a READ transaction`);
        const rows = await run(name, params);
        writes.push({ name, params });
        return rows;
      },
      transaction: async (innerMode, work) => {
        if (innerMode === 'WRITE' && mode === 'READ')
          throw new CypherRegistryError('a WRITE transaction cannot join a READ transaction');
        return work(runner);
      },
    };
    return runner;
  }

  /** The query named `name`, its parameters checked against its header (no I/O). */
  private prepare(name: string, params: Record<string, unknown>): CypherQuery {
    const query = this.registry.get(name);
    checkQueryParams(query, params);
    return query;
  }

  /** The one run path of every query: counts, runs, times and converts its rows. */
  private async runQuery(
    target: CypherTarget,
    mode: AccessMode,
    query: CypherQuery,
    params: Record<string, unknown>,
  ): Promise<Row[]> {
    const ctx = currentQueryContext();
    if (ctx) {
      // A request past its deadline starts no more queries (one already running is stopped by
      // Neo4j's transaction timeout, set to the same deadline).
      if (ctx.signal.aborted) throw ctx.signal.reason;
      countRoundTrip(ctx);
      ctx.queriesRunning += 1;
    }
    const started = performance.now();
    let ok = false;
    try {
      const result = await target(query.text, toNeo4jParams(params));
      ok = true;
      return result.records.map((record) => record.toObject() as Row);
    } finally {
      const millis = performance.now() - started;
      if (ctx) {
        ctx.dbMillis += millis;
        ctx.queriesRunning -= 1;
      }
      this.options.observer?.({ name: query.name, mode, millis, ok });
    }
  }

  /**
   * The one retry wrapper: runs `work` in a fresh session of `mode` (within one of the request's
   * session slots) and retries briefly on errors the driver calls retryable (deadlocks, a stale
   * pooled connection, a leader switch), like the driver's managed transactions
   * (`executeRead`/`executeWrite`) but with shorter pauses: the driver's first back-off alone is a
   * full second, which turned a Neo4j outage into requests hanging for seconds. Here a retry is
   * only started within {@link RETRY_BUDGET_MS} of the first attempt, so an unreachable database
   * is reported (DATABASE_UNAVAILABLE) after one connection timeout at most.
   */
  private async withRetry<T>(mode: AccessMode, work: (session: Session) => Promise<T>): Promise<T> {
    const started = performance.now();
    let deadlocks = 0;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await withSessionSlot(() => this.inSession(mode, work));
      } catch (error) {
        if (isDeadlock(error) && deadlocks < DEADLOCK_RETRIES) {
          await deadlockPause(deadlocks);
          deadlocks += 1;
          attempt -= 1;
          continue;
        }
        const delay = RETRY_DELAYS_MS[attempt];
        if (delay === undefined || !Neo4jError.isRetryable(error) || performance.now() - started > RETRY_BUDGET_MS)
          throw mapDriverError(error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * Opens the session `work` runs in, with the current request's bookmark manager: a read after a
   * write of the same request waits until the server it is routed to has that write (causal
   * consistency on a cluster; a single server trivially has it). Work outside requests (tools,
   * start-up, the database identity check) carries no bookmarks: a process-wide manager would
   * hand bookmarks of one database to its replacement, which the identity check must be able to
   * read at once to notice the swap.
   */
  private async inSession<T>(mode: AccessMode, work: (session: Session) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: currentQueryContext()?.bookmarkManager,
    });
    this.sessionsOpen += 1;
    try {
      return await work(session);
    } finally {
      this.sessionsOpen -= 1;
      await session.close().catch(() => undefined);
    }
  }

  private txConfig() {
    const ctx = currentQueryContext();
    return {
      timeout: this.options.transactionTimeoutMs ?? 30_000,
      metadata: { app: 'credgraph', operation: ctx?.operation ?? 'internal' },
    };
  }
}

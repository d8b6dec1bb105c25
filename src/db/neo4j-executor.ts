/**
 * The one place that opens sessions and runs Cypher. Repositories name a query file and pass
 * parameters; the executor picks read or write routing, tags the transaction with the current
 * operation, counts round trips and maps driver errors.
 */
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { CypherRegistry } from './cypher-registry';
import { mapDriverError } from './neo4j-errors';
import { currentQueryContext } from './query-context';

/** A plain row: column name → value (integers arrive as JS numbers). */
export type Row = Record<string, unknown>;

/** Runs named queries inside an explicit write transaction (see {@link Neo4jExecutor.writeTransaction}). */
export interface QueryRunner {
  run(name: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/** Options of the executor. */
export interface ExecutorOptions {
  readonly database?: string | undefined;
  /** Server-side transaction timeout; a runaway query is stopped by Neo4j itself. */
  readonly transactionTimeoutMs?: number;
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
  constructor(
    readonly driver: Driver,
    private readonly registry: CypherRegistry,
    private readonly options: ExecutorOptions = {},
  ) {}

  private txConfig() {
    const ctx = currentQueryContext();
    return {
      timeout: this.options.transactionTimeoutMs ?? 30_000,
      metadata: { app: 'credgraph', operation: ctx?.operation ?? 'internal' },
    };
  }

  private async runIn(tx: ManagedTransaction, name: string, params: Record<string, unknown>): Promise<Row[]> {
    const query = this.registry.get(name);
    const ctx = currentQueryContext();
    const started = performance.now();
    if (ctx) ctx.roundTrips += 1;
    const result = await tx.run(query.text, toNeo4jParams(params));
    if (ctx) ctx.dbMillis += performance.now() - started;
    return toRows(result.records);
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  /** Runs one read query in a read transaction (routed to a secondary in a cluster). */
  async read(name: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    const session = this.session('READ');
    try {
      return await session.executeRead((tx) => this.runIn(tx, name, params), this.txConfig());
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
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
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(
        (tx) => work({ run: (name, params = {}) => this.runIn(tx, name, params) }),
        this.txConfig(),
      );
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs several read queries in one read transaction (one consistent snapshot). */
  async readTransaction<T>(work: (tx: QueryRunner) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(
        (tx) => work({ run: (name, params = {}) => this.runIn(tx, name, params) }),
        this.txConfig(),
      );
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }
}

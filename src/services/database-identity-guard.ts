/**
 * Makes sure the API serves the database it started with. A driver reconnects to whatever answers
 * at its URI: when the local Neo4j died and another one came up on the same port, the API used to
 * serve that store within seconds and `/ready` said ready. The guard adopts the database's
 * identity at start (writing one into an empty database) and re-checks it:
 * - on `/ready`, every time;
 * - before a request, when a query has failed since the last check (a lost connection is how a
 *   swap shows) or the last check is older than the check interval.
 * While the identity differs, requests fail with DATABASE_UNAVAILABLE and `/ready` answers 503
 * with the reason; when the adopted database is back, serving resumes. A restart adopts whatever
 * database it finds (that is the operator's decision, not the driver's).
 *
 * Cost: at most one extra read (one round trip, not counted against the request) per check
 * interval, plus one after each failed query; concurrent requests share one check.
 */
import { randomUUID } from 'node:crypto';
import { DatabaseUnavailableError } from '../domain/errors';
import { identityMismatch, type DatabaseIdentity } from '../domain/database-identity';
import type { DatabaseIdentityRepository } from '../db/repositories/database-identity-repository';
import { outsideQueryContext } from '../db/query-context';

/** The outcome of one identity check. */
export type IdentityCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string; readonly mismatch: boolean };

/** Options of the guard. */
export interface IdentityGuardOptions {
  /** A verified identity is trusted this long before requests re-check it. */
  readonly checkIntervalMs: number;
  /** Milliseconds clock (tests pass a fake one). */
  readonly now?: () => number;
  /** Told when the outcome changes between serving and not serving (for the log). */
  readonly onChange?: (outcome: IdentityCheck) => void;
}

/** Adopts the database identity at start and checks it afterwards. */
export class DatabaseIdentityGuard {
  private verifiedAt: number;
  private suspected = false;
  private last: IdentityCheck = { ok: true };
  private running: Promise<IdentityCheck> | undefined;
  private readonly now: () => number;

  private constructor(
    private readonly repository: DatabaseIdentityRepository,
    /** The identity adopted at start. */
    readonly expected: DatabaseIdentity,
    private readonly options: IdentityGuardOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.verifiedAt = this.now();
  }

  /**
   * Reads the database's identity, creating it (a new random instance id) when absent and
   * raising its schema version to `schemaVersion`, and returns a guard expecting it.
   */
  static async adopt(
    repository: DatabaseIdentityRepository,
    schemaVersion: number,
    options: IdentityGuardOptions,
  ): Promise<DatabaseIdentityGuard> {
    const identity = await repository.adopt(randomUUID(), schemaVersion);
    return new DatabaseIdentityGuard(repository, identity, options);
  }

  /** Something went wrong with a query: check the identity before the next request is served. */
  suspect(): void {
    this.suspected = true;
  }

  /** Checks the identity now (sharing a check already running). */
  check(): Promise<IdentityCheck> {
    this.running ??= outsideQueryContext(() => this.runCheck()).finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Resolves when the database may serve this request; throws DATABASE_UNAVAILABLE when it is
   * another database or cannot be reached.
   */
  async assertServing(): Promise<void> {
    const fresh = this.now() - this.verifiedAt < this.options.checkIntervalMs;
    const outcome = fresh && !this.suspected && this.last.ok ? this.last : await this.check();
    if (!outcome.ok) {
      throw new DatabaseUnavailableError(
        outcome.mismatch
          ? 'The database is unavailable: it is not the database this server started with'
          : 'The database is unavailable',
      );
    }
  }

  private async runCheck(): Promise<IdentityCheck> {
    this.suspected = false;
    let outcome: IdentityCheck;
    try {
      const reason = identityMismatch(this.expected, await this.repository.read());
      outcome = reason === null ? { ok: true } : { ok: false, reason, mismatch: true };
    } catch (error) {
      this.suspected = true;
      outcome = { ok: false, reason: `the database cannot be reached (${(error as Error).message})`, mismatch: false };
    }
    if (outcome.ok !== this.last.ok) this.options.onChange?.(outcome);
    this.last = outcome;
    if (outcome.ok) this.verifiedAt = this.now();
    return outcome;
  }
}

/**
 * Per-request bookkeeping for database work: which GraphQL operation is running (sent to Neo4j as
 * transaction metadata, so `SHOW TRANSACTIONS` and query logs name it), how many round trips
 * the request made (tests and benchmarks read it to prove batching works), and the request's
 * share of the database: at most `maxConcurrent` queries at once (the others wait their turn, so
 * one request full of aliases cannot take the whole connection pool from other clients) and at
 * most `maxRoundTrips` in all (beyond that its queries fail with BAD_USER_INPUT). Its bookmark
 * manager, shared by all sessions of the request, makes a read after a write of the same request
 * see that write on a cluster.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { type BookmarkManager } from 'neo4j-driver';
import { BadInputError } from '../domain/errors';

/** The database share of one request. */
export interface QueryBudget {
  /** Queries (sessions) of the request running at the same time. */
  readonly maxConcurrent: number;
  /** Round trips the request may make in all. */
  readonly maxRoundTrips: number;
}

/** No limit (command-line tools and start-up work). */
export const UNLIMITED_BUDGET: QueryBudget = {
  maxConcurrent: Number.POSITIVE_INFINITY,
  maxRoundTrips: Number.POSITIVE_INFINITY,
};

/** Mutable counters of one request. */
export interface QueryContext {
  operation: string;
  /** The operation's name once its document parsed and validated (unset before, or when it did not). */
  resolvedOperation?: string;
  roundTrips: number;
  dbMillis: number;
  /** Sessions of this request open right now. */
  sessionsOpen: number;
  /** The most sessions this request had open at once. */
  peakSessions: number;
  readonly budget: QueryBudget;
  /** Bookmarks of the request's committed transactions, passed to each of its sessions. */
  readonly bookmarkManager: BookmarkManager;
  /** Queries waiting for a free slot, first come first served. */
  readonly waiting: (() => void)[];
  /** Queries of this request running on the database right now (a timeout then is the database's). */
  queriesRunning: number;
  /** Aborted when the request is cancelled or runs out of time: its remaining work must stop. */
  readonly signal: AbortSignal;
  /** Aborts {@link signal} with `reason`. */
  readonly abort: (reason: Error) => void;
  /**
   * The first error code of the request's response, as the client gets it (recorded by the
   * server's error-code plugin for the request log and the metrics).
   */
  errorCode: string | undefined;
}

/**
 * What the one store holds: the request's context, and whether the code running holds one of its
 * session slots. One store for all request-scoped state: each `AsyncLocalStorage` in use costs
 * every promise the process creates a propagation step (three stores took about 15 % of a
 * coverage request's CPU).
 */
interface Scope {
  readonly context: QueryContext;
  readonly holdingSlot: boolean;
}

const storage = new AsyncLocalStorage<Scope>();

/** Runs `fn` with a fresh query context and returns its result. */
export function runWithQueryContext<T>(operation: string, fn: () => T, budget: QueryBudget = UNLIMITED_BUDGET): T {
  const controller = new AbortController();
  const context: QueryContext = {
    operation,
    roundTrips: 0,
    dbMillis: 0,
    sessionsOpen: 0,
    peakSessions: 0,
    budget,
    bookmarkManager: neo4j.bookmarkManager(),
    waiting: [],
    queriesRunning: 0,
    signal: controller.signal,
    abort: (reason) => controller.abort(reason),
    errorCode: undefined,
  };
  return storage.run({ context, holdingSlot: false }, fn);
}

/** The context of the current request, if any (CLIs and start-up have none). */
export function currentQueryContext(): QueryContext | undefined {
  return storage.getStore()?.context;
}

/**
 * Runs `fn` within one of the current request's session slots: queries of one request beyond its
 * concurrency share wait here, before a pooled connection is taken. Code already holding a slot
 * (the queries of one transaction) runs at once; so does code outside any request.
 */
export async function withSessionSlot<T>(fn: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
  if (scope === undefined || scope.holdingSlot) return fn();
  await acquireSessionSlot(scope.context);
  try {
    return await storage.run({ context: scope.context, holdingSlot: true }, fn);
  } finally {
    releaseSessionSlot(scope.context);
  }
}

/**
 * Runs `fn` outside any request's context: its queries are not counted as the request's round
 * trips (background checks that a request merely waits for).
 */
export function outsideQueryContext<T>(fn: () => T): T {
  return storage.exit(fn);
}

/**
 * Counts one round trip of the request.
 *
 * @throws BadInputError once the request exceeds its round-trip budget.
 */
export function countRoundTrip(ctx: QueryContext): void {
  ctx.roundTrips += 1;
  if (ctx.roundTrips > ctx.budget.maxRoundTrips) {
    throw new BadInputError(
      `The request needs more than ${ctx.budget.maxRoundTrips} database round trips; ask for fewer items or fewer aliases, or split it`,
      {
        limit: ctx.budget.maxRoundTrips,
      },
    );
  }
}

/** Waits for one of the request's session slots; pair with {@link releaseSessionSlot}. */
export async function acquireSessionSlot(ctx: QueryContext): Promise<void> {
  if (ctx.sessionsOpen >= ctx.budget.maxConcurrent) {
    await new Promise<void>((resolve) => ctx.waiting.push(resolve));
    // The releasing query handed its slot over without decrementing (see below).
  } else {
    ctx.sessionsOpen += 1;
  }
  ctx.peakSessions = Math.max(ctx.peakSessions, ctx.sessionsOpen);
}

/** Gives a slot back, to the longest-waiting query of the request if any. */
export function releaseSessionSlot(ctx: QueryContext): void {
  const next = ctx.waiting.shift();
  if (next) next();
  else ctx.sessionsOpen -= 1;
}

/**
 * Plans the hot read queries when the API starts, so that the first requests after Neo4j starts
 * (or after its plan cache was cleared) do not pay for planning. Best effort: a failure is
 * reported and skipped, never thrown, and the whole warm-up stops at its time budget.
 */
import type { Neo4jExecutor } from '../neo4j-executor';
import type { QueryPlanWarmUp } from './hot-read-queries';

/** Default wall-time budget of a warm-up: on a cold Neo4j each plan takes 0.3-1 s on two cores. */
export const DEFAULT_PLAN_WARM_UP_BUDGET_MS = 20_000;

/** What a warm-up did. */
export interface PlanWarmUpSummary {
  /** Queries planned (each a query with one combination of parameter sizes). */
  readonly planned: number;
  /** Plans that failed (logged); the query is planned on its first real run instead. */
  readonly failed: number;
  /** Plans not attempted because the budget ran out. */
  readonly skipped: number;
  readonly millis: number;
}

export interface WarmQueryPlansOptions {
  /** Stops starting new plans after this long (default {@link DEFAULT_PLAN_WARM_UP_BUDGET_MS}). */
  readonly budgetMs?: number;
  /** Told about each failed plan. */
  readonly onFailure?: (warmUp: QueryPlanWarmUp, error: unknown) => void;
}

/**
 * Runs each query once, one at a time so that the database keeps a core for whatever else
 * starts with it, in the order given (most urgent first). A real run, not `EXPLAIN`: Neo4j caches
 * an explained query's plan under a key of its own, which the query's real runs never hit.
 *
 * @example
 * const summary = await warmQueryPlans(executor, hotReadQueryWarmUps());
 * logger.info(summary, 'query plans warmed'); // { planned: 27, failed: 0, skipped: 0, millis: 6300 } on a fresh Neo4j
 */
export async function warmQueryPlans(
  executor: Pick<Neo4jExecutor, 'read'>,
  warmUps: readonly QueryPlanWarmUp[],
  options: WarmQueryPlansOptions = {},
): Promise<PlanWarmUpSummary> {
  const budgetMs = options.budgetMs ?? DEFAULT_PLAN_WARM_UP_BUDGET_MS;
  const started = performance.now();
  let planned = 0;
  let failed = 0;
  for (const [index, warmUp] of warmUps.entries()) {
    if (performance.now() - started >= budgetMs) {
      return { planned, failed, skipped: warmUps.length - index, millis: performance.now() - started };
    }
    try {
      await executor.read(warmUp.name, warmUp.params);
      planned += 1;
    } catch (error) {
      failed += 1;
      options.onFailure?.(warmUp, error);
    }
  }
  return { planned, failed, skipped: 0, millis: performance.now() - started };
}

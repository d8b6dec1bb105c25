import type { LinearModel } from './linear-model';

/** Per-call settings of a {@link PlanSolver}. */
export interface SolveOptions {
  /** Stop after this many milliseconds of wall-clock time (> 0). */
  readonly timeLimitMs: number;
  /** Solve the LP relaxation: `x` columns continuous in [0, 1] instead of binary. */
  readonly relax: boolean;
  /**
   * A feasible point (one value per column) to start from, so a limit-stopped solve has at
   * least this incumbent and the search can prune against it. Solvers may ignore it.
   */
  readonly start?: readonly number[];
}

/**
 * What a solve established. `bound` is a proven dual bound: a lower bound on the optimum of a
 * minimisation, an upper bound for a maximisation (null when none is known).
 */
export type SolveOutcome =
  | {
      readonly status: 'optimal';
      /** `columnValues[i]` is the value of `model.columns[i]`. */
      readonly columnValues: readonly number[];
      readonly objectiveValue: number;
      readonly bound: number;
    }
  | { readonly status: 'infeasible' }
  | {
      /** The time limit (or another limit) stopped the solve. */
      readonly status: 'limit';
      /** The best feasible point found, if any. */
      readonly columnValues: readonly number[] | null;
      readonly bound: number | null;
    }
  | { readonly status: 'error'; readonly message: string };

/**
 * The exact engine behind {@link planCourses}. The production one wraps HiGHS
 * ({@link createHighsPlanSolver}); tests pass failing or slow stand-ins to exercise the greedy
 * fallback. Implementations may throw; the planner treats that like `status: 'error'`.
 *
 * @example
 * const failing: PlanSolver = { solve: () => ({ status: 'error', message: 'down' }) };
 * await planCourses(input, { solver: failing }) // greedy plan, optimal: false
 */
export interface PlanSolver {
  solve(model: LinearModel, options: SolveOptions): SolveOutcome | Promise<SolveOutcome>;
}

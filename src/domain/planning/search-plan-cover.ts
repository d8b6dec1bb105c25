import { searchMinimumCover } from './cover-search';
import { orderSelection } from './order-selection';
import type { PlanningProblem } from './planning-problem';
import { selectionFacts } from './selection-facts';

/** What {@link searchPlanCover} established about a problem's full plans. */
export interface SearchedPlanCover {
  /** True when `selection` is proven the cheapest full plan. */
  readonly optimal: boolean;
  /** The cheapest valid full plan found (within the budgets, orderable), or null. */
  readonly selection: readonly number[] | null;
  /** A proven lower bound on every full plan's cost (the minimum cover's), when the search finished. */
  readonly bound: number | null;
}

/**
 * The set-cover search ({@link searchMinimumCover}) applied to a plan: the minimum-cost cover of
 * the problem's skills, budgets and prerequisites left out, from the `incumbent` cover (the
 * greedy one) until `stopAt`. Every full plan is a cover, so when the minimum cover is within the
 * budgets and can be ordered it is the optimal full plan; when it is not, its cost still bounds
 * every full plan's.
 *
 * @example
 * const searched = searchPlanCover(problem, greedySelection(problem), () => performance.now(), performance.now() + 50);
 * // searched.optimal → plan searched.selection; else searched.bound (if any) ≤ the optimum
 */
export function searchPlanCover(
  problem: PlanningProblem,
  incumbent: readonly number[],
  now: () => number,
  stopAt: number,
): SearchedPlanCover {
  const outcome = searchMinimumCover(
    problem.courses.map((course) => course.cost),
    problem.courses.map((course) => course.covers),
    problem.skills.length,
    { incumbent, now, stopAt },
  );
  if (outcome.status === 'infeasible') return { optimal: false, selection: null, bound: null };
  const found = outcome.selection;
  const valid = found !== null && selectionFacts(problem, found).withinBudgets && orderSelection(problem, found).ok;
  const proven = outcome.status === 'optimal';
  return {
    optimal: valid && proven,
    selection: valid ? found : null,
    bound: proven ? outcome.cost : null,
  };
}

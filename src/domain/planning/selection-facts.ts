import type { PlanningProblem } from './planning-problem';

/**
 * Weighted coverages closer than this count as equal: floating-point sums of weights such as
 * 0.1 + 0.2 must not make one plan "cover more" than another covering the same skills.
 */
export const COVERAGE_TOLERANCE = 1e-6;

/** Relative slack when checking budgets, so 0.1 + 0.2 hours fits a 0.3-hour budget. */
const BUDGET_TOLERANCE = 1e-9;

/** The measurable facts about a set of chosen courses (indices into `problem.courses`). */
export interface SelectionFacts {
  readonly covered: readonly boolean[];
  readonly coveredWeight: number;
  /** Every coverable skill is covered. */
  readonly full: boolean;
  readonly cost: number;
  readonly withinBudgets: boolean;
}

/**
 * Coverage, cost and budget use of `selection`.
 *
 * @example
 * selectionFacts(problem, [0, 2]).full // true when courses 0 and 2 cover every coverable skill
 */
export function selectionFacts(problem: PlanningProblem, selection: readonly number[]): SelectionFacts {
  const covered = problem.skills.map(() => false);
  let cost = 0;
  let hours = 0;
  let price = 0;
  for (const index of selection) {
    const course = problem.courses[index]!;
    for (const skill of course.covers) covered[skill] = true;
    cost += course.cost;
    hours += course.hours ?? 0;
    price += course.price ?? 0;
  }
  const { budgets } = problem;
  const fits = (used: number, limit: number | undefined): boolean =>
    limit === undefined || used <= limit + BUDGET_TOLERANCE * Math.max(1, limit);
  return {
    covered,
    coveredWeight: problem.skills.reduce((sum, skill, index) => sum + (covered[index] ? skill.weight : 0), 0),
    full: covered.every(Boolean),
    cost,
    withinBudgets: fits(hours, budgets.hours) && fits(price, budgets.price) && fits(selection.length, budgets.count),
  };
}

/**
 * Orders plans by the planner's definition of better: a full cover beats any partial one;
 * among full covers the cheaper wins; among partial ones, higher weighted coverage, then
 * lower cost. Returns < 0 when `a` is better, > 0 when `b` is, 0 on a tie.
 */
export function comparePlanQuality(a: SelectionFacts, b: SelectionFacts): number {
  if (a.full !== b.full) return a.full ? -1 : 1;
  if (!a.full && Math.abs(a.coveredWeight - b.coveredWeight) > COVERAGE_TOLERANCE) {
    return b.coveredWeight - a.coveredWeight;
  }
  return a.cost - b.cost;
}

import type { PlanningProblem } from './planning-problem';
import { COVERAGE_TOLERANCE } from './selection-facts';

/**
 * A lower bound needing no solver.
 *
 * A full cover pays for the cheapest course covering each skill, so the dearest such minimum is a
 * bound. It also pays, for each skill, at least the cheapest *share* of a course covering it (a
 * course's cost spread evenly over the skills it covers): those shares are a feasible solution of
 * the covering LP's dual (no course is charged more than its cost), so their sum bounds the LP
 * optimum and with it every full cover, budgets and prerequisites only adding constraints. With
 * whole-number costs the bound is rounded up. A partial plan of positive coverage must pay for at
 * least one course covering a weighted skill.
 *
 * @example
 * // STS(81): 1,080 lines, 81 one-hour courses each covering 40 of them
 * combinatorialLowerBound(problem, true, 1_080) // 27: 1,080 lines × 1/40 hour
 */
export function combinatorialLowerBound(problem: PlanningProblem, full: boolean, coveredWeight: number): number {
  const cheapest = new Float64Array(problem.skills.length).fill(Number.POSITIVE_INFINITY);
  const cheapestShare = new Float64Array(problem.skills.length).fill(Number.POSITIVE_INFINITY);
  for (const course of problem.courses) {
    const share = course.cost / course.covers.length;
    for (const skill of course.covers) {
      if (course.cost < cheapest[skill]!) cheapest[skill] = course.cost;
      if (share < cheapestShare[skill]!) cheapestShare[skill] = share;
    }
  }
  if (full) {
    let dearest = 0;
    let shares = 0;
    problem.skills.forEach((_, skill) => {
      // A skill no course covers is not in any full cover's reach: it adds nothing.
      if (cheapest[skill] === Number.POSITIVE_INFINITY) return;
      dearest = Math.max(dearest, cheapest[skill]!);
      shares += cheapestShare[skill]!;
    });
    const integral = problem.courses.every((course) => Number.isInteger(course.cost));
    // The shares' sum carries rounding error: it is taken a hair lower so it stays a bound.
    const dual = integral ? Math.ceil(shares - 1e-6) : shares * (1 - 1e-9);
    return Math.max(dearest, dual, 0);
  }
  if (coveredWeight <= COVERAGE_TOLERANCE) return 0;
  const weighted = problem.skills.flatMap((skill, index) =>
    skill.weight > 0 && cheapest[index] !== Number.POSITIVE_INFINITY ? [cheapest[index]!] : [],
  );
  return weighted.length === 0 ? 0 : Math.min(...weighted);
}

import type { PlanningProblem } from './planning-problem';
import { COVERAGE_TOLERANCE } from './selection-facts';

/**
 * A lower bound needing no solver: a full cover must pay for the cheapest course covering
 * each skill, so the most expensive such minimum is a bound; a partial plan of positive
 * coverage must pay for at least one course covering a weighted skill.
 */
export function combinatorialLowerBound(problem: PlanningProblem, full: boolean, coveredWeight: number): number {
  const cheapestCover = (skill: number): number =>
    Math.min(...problem.courses.filter((course) => course.covers.includes(skill)).map((course) => course.cost));
  if (full) return Math.max(0, ...problem.skills.map((_, skill) => cheapestCover(skill)));
  if (coveredWeight <= COVERAGE_TOLERANCE) return 0;
  const weighted = problem.skills.flatMap((skill, index) => (skill.weight > 0 ? [cheapestCover(index)] : []));
  return weighted.length === 0 ? 0 : Math.min(...weighted);
}

import type { PlanResult, PlanSolverLabel } from './plan-types';
import type { PlanningProblem } from './planning-problem';
import { orderSelection } from './order-selection';
import { selectionFacts } from './selection-facts';

/** How a selection was obtained and what is proven about it. */
export interface PlanEvidence {
  readonly optimal: boolean;
  /** Proven lower bound on the optimal objective value (clamped to [0, objectiveValue]). */
  readonly lowerBound: number;
  /** Proven upper bound on reachable weighted coverage (clamped to ≥ covered weight). */
  readonly coverageUpperBound: number;
  readonly solver: PlanSolverLabel;
  readonly solveMillis: number;
}

/**
 * Assembles the public {@link PlanResult} for an orderable selection. Totals are recomputed
 * here from course data rather than taken from a solver, so they are exact sums. Over a
 * {@link PlanningProblem.partial} problem (some course needs a prerequisite whose teachers were
 * not looked for) nothing is proven about the courses left unexplored: the plan is not optimal,
 * its lower bound is 0, the gap skills only those courses cover count as uncovered, and their
 * weight as reachable.
 * Throws a plain `Error` when the selection cannot be ordered (a planner bug, not bad input).
 */
export function buildPlanResult(
  problem: PlanningProblem,
  selection: readonly number[],
  evidence: PlanEvidence,
): PlanResult {
  const ordered = orderSelection(problem, selection);
  if (!ordered.ok) throw new Error('internal: a plan without a valid order reached the result builder');
  const facts = selectionFacts(problem, selection);
  const chosen = ordered.order.map((index) => problem.courses[index]!);
  const sum = (values: readonly (number | null)[]): number | null =>
    values.some((value) => value === null) ? null : values.reduce<number>((total, value) => total + value!, 0);
  const skillUri = (skill: number): string => problem.skills[skill]!.skillUri;
  const unexploredWeight = problem.unexplored.reduce((total, skill) => total + skill.weight, 0);
  const coverageBound = facts.full ? facts.coveredWeight : Math.max(facts.coveredWeight, evidence.coverageUpperBound);
  return {
    steps: ordered.order.map((index, position) => ({
      order: position + 1,
      courseId: problem.courses[index]!.id,
      newlyCovered: [...ordered.newlyCovered[position]!].sort((a, b) => a - b).map(skillUri),
    })),
    totalHours: sum(chosen.map((course) => course.hours)),
    totalPrice: sum(chosen.map((course) => course.price)),
    totalEcts: sum(chosen.map((course) => course.ects)),
    objective: problem.objective,
    objectiveValue: facts.cost,
    coveredSkills: problem.skills.flatMap((skill, index) => (facts.covered[index] ? [skill.skillUri] : [])),
    coveredWeight: facts.coveredWeight,
    coverageUpperBound: coverageBound + unexploredWeight,
    uncoverable: problem.uncoverable,
    uncoveredWithinBudget: [
      ...problem.skills.flatMap((skill, index) => (facts.covered[index] ? [] : [skill.skillUri])),
      ...problem.unexplored.map((skill) => skill.skillUri),
    ],
    optimal: evidence.optimal && !problem.partial,
    lowerBound: problem.partial ? 0 : Math.max(0, Math.min(evidence.lowerBound, facts.cost)),
    solver: evidence.solver,
    solveMillis: evidence.solveMillis,
    excluded: problem.excluded,
  };
}

/** The result when there is nothing to cover (empty gap, or every gap skill uncoverable). */
export function trivialPlanResult(problem: PlanningProblem, solveMillis: number): PlanResult {
  return buildPlanResult(problem, [], {
    optimal: true,
    lowerBound: 0,
    coverageUpperBound: 0,
    solver: 'trivial',
    solveMillis,
  });
}

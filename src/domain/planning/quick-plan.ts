/**
 * A first answer for a planning problem too large to prepare within its deadline. When a fifth of
 * a catalogue names prerequisites, following them pulls most of the catalogue into one problem
 * (18,000 candidates for a 12-skill gap), and pruning it takes longer than the whole time limit.
 * The courses without unmet prerequisites are few among the useful ones and need no ordering, so
 * the greedy plan over them is ready in milliseconds: the planning job reports it first, then
 * improves on it while time is left.
 */
import { courseCost } from './course-cost';
import { greedyPlan } from './greedy-plan';
import type { PlanCourse, PlanInput, PlanResult } from './plan-types';
import { validatePlanInput } from './validate-plan-input';

/**
 * Candidate courses from which a planning job answers with {@link quickPlan} before solving. Below
 * it (the common case: 1,000-3,500 candidates at 20,000 credentials with few prerequisites) the
 * exact first pass answers well within the deadline, and a quick plan would only add work.
 */
export const QUICK_PLAN_MIN_CANDIDATES = 5_000;

/**
 * Share of those candidates naming a prerequisite the subject lacks from which the quick plan is
 * made. Preparation is slow when following prerequisites pulls chains of courses into the problem;
 * many candidates with few prerequisites (a reskilling job gathers 3,000-11,000 courses for twenty
 * targets, about 1 % of them with unmet prerequisites at the generator's default) prepare in a few
 * milliseconds per target, and quick plans would only add work.
 */
export const QUICK_PLAN_MIN_PREREQUISITE_SHARE = 0.05;

/**
 * Whether a planning job answers first with {@link quickPlan}: many candidate courses, a good
 * share of them with unmet prerequisites.
 *
 * @example
 * needsQuickPlans(9_000, 90) // false: 1 % with unmet prerequisites
 * needsQuickPlans(18_000, 3_600) // true
 */
export function needsQuickPlans(candidates: number, withUnmetPrerequisites: number): boolean {
  return (
    candidates >= QUICK_PLAN_MIN_CANDIDATES && withUnmetPrerequisites >= QUICK_PLAN_MIN_PREREQUISITE_SHARE * candidates
  );
}

/**
 * The greedy plan over the courses without unmet prerequisites, with bounds valid for the whole
 * problem: never claimed optimal; `lowerBound` counts only gap skills a course without
 * prerequisites covers (such a skill is surely coverable, so every optimal full cover covers it;
 * 0 under budgets, where the optimum may leave it out), and is the larger of the dearest of their
 * cheapest courses and the sum of their cheapest course shares (a course's cost over the skills it
 * covers); `coverageUpperBound` the weight of every gap skill some course covers.
 * Skills only courses with prerequisites cover are left in `uncoveredWithinBudget`.
 *
 * @example
 * const first = quickPlan(input, () => performance.now());
 * // first.optimal === false; first.lowerBound <= any plan's objectiveValue for `input`
 */
export function quickPlan(input: PlanInput, now: () => number): PlanResult {
  const started = now();
  const validated = validatePlanInput(input);
  // Loops over the courses, not callbacks: their optimised code would not outlive the call in a
  // compute worker (V8 drops a closure's code once the closure is collected).
  const free: PlanCourse[] = [];
  for (const course of validated.courses) if (course.prerequisites.length === 0) free.push(course);
  const greedy = greedyPlan({ ...input, courses: free }, { now });

  const cheapest = new Map<string, number>();
  const cheapestShare = new Map<string, number>();
  let integral = true;
  for (const course of validated.courses) {
    const cost = courseCost(course, validated.objective);
    if (cost === null) continue;
    integral &&= Number.isInteger(cost);
    const share = cost / course.covers.length;
    for (const skill of course.covers) {
      cheapest.set(skill, Math.min(cost, cheapest.get(skill) ?? Infinity));
      cheapestShare.set(skill, Math.min(share, cheapestShare.get(skill) ?? Infinity));
    }
  }
  const coverable = validated.gap.filter((g) => cheapest.has(g.skillUri));
  const covered = new Set(greedy.coveredSkills);
  const hasBudgets = Object.values(validated.budgets).some((limit) => limit !== undefined);
  // Only a skill some course without prerequisites covers is surely coverable (the others' courses
  // may have unattainable prerequisites, and then no plan covers them): an optimal full cover
  // includes a course for each such skill.
  const surelyCoverable = new Set<string>();
  for (const course of free) {
    if (courseCost(course, validated.objective) !== null) for (const skill of course.covers) surelyCoverable.add(skill);
  }
  const sure = coverable.filter((g) => surelyCoverable.has(g.skillUri));
  const dearest = Math.max(0, ...sure.map((g) => cheapest.get(g.skillUri)!));
  // Each surely coverable skill costs a full cover at least the cheapest share of a course covering
  // it (a course's cost spread over the skills it covers): a feasible dual of the covering LP, as
  // in combinatorialLowerBound. Its sum carries rounding error, so it is taken a hair lower.
  const shares = sure.reduce((sum, g) => sum + cheapestShare.get(g.skillUri)!, 0);
  const dual = integral ? Math.ceil(shares - 1e-6) : shares * (1 - 1e-9);
  return {
    ...greedy,
    uncoverable: validated.gap.filter((g) => !cheapest.has(g.skillUri)).map((g) => g.skillUri),
    uncoveredWithinBudget: coverable.filter((g) => !covered.has(g.skillUri)).map((g) => g.skillUri),
    coverageUpperBound: coverable.reduce((sum, g) => sum + g.weight, 0),
    optimal: false,
    lowerBound: hasBudgets ? 0 : Math.min(Math.max(dearest, dual), greedy.objectiveValue),
    solver: 'greedy',
    solveMillis: now() - started,
    excluded: [],
  };
}

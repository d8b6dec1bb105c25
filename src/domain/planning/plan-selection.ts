import type { LinearRow } from './linear-model';
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

/** Result of {@link orderSelection}. */
export type SelectionOrder =
  | {
      readonly ok: true;
      /** Course indices in plan order. */
      readonly order: readonly number[];
      /** `newlyCovered[k]`: skill indices first covered by `order[k]`. */
      readonly newlyCovered: readonly (readonly number[])[];
    }
  | {
      readonly ok: false;
      /** Chosen courses that no order can reach: their prerequisites are not taught in time. */
      readonly stuck: readonly number[];
    };

/**
 * Puts chosen courses in an order where each comes after courses teaching all of its
 * prerequisites, or reports the ones that cannot be placed (a prerequisite cycle or a missing
 * teacher). Among courses that could come next, the one newly covering the most weight goes
 * first, then the most skills, then the smaller id; placing a course only ever unlocks
 * others, so this never fails where some order exists.
 *
 * @example
 * // b needs a skill only a teaches
 * orderSelection(problem, [b, a]) // { ok: true, order: [a, b], ... }
 */
export function orderSelection(problem: PlanningProblem, selection: readonly number[]): SelectionOrder {
  const remaining = new Set(selection);
  const taught = new Set<string>();
  const covered = problem.skills.map(() => false);
  const order: number[] = [];
  const newlyCovered: number[][] = [];
  while (remaining.size > 0) {
    let best: { index: number; weight: number; fresh: number[] } | undefined;
    for (const index of remaining) {
      const course = problem.courses[index]!;
      if (!course.prerequisites.every((skill) => taught.has(skill))) continue;
      const fresh = course.covers.filter((skill) => !covered[skill]);
      const weight = fresh.reduce((sum, skill) => sum + problem.skills[skill]!.weight, 0);
      if (best === undefined || isBetterNext(weight, fresh.length, index, best)) best = { index, weight, fresh };
    }
    if (best === undefined) return { ok: false, stuck: [...remaining].sort((a, b) => a - b) };
    remaining.delete(best.index);
    order.push(best.index);
    newlyCovered.push(best.fresh);
    for (const skill of best.fresh) covered[skill] = true;
    for (const skill of problem.courses[best.index]!.teaches) taught.add(skill);
  }
  return { ok: true, order, newlyCovered };
}

function isBetterNext(
  weight: number,
  count: number,
  index: number,
  best: { index: number; weight: number; fresh: readonly number[] },
): boolean {
  if (Math.abs(weight - best.weight) > COVERAGE_TOLERANCE) return weight > best.weight;
  if (count !== best.fresh.length) return count > best.fresh.length;
  return index < best.index; // candidates are sorted by id
}

/**
 * A linear cut that removes a selection with no valid order, and every other selection that
 * fails for the same reason, without removing any orderable plan.
 *
 * Let T be the stuck courses, R the rest of the selection and M the prerequisites of T that R
 * does not teach. In any orderable plan containing all of T, the first course of T needs some
 * skill of M from an earlier course, which cannot be in R or T, so it lies outside the
 * selection. Hence Σ_{t∈T} x_t − Σ_{d∉selection, d teaches M} x_d ≤ |T| − 1.
 */
export function orderingCut(
  problem: PlanningProblem,
  selection: readonly number[],
  stuck: readonly number[],
): LinearRow {
  const stuckSet = new Set(stuck);
  const chosen = new Set(selection);
  const taughtByRest = new Set(
    selection.filter((index) => !stuckSet.has(index)).flatMap((index) => [...problem.courses[index]!.teaches]),
  );
  const missing = new Set(
    stuck.flatMap((index) => problem.courses[index]!.prerequisites.filter((skill) => !taughtByRest.has(skill))),
  );
  const outside = new Set<number>();
  for (const skill of missing) {
    for (const teacher of problem.teachers.get(skill) ?? []) if (!chosen.has(teacher)) outside.add(teacher);
  }
  return {
    terms: [
      ...stuck.map((index) => [index, 1] as const),
      ...[...outside].sort((a, b) => a - b).map((index) => [index, -1] as const),
    ],
    sense: '<=',
    rhs: stuck.length - 1,
  };
}

import type { PlanningProblem } from './planning-problem';
import { COVERAGE_TOLERANCE } from './selection-facts';

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

import type { LinearRow } from './linear-model';
import type { PlanningProblem } from './planning-problem';

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

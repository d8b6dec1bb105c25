import type { LinearRow } from './linear-model';
import type { PlanningProblem } from './planning-problem';

/**
 * Linear cuts that remove a selection with no valid order, and every other selection stuck
 * for the same reasons, without removing any orderable plan.
 *
 * Validity: take a set T' of courses and, for each t in T', one prerequisite p_t; let D' be
 * the teachers of those p_t outside T'. In an orderable plan containing all of T' and none of
 * D', the first course of T' would need p_t from an earlier course, which teaches p_t and so
 * lies in T' ∪ D': impossible. Hence Σ_{t∈T'} x_t − Σ_{d∈D'} x_d ≤ |T'| − 1.
 *
 * Choice: the stuck courses T miss some prerequisites that the rest of the selection does
 * not teach; starting from each stuck course, T' grows by the selected teachers of one such
 * prerequisite per member (the one adding fewest) until closed. Then D' lies outside the
 * selection, so each cut removes it, and separate cycles get separate, smaller (stronger)
 * cuts in one round instead of one round each.
 *
 * @example
 * // a and b teach each other's prerequisite, t teaches a's from scratch:
 * orderingCuts(problem, [a, b], [a, b]) // [ x_a + x_b − x_t ≤ 1 ]
 */
export function orderingCuts(
  problem: PlanningProblem,
  selection: readonly number[],
  stuck: readonly number[],
): LinearRow[] {
  const stuckSet = new Set(stuck);
  const chosen = new Set(selection);
  const taughtByRest = new Set(
    selection.filter((index) => !stuckSet.has(index)).flatMap((index) => [...problem.courses[index]!.teaches]),
  );
  const missing = (index: number): string[] =>
    problem.courses[index]!.prerequisites.filter((skill) => !taughtByRest.has(skill));
  // Teachers of a missing skill inside the selection are stuck courses themselves.
  const selectedTeachers = (skill: string): number[] =>
    (problem.teachers.get(skill) ?? []).filter((teacher) => chosen.has(teacher));

  const cuts = new Map<string, LinearRow>();
  for (const seed of stuck) {
    const members = new Set([seed]);
    const needs = new Map<number, string>();
    const queue = [seed];
    while (queue.length > 0) {
      const member = queue.pop()!;
      let best: { skill: string; added: number[] } | undefined;
      for (const skill of missing(member)) {
        const added = selectedTeachers(skill).filter((teacher) => !members.has(teacher));
        if (best === undefined || added.length < best.added.length) best = { skill, added };
      }
      // Every stuck course misses at least one prerequisite, so `best` exists.
      needs.set(member, best!.skill);
      for (const teacher of best!.added) {
        members.add(teacher);
        queue.push(teacher);
      }
    }
    const ordered = [...members].sort((a, b) => a - b);
    const key = ordered.join(',');
    if (cuts.has(key)) continue;
    const outside = new Set<number>();
    for (const skill of needs.values()) {
      for (const teacher of problem.teachers.get(skill) ?? []) if (!members.has(teacher)) outside.add(teacher);
    }
    cuts.set(key, {
      terms: [
        ...ordered.map((index) => [index, 1] as const),
        ...[...outside].sort((a, b) => a - b).map((index) => [index, -1] as const),
      ],
      sense: '<=',
      rhs: ordered.length - 1,
    });
  }
  return [...cuts.values()];
}

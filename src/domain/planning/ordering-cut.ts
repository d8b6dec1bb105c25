import type { LinearRow } from './linear-model';
import type { PlanningProblem } from './planning-problem';
import { PrerequisiteReach } from './prerequisite-reach';

/**
 * Linear cuts that remove a selection with no valid order, and every other selection stuck
 * for the same reasons, without removing any orderable plan.
 *
 * Validity: let X be a set of courses and B(X) the courses no order of courses outside X can
 * reach (the courses blocked by X). An orderable plan without any course of X uses only
 * courses outside X, so it holds none of B(X). Hence x_b ≤ Σ_{d∈X} x_d for every b in B(X):
 * no course of B(X) without an entrance from X.
 *
 * Choice, for each stuck course t of the selection S (one not reached by the order):
 * 1. X starts as the unselected teachers of the prerequisites that close t's cycle: from t,
 *    follow for each member one prerequisite the rest of S does not teach (the one adding
 *    fewest), through its selected teachers, until closed; X is the unselected teachers of
 *    those prerequisites. No course outside X reaches that closed set, so t is in B(X), and X
 *    lies outside S, so the row of t removes S.
 * 2. X shrinks while t stays blocked, trying the cheapest courses first (at most
 *    {@link ENTRANCE_TRIALS} tries a call): a course of X that is itself stuck without the
 *    rest is no way in, and leaving it in X lets the next solve pick it at no gain (with many
 *    cheap courses in cycles, a cut that only said "not all of this cycle without X" removed
 *    one selection a round and the rounds ran out).
 * 3. A row for every course of B(X) (outside S, only where its own prerequisite rows do not
 *    already imply it), so courses X blocks are cut before a solve picks them.
 * Separate cycles get separate cuts in one round.
 *
 * @example
 * // a needs p1, which only b teaches; b needs p0, which a and t teach; t needs nothing:
 * orderingCuts(problem, [a, b], [a, b]) // [ x_a − x_t ≤ 0, x_b − x_t ≤ 0 ]
 */
export function orderingCuts(
  problem: PlanningProblem,
  selection: readonly number[],
  stuck: readonly number[],
): LinearRow[] {
  const reach = new PrerequisiteReach(problem.courses);
  const chosen = new Set(selection);
  const rows = new Map<string, LinearRow>();
  const removed = new Set<number>();
  const trials = { left: ENTRANCE_TRIALS };
  const stuckSet = new Set(stuck);
  const taughtByRest = new Set<string>();
  for (const index of selection)
    if (!stuckSet.has(index)) for (const skill of problem.courses[index]!.teaches) taughtByRest.add(skill);
  for (const seed of stuck) {
    // A row from an earlier seed already removes the selection through this course.
    if (removed.has(seed)) continue;
    const entrances = fewestEntrances(
      problem,
      reach,
      seed,
      cycleEntrances(problem, chosen, taughtByRest, seed),
      trials,
    );
    const blocked = reach.blockedBy(entrances);
    const terms = [...entrances].sort((a, b) => a - b).map((index) => [index, -1] as const);
    const key = terms.map(([index]) => index).join(',');
    for (let course = 0; course < problem.courses.length; course += 1) {
      if (!blocked[course] || entrances.has(course)) continue;
      // The selection's own courses always get their row, whatever rows it broke to get here.
      if (!chosen.has(course) && impliedByPrerequisiteRow(problem, course, entrances)) continue;
      if (chosen.has(course)) removed.add(course);
      const rowKey = `${course}:${key}`;
      if (!rows.has(rowKey)) rows.set(rowKey, { terms: [[course, 1] as const, ...terms], sense: '<=', rhs: 0 });
    }
  }
  return [...rows.values()];
}

/**
 * Step 1 of {@link orderingCuts}: the unselected teachers of the prerequisites closing `seed`'s
 * cycle, given what the selection's orderable courses teach.
 */
function cycleEntrances(
  problem: PlanningProblem,
  chosen: ReadonlySet<number>,
  taughtByRest: ReadonlySet<string>,
  seed: number,
): Set<number> {
  const members = new Set([seed]);
  const needs: string[] = [];
  const queue = [seed];
  while (queue.length > 0) {
    const member = queue.pop()!;
    let best: { skill: string; added: number[] } | undefined;
    for (const skill of problem.courses[member]!.prerequisites) {
      if (taughtByRest.has(skill)) continue;
      // Teachers of a missing skill inside the selection are stuck courses themselves.
      const added = (problem.teachers.get(skill) ?? []).filter(
        (teacher) => chosen.has(teacher) && !members.has(teacher),
      );
      if (best === undefined || added.length < best.added.length) best = { skill, added };
    }
    // Every stuck course misses at least one prerequisite, so `best` exists.
    needs.push(best!.skill);
    for (const teacher of best!.added) {
      members.add(teacher);
      queue.push(teacher);
    }
  }
  const entrances = new Set<number>();
  for (const skill of needs)
    for (const teacher of problem.teachers.get(skill) ?? []) if (!members.has(teacher)) entrances.add(teacher);
  return entrances;
}

/**
 * How many entrances step 2 tries to drop in one call of {@link orderingCuts}, over all its stuck
 * courses: each try walks the problem's prerequisites once, and a prerequisite taught by hundreds
 * of courses would otherwise cost hundreds of walks between two solves. The cheapest, tried
 * first, are the ones a solve would pick for free; past the budget X stays as step 1 made it,
 * which is still a valid cut.
 */
const ENTRANCE_TRIALS = 64;

/**
 * Step 2 of {@link orderingCuts}: drops entrances, cheapest first, while `seed` stays blocked,
 * spending tries from `trials`.
 */
function fewestEntrances(
  problem: PlanningProblem,
  reach: PrerequisiteReach,
  seed: number,
  entrances: Set<number>,
  trials: { left: number },
): Set<number> {
  const byCost = [...entrances].sort((a, b) => problem.courses[a]!.cost - problem.courses[b]!.cost || a - b);
  for (const course of byCost) {
    if (trials.left <= 0) break;
    trials.left -= 1;
    entrances.delete(course);
    if (!reach.blockedBy(entrances)[seed]) entrances.add(course);
  }
  return entrances;
}

/** Some prerequisite of `course` has no teacher but `course` itself and courses of `entrances`. */
function impliedByPrerequisiteRow(problem: PlanningProblem, course: number, entrances: ReadonlySet<number>): boolean {
  return problem.courses[course]!.prerequisites.some((skill) =>
    (problem.teachers.get(skill) ?? []).every((teacher) => teacher === course || entrances.has(teacher)),
  );
}

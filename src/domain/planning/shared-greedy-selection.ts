import { greedySelection } from './greedy-plan';
import type { PlanningProblem } from './planning-problem';

/** A greedy cover computed earlier, with the parts of the problem it was computed from. */
interface KnownCover {
  readonly skills: PlanningProblem['skills'];
  readonly budgets: PlanningProblem['budgets'];
  readonly objective: PlanningProblem['objective'];
  readonly selection: readonly number[];
}

/**
 * Greedy covers by their problem's course list. A planning job solves a target's problem in two
 * passes, each with a copy of the problem carrying its own time limit; the copies share the course
 * and skill lists, so the list identifies the problem across passes and the entry goes with it.
 */
const knownCovers = new WeakMap<PlanningProblem['courses'], KnownCover>();

/**
 * {@link greedySelection}, computed once per problem: a second pass over the same problem (or the
 * fallback of a plan the first pass started) reuses the first one's cover. Over thousands of
 * candidate courses with prerequisites the greedy cover is the slowest step that cannot stop at a
 * deadline: 130-470 ms on a busy compute worker at concurrency 16, where the second pass computed
 * it again past its deadline. The selection is shared: callers must not modify it.
 *
 * @example
 * const first = sharedGreedySelection(problem);
 * sharedGreedySelection({ ...problem, timeLimitMs: 500 }) === first; // true: same lists
 */
export function sharedGreedySelection(problem: PlanningProblem): readonly number[] {
  const known = knownCovers.get(problem.courses);
  if (
    known !== undefined &&
    known.skills === problem.skills &&
    known.budgets === problem.budgets &&
    known.objective === problem.objective
  )
    return known.selection;
  const selection = greedySelection(problem);
  knownCovers.set(problem.courses, {
    skills: problem.skills,
    budgets: problem.budgets,
    objective: problem.objective,
    selection,
  });
  return selection;
}

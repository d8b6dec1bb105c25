import { combinatorialLowerBound } from './combinatorial-lower-bound';
import { greedySelection } from './greedy-plan';
import { buildPlanResult, trivialPlanResult } from './plan-result';
import type { PlanResult } from './plan-types';
import type { PlanningProblem } from './planning-problem';
import { searchPlanCover } from './search-plan-cover';
import { comparePlanQuality, selectionFacts } from './selection-facts';

/**
 * The best plan a thread without a solver can give by `stopAt` (the compute pool's express lane):
 * the set-cover search ({@link searchPlanCover}) from the greedy cover. When the search proves its
 * minimum cover a valid plan, that plan is optimal (`solver: 'cover-search'`); otherwise the better
 * of the greedy plan (`greedy`) and the search's best valid cover (`cover-search-incumbent`), with
 * the larger of the solver-free bound and, for a full plan, the search's minimum cover. `started`
 * (on the `now` clock) counts in `solveMillis`.
 *
 * @example
 * const plan = solverFreePlan(problem, () => performance.now(), performance.now() + 100);
 * // plan.optimal is true on most catalogues; plan.lowerBound <= plan.objectiveValue always
 */
export function solverFreePlan(
  problem: PlanningProblem,
  now: () => number,
  stopAt: number,
  started: number = now(),
): PlanResult {
  if (problem.skills.length === 0) return trivialPlanResult(problem, now() - started);
  const greedy = greedySelection(problem);
  const searched = searchPlanCover(problem, greedy, now, stopAt);
  if (searched.optimal) {
    const facts = selectionFacts(problem, searched.selection!);
    return buildPlanResult(problem, searched.selection!, {
      optimal: true,
      lowerBound: Math.min(facts.cost, searched.bound!),
      coverageUpperBound: facts.coveredWeight,
      solver: 'cover-search',
      solveMillis: now() - started,
    });
  }
  let best: readonly number[] = greedy;
  let facts = selectionFacts(problem, greedy);
  let fromSearch = false;
  if (searched.selection !== null) {
    const found = selectionFacts(problem, searched.selection);
    if (comparePlanQuality(found, facts) < 0) {
      best = searched.selection;
      facts = found;
      fromSearch = true;
    }
  }
  const bounds = [combinatorialLowerBound(problem, facts.full, facts.coveredWeight)];
  if (facts.full && searched.bound !== null) bounds.push(searched.bound);
  return buildPlanResult(problem, best, {
    optimal: false,
    lowerBound: Math.min(facts.cost, Math.max(...bounds)),
    coverageUpperBound: problem.skills.reduce((sum, skill) => sum + skill.weight, 0),
    solver: fromSearch ? 'cover-search-incumbent' : 'greedy',
    solveMillis: now() - started,
  });
}

/**
 * How good `recommendCourses` plans are, over random learner/occupation pairs of the population:
 * the share proven optimal, the remaining gap between plan and proven lower bound, and how much
 * more the greedy baseline costs on exactly the same problems (the planner input the service
 * builds, solved once exactly and once greedily).
 */
import { greedyPlan, planCourses, type PlanResult } from '../../src/domain/planning';
import type { Services } from '../../src/graphql/context';

/** One pair's outcome. */
interface PairOutcome {
  readonly learnerId: string;
  readonly occupationUri: string;
  readonly gapSkills: number;
  readonly courses: number;
  readonly exact: PlanResult;
  readonly greedy: PlanResult;
}

/** Aggregates over the pairs. */
export interface PlanQuality {
  readonly pairs: number;
  /** Pairs with a gap and at least one coverable skill (the others are trivial). */
  readonly planned: number;
  readonly optimal: number;
  readonly optimalShare: number;
  /** Mean of (objectiveValue − lowerBound) / objectiveValue over non-optimal plans (null if none). */
  readonly meanRelativeGapNonOptimal: number | null;
  readonly meanAbsoluteGapNonOptimal: number | null;
  /** Mean of greedy / exact − 1 where both cover the same skills and exact costs > 0. */
  readonly meanGreedyExcess: number | null;
  readonly maxGreedyExcess: number | null;
  /** Share of those pairs where greedy is as cheap as the exact plan. */
  readonly greedyAsGoodShare: number | null;
  readonly comparedWithGreedy: number;
  readonly medianGapSkills: number;
  readonly medianCourses: number;
  readonly meanSolveMillis: number;
  readonly solvers: Readonly<Record<string, number>>;
  /** Each pair's plan, so that two builds can be compared pair by pair. */
  readonly plans: readonly {
    readonly learnerId: string;
    readonly occupationUri: string;
    readonly courses: number;
    readonly covered: number;
    readonly objectiveValue: number;
    readonly lowerBound: number;
    readonly optimal: boolean;
  }[];
}

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
};

/** Plans each pair with the HOURS objective, essential scope, default policy and no constraints. */
export async function measurePlanQuality(
  services: Services,
  pairs: readonly { learnerId: string; occupationUri: string }[],
): Promise<PlanQuality> {
  const outcomes: PairOutcome[] = [];
  for (const pair of pairs) {
    const policy = services.coverage.policy(null);
    const [evidence, target] = await Promise.all([
      services.coverage.subjectEvidence({ kind: 'LEARNER', learnerId: pair.learnerId }, policy),
      services.coverage.targetRequirements({ kind: 'OCCUPATION', occupationUri: pair.occupationUri }),
    ]);
    const input = await services.planning.recommendInput(
      evidence,
      target.requirements,
      services.planning.request({ objective: 'HOURS', scope: 'ESSENTIAL' }),
      policy,
    );
    const exact = await planCourses(input);
    const greedy = greedyPlan(input);
    outcomes.push({ ...pair, gapSkills: input.gap.length, courses: input.courses.length, exact, greedy });
  }
  const planned = outcomes.filter((o) => o.exact.coveredSkills.length > 0);
  const nonOptimal = planned.filter((o) => !o.exact.optimal);
  const comparable = planned.filter(
    (o) =>
      o.exact.optimal && o.exact.objectiveValue > 0 && o.greedy.coveredSkills.length === o.exact.coveredSkills.length,
  );
  const excess = comparable.map((o) => o.greedy.objectiveValue / o.exact.objectiveValue - 1);
  const solvers: Record<string, number> = {};
  for (const o of planned) solvers[o.exact.solver] = (solvers[o.exact.solver] ?? 0) + 1;
  return {
    pairs: outcomes.length,
    planned: planned.length,
    optimal: planned.filter((o) => o.exact.optimal).length,
    optimalShare: planned.length ? planned.filter((o) => o.exact.optimal).length / planned.length : 0,
    meanRelativeGapNonOptimal: mean(
      nonOptimal.map((o) =>
        o.exact.objectiveValue > 0 ? (o.exact.objectiveValue - o.exact.lowerBound) / o.exact.objectiveValue : 0,
      ),
    ),
    meanAbsoluteGapNonOptimal: mean(nonOptimal.map((o) => o.exact.objectiveValue - o.exact.lowerBound)),
    meanGreedyExcess: mean(excess),
    maxGreedyExcess: excess.length ? Math.max(...excess) : null,
    greedyAsGoodShare: excess.length ? excess.filter((e) => e <= 1e-9).length / excess.length : null,
    comparedWithGreedy: excess.length,
    medianGapSkills: median(outcomes.map((o) => o.gapSkills)),
    medianCourses: median(outcomes.map((o) => o.courses)),
    meanSolveMillis: mean(planned.map((o) => o.exact.solveMillis)) ?? 0,
    solvers,
    plans: outcomes.map((o) => ({
      learnerId: o.learnerId,
      occupationUri: o.occupationUri,
      courses: o.courses,
      covered: o.exact.coveredSkills.length,
      objectiveValue: o.exact.objectiveValue,
      lowerBound: o.exact.lowerBound,
      optimal: o.exact.optimal,
    })),
  };
}

/**
 * Shapes shared by the course planner: what a caller hands in (the skill gap, the candidate
 * courses, the objective and budgets) and what it gets back (an ordered plan with proof status).
 * Everything here is plain data so results can be cached, logged and compared in tests.
 */

/** What a plan minimises. `COUNT` minimises the number of courses. */
export const PLAN_OBJECTIVES = ['HOURS', 'PRICE', 'ECTS', 'COUNT'] as const;

/** What a plan minimises; see {@link courseCost} for the fallbacks each objective uses. */
export type PlanObjective = (typeof PLAN_OBJECTIVES)[number];

/** One required skill of the target whose current credit is below threshold. */
export interface GapSkill {
  readonly skillUri: string;
  /** Importance: 1 for essential skills, the policy's λ for optional ones. Finite and ≥ 0. */
  readonly weight: number;
}

/** A candidate course the subject is eligible for. */
export interface PlanCourse {
  readonly id: string;
  readonly hours: number | null;
  readonly price: number | null;
  readonly ects: number | null;
  /** Gap skill URIs this course would raise to the threshold. URIs outside the gap are ignored. */
  readonly covers: readonly string[];
  /** Every skill URI the course teaches; only used to satisfy other courses' prerequisites. */
  readonly teaches: readonly string[];
  /** Prerequisite skill URIs the subject does NOT already hold (the caller drops held ones). */
  readonly prerequisites: readonly string[];
}

/**
 * Upper limits on the whole plan. They apply whatever the objective: hours use the ECTS
 * fallback of {@link effectiveHours}; a price budget makes unpriced courses ineligible.
 */
export interface PlanBudgets {
  readonly maxTotalHours?: number | null;
  readonly maxTotalPrice?: number | null;
  readonly maxCourses?: number | null;
}

/** Everything {@link planCourses} and {@link greedyPlan} need. */
export interface PlanInput {
  readonly gap: readonly GapSkill[];
  readonly courses: readonly PlanCourse[];
  readonly objective: PlanObjective;
  readonly budgets?: PlanBudgets | null;
  /** Wall-clock budget for the exact solver, in milliseconds (default `DEFAULT_PLAN_TIME_LIMIT_MS`, at most `MAX_PLAN_TIME_LIMIT_MS`). */
  readonly timeLimitMs?: number | null;
  /**
   * Prerequisite skills whose teachers were never looked for (the plan's time ran out while its
   * courses were gathered). A course that needs one is not known to be unattainable, only
   * unexplored: it is left out of the plan as `prerequisites-not-followed` when no course given
   * teaches that prerequisite, gap skills only such courses cover are not reported uncoverable,
   * and the plan is not proven optimal (a teacher nobody looked at may be cheaper).
   */
  readonly unfollowedPrerequisites?: readonly string[] | null;
}

/**
 * Why a course can take no part in a plan:
 * - `price-unknown`: no price, but the objective is PRICE or a price budget is set;
 * - `duration-unknown`: neither hours nor ECTS, but the objective is HOURS/ECTS or an hours
 *   budget is set;
 * - `prerequisites-unattainable`: some prerequisite is taught by no course that could itself
 *   be taken first (including prerequisite cycles with no way in);
 * - `prerequisites-not-followed`: it could be taken only after courses teaching a prerequisite
 *   nobody looked for (`unfollowedPrerequisites`: the plan's time ran out while gathering);
 * - `no-exchange-rate`: priced in a currency the rate table lacks, so its price cannot be
 *   expressed in the plan's currency (set by the caller, which converts prices; to the planner
 *   such a course is simply unpriced).
 */
export type ExclusionReason =
  | 'price-unknown'
  | 'duration-unknown'
  | 'prerequisites-unattainable'
  | 'prerequisites-not-followed'
  | 'no-exchange-rate';

export interface ExcludedCourse {
  readonly courseId: string;
  readonly reason: ExclusionReason;
}

/** One course of the plan, in an order that respects prerequisites. */
export interface PlanStep {
  /** 1-based position in the plan. */
  readonly order: number;
  readonly courseId: string;
  /** Gap skills first covered by this step (in gap order). */
  readonly newlyCovered: readonly string[];
}

/**
 * How the plan was obtained:
 * - `highs-ilp`: HiGHS proved the plan optimal;
 * - `cover-search`: the exact set-cover search proved the plan optimal (its minimum-cost cover was
 *   within the budgets and orderable);
 * - `greedy+lp-bound`: the exact solve did not finish (time limit, failure); the plan is the
 *   greedy one and `lowerBound` comes from the LP relaxation;
 * - `highs-incumbent+lp-bound`: as above, but the best plan HiGHS found before stopping beat
 *   the greedy one;
 * - `cover-search-incumbent`: not proven optimal, and the best plan came from the set-cover search
 *   (its time share ran out first); `lowerBound` as above;
 * - `greedy`: greedy plan with only a solver-free bound: the combinatorial one, or the set-cover
 *   search's minimum cover (no LP could be solved, no solver on the thread, or {@link greedyPlan}
 *   was called directly);
 * - `trivial`: nothing to cover.
 */
export type PlanSolverLabel =
  | 'highs-ilp'
  | 'cover-search'
  | 'greedy+lp-bound'
  | 'highs-incumbent+lp-bound'
  | 'cover-search-incumbent'
  | 'greedy'
  | 'trivial';

/**
 * A course plan and the evidence about its quality.
 *
 * The optimal plan is defined as: if all coverable gap skills can be covered within the
 * budgets, a minimum-cost such cover; otherwise a plan of maximum weighted coverage within the
 * budgets and, among those, minimum cost (weights within 1e-6 count as ties).
 */
export interface PlanResult {
  readonly steps: readonly PlanStep[];
  /** Sum of {@link effectiveHours}; null when some chosen course has neither hours nor ECTS. */
  readonly totalHours: number | null;
  /** Sum of prices; null when some chosen course has no price. */
  readonly totalPrice: number | null;
  /** Sum of {@link effectiveEcts}; null when some chosen course has neither ECTS nor hours. */
  readonly totalEcts: number | null;
  readonly objective: PlanObjective;
  /** Total {@link courseCost} of the chosen courses under the objective. */
  readonly objectiveValue: number;
  /** Gap skills the plan covers, in gap order. */
  readonly coveredSkills: readonly string[];
  /** Σ weight of `coveredSkills`. */
  readonly coveredWeight: number;
  /**
   * Proven upper bound on the weighted coverage any valid plan can reach within the budgets;
   * equals `coveredWeight` when the plan is optimal or covers every coverable skill.
   */
  readonly coverageUpperBound: number;
  /** Gap skills no eligible course covers (removed from the problem). */
  readonly uncoverable: readonly string[];
  /**
   * Coverable gap skills this plan leaves uncovered (budgets too tight, or greedy fallback), and
   * those only courses left out as `prerequisites-not-followed` cover.
   */
  readonly uncoveredWithinBudget: readonly string[];
  /**
   * True only when HiGHS or the set-cover search proved the plan optimal (in the sense above),
   * never when some course needs an unfollowed prerequisite (`PlanInput.unfollowedPrerequisites`).
   */
  readonly optimal: boolean;
  /**
   * Proven lower bound on the `objectiveValue` of an optimal plan (modulo solver tolerances,
   * ~1e-6). Never exceeds this plan's `objectiveValue`. In the over-budget case it bounds the
   * cost of the optimal maximum-coverage plan. 0 when some course needs an unfollowed
   * prerequisite (nothing is proven about courses nobody looked at).
   */
  readonly lowerBound: number;
  readonly solver: PlanSolverLabel;
  /** Wall-clock time spent planning, in milliseconds. */
  readonly solveMillis: number;
  /** Ineligible courses and why, in input order. */
  readonly excluded: readonly ExcludedCourse[];
}

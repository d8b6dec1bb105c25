import { sharedGreedySelection } from './shared-greedy-selection';
import { keepInstanceShape } from '../kept-instance-shape';
import { defaultPlanSolver } from './highs-plan-solver';
import type { LinearModel, LinearRow } from './linear-model';
import { coverModel, maxCoverageModel, minCostAtCoverageModel, pointForSelection } from './plan-models';
import { combinatorialLowerBound } from './combinatorial-lower-bound';
import { orderSelection } from './order-selection';
import { orderingCuts } from './ordering-cut';
import { buildPlanResult, trivialPlanResult } from './plan-result';
import { COVERAGE_TOLERANCE, comparePlanQuality, selectionFacts, type SelectionFacts } from './selection-facts';
import type { PlanSolver, SolveOptions, SolveOutcome } from './plan-solver';
import type { PlanInput, PlanResult, PlanSolverLabel } from './plan-types';
import { EMPTY_PLANNING_PROBLEM, preparePlanningProblem, type PlanningProblem } from './planning-problem';
import { searchPlanCover } from './search-plan-cover';
import { validatePlanInput } from './validate-plan-input';

/** Collaborators of {@link planCourses}; both default to production ones. */
export interface PlanCoursesOptions {
  /** Exact solver; defaults to the shared HiGHS runtime (loaded on first use). */
  readonly solver?: PlanSolver;
  /** Millisecond clock, for the time limit and `solveMillis`. */
  readonly now?: () => number;
  /**
   * A moment (on the `now` clock) nothing may pass, the fallback's LP allowance included: the
   * caller's own deadline when the plan is one part of a bounded request. Without it the LP
   * bounds may overrun the time limit by their allowance.
   */
  readonly hardDeadline?: number;
  /**
   * False: solve only LP relaxations, no branch-and-bound. A phase whose relaxation is integral
   * is still proven optimal; any other ends as at a time limit, with the relaxation's bound. A
   * planning job's cheap first pass over many targets uses it. Default true.
   */
  readonly branchAndBound?: boolean;
  /**
   * False: skip the exact set-cover search ({@link searchPlanCover}) that runs before the
   * solver, so every answer comes from the solver or its fallback (tests of that path use it).
   * Default true.
   */
  readonly coverSearch?: boolean;
  /**
   * False: when the set-cover search does not prove a plan, stop there (the solver only bounds
   * the answer, an LP relaxation or two) instead of handing the rest of the time to the solver's
   * phases; the search then has all the time. A planning job's first pass over one target uses
   * it: a plan it does not prove is solved again, with every phase, in the second pass, so the
   * first pass's solver phases were spent twice (measured: a 2,112-course plan proven by the
   * search in about 110 ms took 260-360 ms, its first pass giving the search half of its 195 ms
   * and the solver the other half). Default true.
   */
  readonly solverPhases?: boolean;
}

/** Share of the time left that the set-cover search may take before the solver gets the rest. */
const COVER_SEARCH_SHARE = 0.5;

/** How many times one phase may re-solve after cutting off plans with no valid order. */
const MAX_CUT_ROUNDS = 25;

/** Safety margin taken off solver-reported bounds, which hold only up to solver tolerances. */
const BOUND_MARGIN = 1e-7;

/**
 * The cheapest ordered course plan closing a skill gap (see {@link PlanResult} for the exact
 * definition of "optimal" and what every field means).
 *
 * Steps: validate ({@link BadInputError} on bad input), drop ineligible, unattainable and
 * dominated courses, then:
 * 0. an exact set-cover search ({@link searchPlanCover}) for the minimum-cost cover, with budgets
 *    and prerequisites left out: when its optimum is within the budgets and can be ordered, it is
 *    the optimum of the whole problem too (`solver: 'cover-search'`); otherwise it gives the
 *    solver a better start, and the search may take half the time limit;
 * then solve binary programs with the solver:
 * 1. minimum-cost cover of all coverable skills within the budgets;
 * 2. only if budgets make that infeasible: maximum weighted coverage, then minimum cost at
 *    that coverage (two exact phases rather than one big-M objective, so no scaling issues).
 * A solution whose courses cannot be ordered (prerequisite cycle) is cut off and the phase
 * re-solved. If the time limit or the solver stops this, the answer is the better of the
 * greedy plan and any valid plan the solver found, with `optimal: false` and a lower bound
 * from the LP relaxation. The LP bounds may overrun the time limit by one shared allowance of
 * min(500, max(100, timeLimitMs / 4)) ms, never past `options.hardDeadline`. HiGHS runs synchronously: a solve blocks the event
 * loop for up to the time limit, so request paths should keep the limit low or run the
 * planner in a worker.
 *
 * @example
 * const plan = await planCourses({
 *   gap: [{ skillUri: 'esco:s1', weight: 1 }, { skillUri: 'esco:s2', weight: 0.5 }],
 *   courses: [
 *     { id: 'a', hours: 10, price: 100, ects: null, covers: ['esco:s1'], teaches: ['esco:s1'], prerequisites: [] },
 *     { id: 'b', hours: 5, price: 50, ects: null, covers: ['esco:s2'], teaches: ['esco:s2'], prerequisites: ['esco:s1'] },
 *   ],
 *   objective: 'HOURS',
 * });
 * // plan.steps → [{ order: 1, courseId: 'a', … }, { order: 2, courseId: 'b', … }], objectiveValue 15
 */
export async function planCourses(input: PlanInput, options: PlanCoursesOptions = {}): Promise<PlanResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  return planProblem(preparePlanningProblem(validatePlanInput(input)), options, started);
}

/**
 * {@link planCourses} on a problem prepared earlier (`preparePlanningProblem`), so a caller solving
 * the same problem twice (a short first pass, then a longer one) pays for eligibility and
 * dominance pruning once. `started` (on the `now` clock) is when the time limit began.
 */
export async function planPreparedProblem(
  problem: PlanningProblem,
  options: PlanCoursesOptions = {},
  started?: number,
): Promise<PlanResult> {
  return planProblem(problem, options, started ?? (options.now ?? (() => performance.now()))());
}

async function planProblem(
  problem: PlanningProblem,
  options: PlanCoursesOptions,
  started: number,
): Promise<PlanResult> {
  const now = options.now ?? (() => performance.now());
  if (problem.skills.length === 0) return trivialPlanResult(problem, now() - started);

  let solver = options.solver;
  if (solver === undefined) {
    try {
      solver = await defaultPlanSolver();
    } catch {
      solver = undefined; // an unloadable runtime degrades to greedy rather than failing the request
    }
  }
  const hard = options.hardDeadline ?? Number.POSITIVE_INFINITY;
  const run = new PlanRun(problem, solver, now, Math.min(started + problem.timeLimitMs, hard), hard, {
    branchAndBound: options.branchAndBound ?? true,
    coverSearch: options.coverSearch ?? true,
    solverPhases: options.solverPhases ?? true,
  });
  return run.plan(started);
}

/** A valid plan found on the way, and by whom: the solver or the set-cover search. */
interface Incumbent {
  readonly selection: readonly number[];
  readonly source: 'solver' | 'search';
}

interface PhaseOutcome {
  readonly status: SolveOutcome['status'];
  /** An orderable selection within budgets: the optimum, or the incumbent at a limit. */
  readonly selection: readonly number[] | null;
  /** The solver's dual bound for this phase's model, when it reported one. */
  readonly bound: number | null;
}

/** Which phases a {@link PlanRun} may use (see {@link PlanCoursesOptions}; all on by default). */
type RunPhases = Required<Pick<PlanCoursesOptions, 'branchAndBound' | 'coverSearch' | 'solverPhases'>>;

class PlanRun {
  private readonly cuts: LinearRow[] = [];
  private lpDeadline = 0;

  constructor(
    private readonly problem: PlanningProblem,
    private readonly solver: PlanSolver | undefined,
    private readonly now: () => number,
    private readonly deadline: number,
    private readonly hardDeadline: number,
    private readonly phases: RunPhases,
  ) {}

  private greedyCover: readonly number[] | undefined;

  /**
   * The greedy cover, computed once: the search starts from it, the cover phase may, and the
   * fallback compares with it (over thousands of candidates with prerequisites it takes a while).
   */
  private greedy(): readonly number[] {
    this.greedyCover ??= sharedGreedySelection(this.problem);
    return this.greedyCover;
  }

  /** LP relaxations solved so far, by model and number of cuts (the fallback's bounds reuse the phases'). */
  private readonly relaxations = new Map<string, SolveOutcome>();

  /** The relaxation of the model `key` names (with the current cuts), solved once. */
  private async relaxed(key: string, model: LinearModel, timeLimitMs: number): Promise<SolveOutcome> {
    const cacheKey = `${key}|${this.cuts.length}`;
    const known = this.relaxations.get(cacheKey);
    if (known) return known;
    const outcome = await safeSolve(this.solver!, model, { timeLimitMs, relax: true });
    if (outcome.status === 'optimal' || outcome.status === 'infeasible') this.relaxations.set(cacheKey, outcome);
    return outcome;
  }

  async plan(started: number): Promise<PlanResult> {
    const { problem } = this;
    const hasBudgets = Object.values(problem.budgets).some((limit) => limit !== undefined);
    const incumbents: Incumbent[] = [];
    const collect = (outcome: PhaseOutcome, source: Incumbent['source'] = 'solver'): PhaseOutcome => {
      if (outcome.selection !== null) incumbents.push({ selection: outcome.selection, source });
      return outcome;
    };

    const searched = this.phases.coverSearch ? collect(this.searchCover(), 'search') : null;
    if (searched?.status === 'optimal') return this.optimal(searched, started, undefined, 'cover-search');
    if (searched !== null && !this.phases.solverPhases)
      return this.fallback(started, incumbents, {
        coverBound: searched.bound,
        coverageOptimum: undefined,
        coverageBound: null,
        atCoverageBound: null,
      });
    const cover = collect(
      await this.phase(
        'cover',
        () => coverModel(problem, this.cuts),
        (facts) => facts.full,
        // The best cover known as the branch-and-bound's first incumbent prunes from the start (a
        // fifth less solver time on hard catalogues); an over-budget one is rejected, harmlessly.
        () => searched?.selection ?? this.greedy(),
      ),
    );
    if (cover.status === 'optimal') return this.optimal(cover, started, undefined);

    let coverageOptimum: number | undefined;
    let atCoverage: PhaseOutcome | undefined;
    let maxCoverage: PhaseOutcome | undefined;
    if (cover.status === 'infeasible' && hasBudgets) {
      maxCoverage = collect(
        await this.phase(
          'max-coverage',
          () => maxCoverageModel(problem, this.cuts),
          () => true,
        ),
      );
      if (maxCoverage.status === 'optimal') {
        const coverageSelection = maxCoverage.selection!;
        coverageOptimum = selectionFacts(problem, coverageSelection).coveredWeight;
        const target = coverageOptimum - COVERAGE_TOLERANCE;
        atCoverage = collect(
          await this.phase(
            `at-coverage ${target}`,
            () => minCostAtCoverageModel(problem, this.cuts, target),
            (facts) => facts.coveredWeight >= target,
            () => coverageSelection,
          ),
        );
        if (atCoverage.status === 'optimal') return this.optimal(atCoverage, started, coverageOptimum);
      }
    }

    return this.fallback(started, incumbents, {
      // A minimum cover without budgets or prerequisites bounds every full plan.
      coverBound: maxPresent(cover.bound, searched?.bound ?? null),
      coverageOptimum,
      coverageBound: maxCoverage?.bound ?? null,
      atCoverageBound: atCoverage?.bound ?? null,
    });
  }

  /**
   * {@link searchPlanCover} with the greedy cover as the first incumbent, for half the time left
   * (all of it without the solver's phases):
   * `optimal` when the search proves a plan, else `limit` with the best valid full plan known
   * (the greedy one at worst) and, when the search finished, the minimum cover's cost as a bound.
   */
  private searchCover(): PhaseOutcome {
    const { problem } = this;
    const remaining = this.deadline - this.now();
    if (remaining <= 0) return { status: 'limit', selection: null, bound: null };
    const greedy = this.greedy();
    const share = this.phases.solverPhases ? COVER_SEARCH_SHARE : 1;
    const searched = searchPlanCover(problem, greedy, this.now, this.now() + remaining * share);
    if (searched.optimal) return { status: 'optimal', selection: searched.selection, bound: searched.bound };
    const fallback = selectionFacts(problem, greedy).full ? greedy : null;
    return { status: 'limit', selection: searched.selection ?? fallback, bound: searched.bound };
  }

  /**
   * `coverageOptimum`: the proven maximum coverage, in the over-budget case; `solver`: what proved
   * it.
   */
  private optimal(
    outcome: PhaseOutcome,
    started: number,
    coverageOptimum: number | undefined,
    solver: PlanSolverLabel = 'highs-ilp',
  ): PlanResult {
    const selection = outcome.selection!;
    const facts = selectionFacts(this.problem, selection);
    return buildPlanResult(this.problem, selection, {
      optimal: true,
      lowerBound: outcome.bound === null ? facts.cost : Math.min(facts.cost, outcome.bound),
      coverageUpperBound: coverageOptimum ?? facts.coveredWeight,
      solver,
      solveMillis: this.now() - started,
    });
  }

  /**
   * Solves one phase to a valid optimum, cutting off unorderable solutions. `accept` checks
   * the phase's own requirement on a rounded solution (budgets are always checked); a
   * solution failing it means the solver misbehaved, reported as an error.
   */
  private async phase(
    key: string,
    build: () => LinearModel,
    accept: (facts: SelectionFacts) => boolean,
    startFrom?: () => readonly number[],
  ): Promise<PhaseOutcome> {
    const n = this.problem.courses.length;
    let start: readonly number[] | undefined;
    const startOnce = (): readonly number[] => {
      start ??= startFrom!();
      return start;
    };
    for (let round = 0; round < MAX_CUT_ROUNDS; round += 1) {
      const remaining = this.deadline - this.now();
      if (remaining <= 0 || this.solver === undefined) return { status: 'limit', selection: null, bound: null };
      const model = build();
      const valid = (candidate: readonly number[]): boolean => {
        const facts = selectionFacts(this.problem, candidate);
        return facts.withinBudgets && accept(facts);
      };
      // The relaxation first: when it comes out integral it is a proven optimum of the phase at a
      // tenth of a branch-and-bound's cost (HiGHS spends about 4 ms setting up even a tiny MIP, and
      // the covers of small gaps mostly have integral relaxations); an infeasible one proves the
      // phase infeasible.
      const relaxed = await this.relaxed(key, model, remaining);
      if (relaxed.status === 'infeasible') return { status: 'infeasible', selection: null, bound: null };
      if (relaxed.status === 'optimal' && integralCourses(relaxed.columnValues, n)) {
        const selection = roundSelection(relaxed.columnValues, n);
        if (valid(selection)) {
          const order = orderSelection(this.problem, selection);
          if (order.ok) return { status: 'optimal', selection, bound: relaxed.objectiveValue };
          this.cuts.push(...orderingCuts(this.problem, selection, order.stuck));
          continue;
        }
      }
      // The branch-and-bound gets what the relaxation left, not the phase's time before it: on a
      // busy worker a relaxation of thousands of courses can take most of that.
      const left = this.deadline - this.now();
      if (!this.phases.branchAndBound || left <= 0)
        return {
          status: 'limit',
          selection: null,
          bound: relaxed.status === 'optimal' ? relaxed.objectiveValue : null,
        };
      const outcome = await safeSolve(this.solver, model, {
        timeLimitMs: left,
        relax: false,
        // Orderable selections satisfy every cut, so a start stays feasible across rounds.
        ...(startFrom === undefined ? {} : { start: pointForSelection(this.problem, model, startOnce()) }),
      });
      if (outcome.status === 'infeasible' || outcome.status === 'error') {
        return { status: outcome.status, selection: null, bound: null };
      }
      const selection = outcome.columnValues === null ? null : roundSelection(outcome.columnValues, n);
      if (outcome.status === 'limit') {
        const usable = selection !== null && valid(selection) && orderSelection(this.problem, selection).ok;
        return { status: 'limit', selection: usable ? selection : null, bound: outcome.bound };
      }
      if (selection === null || !valid(selection)) {
        return { status: 'error', selection: null, bound: null };
      }
      const order = orderSelection(this.problem, selection);
      if (order.ok) return { status: 'optimal', selection, bound: outcome.bound };
      this.cuts.push(...orderingCuts(this.problem, selection, order.stuck));
    }
    return { status: 'limit', selection: null, bound: null };
  }

  /**
   * Best available plan plus proven bounds, when no phase finished. Bounds used:
   * - if the best plan is a full cover, a full cover is feasible, so the optimum is the
   *   min-cost cover: its LP relaxation and the cover phase's dual bound both bound it;
   * - otherwise the optimum covers at least as much weight as the best plan (W), so the LP
   *   "min cost s.t. coverage ≥ W" bounds it, as does the second phase's dual bound when the
   *   maximum coverage was proven;
   * - always the solver-free {@link combinatorialLowerBound}.
   */
  private async fallback(
    started: number,
    incumbents: readonly Incumbent[],
    known: {
      coverBound: number | null;
      coverageOptimum: number | undefined;
      coverageBound: number | null;
      atCoverageBound: number | null;
    },
  ): Promise<PlanResult> {
    const { problem } = this;
    const greedy = this.greedy();
    // Past the deadline the LP bounds still get one short shared allowance: an LP is cheap,
    // and a fallback answer without a bound would be much less useful.
    this.lpDeadline = Math.min(
      this.hardDeadline,
      Math.max(this.deadline, this.now() + lpAllowanceMs(problem.timeLimitMs)),
    );
    let best: readonly number[] = greedy;
    let bestFacts = selectionFacts(problem, greedy);
    let source: Incumbent['source'] | null = null;
    for (const candidate of incumbents) {
      const facts = selectionFacts(problem, candidate.selection);
      if (comparePlanQuality(facts, bestFacts) < 0) {
        best = candidate.selection;
        bestFacts = facts;
        source = candidate.source;
      }
    }

    const bounds = [combinatorialLowerBound(problem, bestFacts.full, bestFacts.coveredWeight)];
    let lpBound = false;
    const lp = async (key: string, model: LinearModel): Promise<number | null> => {
      const value = await this.relaxation(key, model);
      if (value !== null) lpBound = true;
      return value;
    };
    if (bestFacts.full) {
      bounds.push(...present(await lp('cover', coverModel(problem, this.cuts)), dualBound(known.coverBound)));
    } else {
      const target = bestFacts.coveredWeight - COVERAGE_TOLERANCE;
      if (target > 0)
        bounds.push(...present(await lp(`at-coverage ${target}`, minCostAtCoverageModel(problem, this.cuts, target))));
      bounds.push(...present(dualBound(known.atCoverageBound)));
    }

    const totalWeight = problem.skills.reduce((sum, skill) => sum + skill.weight, 0);
    const coverageBounds = [totalWeight];
    if (!bestFacts.full) {
      if (known.coverageOptimum !== undefined) coverageBounds.push(known.coverageOptimum);
      if (known.coverageBound !== null) coverageBounds.push(known.coverageBound + BOUND_MARGIN);
      const lpCoverage = await this.relaxation('max-coverage', maxCoverageModel(problem, this.cuts));
      if (lpCoverage !== null) {
        lpBound = true;
        coverageBounds.push(lpCoverage + BOUND_MARGIN * Math.max(1, lpCoverage));
      }
    }

    // With integral costs every plan costs an integer, so the bound can be rounded up.
    const integral = problem.courses.every((course) => Number.isInteger(course.cost));
    const lowerBound = integral ? Math.ceil(Math.max(...bounds) - 1e-6) : Math.max(...bounds);
    const solver: PlanSolverLabel =
      source === 'solver'
        ? 'highs-incumbent+lp-bound'
        : source === 'search'
          ? 'cover-search-incumbent'
          : lpBound
            ? 'greedy+lp-bound'
            : 'greedy';
    return buildPlanResult(problem, best, {
      optimal: false,
      lowerBound,
      coverageUpperBound: Math.min(...coverageBounds),
      solver,
      solveMillis: this.now() - started,
    });
  }

  /** Optimal value of the LP relaxation (minus a tolerance margin for minimisation), or null. */
  private async relaxation(key: string, model: LinearModel): Promise<number | null> {
    const timeLimitMs = this.lpDeadline - this.now();
    if (this.solver === undefined || timeLimitMs <= 0) return null;
    const outcome = await this.relaxed(key, model, timeLimitMs);
    if (outcome.status !== 'optimal' || !Number.isFinite(outcome.objectiveValue)) return null;
    return model.sense === 'minimize' ? withMargin(outcome.objectiveValue) : outcome.objectiveValue;
  }
}

// One instance for the life of the thread: see keepInstanceShape (each job recompiled its methods).
keepInstanceShape(
  new PlanRun(EMPTY_PLANNING_PROBLEM, undefined, () => 0, 0, 0, {
    branchAndBound: false,
    coverSearch: false,
    solverPhases: false,
  }),
);

/** Extra time the fallback's LP bounds may take after the deadline. */
function lpAllowanceMs(timeLimitMs: number): number {
  return Math.min(500, Math.max(100, timeLimitMs / 4));
}

async function safeSolve(solver: PlanSolver, model: LinearModel, options: SolveOptions): Promise<SolveOutcome> {
  try {
    return await solver.solve(model, options);
  } catch (error) {
    return { status: 'error', message: String(error) };
  }
}

/** Chosen courses from solver values: binaries come back within tolerance of 0 or 1. */
function roundSelection(values: readonly number[], courseCount: number): number[] {
  const selection: number[] = [];
  for (let index = 0; index < courseCount; index += 1) if ((values[index] ?? 0) > 0.5) selection.push(index);
  return selection;
}

/** Tolerance within which a relaxation's course value counts as 0 or 1. */
const INTEGRALITY_TOLERANCE = 1e-6;

/** True when the first `courseCount` values (the courses' columns) are all 0 or 1. */
function integralCourses(values: readonly number[], courseCount: number): boolean {
  for (let index = 0; index < courseCount; index += 1) {
    const value = values[index] ?? 0;
    if (Math.min(Math.abs(value), Math.abs(value - 1)) > INTEGRALITY_TOLERANCE) return false;
  }
  return true;
}

function withMargin(bound: number): number {
  return bound - BOUND_MARGIN * Math.max(1, Math.abs(bound));
}

/** The usable bounds among `values`. */
function present(...values: (number | null)[]): number[] {
  return values.flatMap((value) => (value === null || !Number.isFinite(value) ? [] : [value]));
}

/** The larger of two optional bounds. */
function maxPresent(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}

/** A solver's dual bound, if it gave one, minus the tolerance margin. */
function dualBound(bound: number | null): number | null {
  return bound === null ? null : withMargin(bound);
}

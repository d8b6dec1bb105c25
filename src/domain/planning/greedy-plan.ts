import type { PlanInput, PlanResult } from './plan-types';
import { keepInstanceShape } from '../kept-instance-shape';
import { EMPTY_PLANNING_PROBLEM, preparePlanningProblem, type PlanningProblem } from './planning-problem';
import { cheapestProviders } from './cheapest-providers';
import { combinatorialLowerBound } from './combinatorial-lower-bound';
import { orderSelection } from './order-selection';
import { buildPlanResult, trivialPlanResult } from './plan-result';
import { selectionFacts } from './selection-facts';
import { validatePlanInput } from './validate-plan-input';

/**
 * Cost-effectiveness greedy on a prepared problem. Returns an orderable selection within the
 * budgets (course indices in plan order).
 *
 * Each round prices, for every course not yet taken, a "bundle": the course plus the cheapest
 * chain of courses teaching its missing prerequisites (cheapest derivations are found with
 * Knuth's generalisation of Dijkstra to AND/OR graphs, so chains are acyclic and orderable).
 * The bundle with the best newly covered weight per unit cost that fits the remaining budget
 * is taken (zero cost counts as infinitely effective; ties: more weight, fewer courses,
 * smaller id). Once no bundle adds weight, zero-weight skills are pursued the same way by
 * skill count, but kept only if that completes a full cover. Finally courses whose removal
 * loses nothing are dropped, most expensive first.
 *
 * Without budgets the result always covers every coverable skill.
 */
export function greedySelection(problem: PlanningProblem): number[] {
  const state = new GreedyState(problem);
  state.run('weight');
  if (!state.full()) {
    const before = state.snapshot();
    state.run('count');
    if (!state.full()) state.restore(before);
  }
  return pruneRedundant(problem, state.chosen);
}

/**
 * The greedy plan alone: same validation, eligibility and result shape as
 * {@link planCourses}, never optimal-claimed, with a solver-free lower bound
 * (`solver: 'greedy'`). Pure and synchronous; useful to measure how far greedy is from the
 * optimum ("greedy excess").
 *
 * @example
 * const greedy = greedyPlan(input);
 * const exact = await planCourses(input);
 * const excess = greedy.objectiveValue / exact.objectiveValue - 1;
 */
export function greedyPlan(input: PlanInput, options: { now?: () => number } = {}): PlanResult {
  const now = options.now ?? (() => performance.now());
  const started = now();
  return greedyPreparedPlan(preparePlanningProblem(validatePlanInput(input)), now, started);
}

/**
 * {@link greedyPlan} on a problem prepared earlier (a planning job's shared catalogue): no solver,
 * so it runs on a thread that never loads one. `started` (on the `now` clock) counts in
 * `solveMillis`.
 */
export function greedyPreparedPlan(
  problem: PlanningProblem,
  now: () => number = () => performance.now(),
  started = now(),
): PlanResult {
  if (problem.skills.length === 0) return trivialPlanResult(problem, now() - started);
  const selection = greedySelection(problem);
  const facts = selectionFacts(problem, selection);
  return buildPlanResult(problem, selection, {
    optimal: false,
    lowerBound: combinatorialLowerBound(problem, facts.full, facts.coveredWeight),
    coverageUpperBound: problem.skills.reduce((sum, skill) => sum + skill.weight, 0),
    solver: 'greedy',
    solveMillis: now() - started,
  });
}

interface Bundle {
  readonly courses: readonly number[];
  readonly gain: number;
  readonly cost: number;
  readonly target: number;
}

class GreedyState {
  chosen: number[] = [];
  private taken = new Set<number>();
  private taught = new Set<string>();
  private covered: boolean[];
  private used = { hours: 0, price: 0, count: 0 };
  /**
   * Scratch marks by skill for counting a bundle's fresh skills once (a mark equal to `mark` is
   * set): a set per candidate per round was much of what a compute worker's young generation
   * collected.
   */
  private readonly marks: Int32Array;
  private mark = 0;

  constructor(private readonly problem: PlanningProblem) {
    this.covered = [];
    for (let skill = 0; skill < problem.skills.length; skill += 1) this.covered.push(false);
    this.marks = new Int32Array(problem.skills.length);
  }

  full(): boolean {
    return this.covered.every(Boolean);
  }

  snapshot(): number[] {
    return [...this.chosen];
  }

  restore(chosen: readonly number[]): void {
    this.chosen = [];
    this.taken.clear();
    this.taught.clear();
    this.covered = this.problem.skills.map(() => false);
    this.used = { hours: 0, price: 0, count: 0 };
    for (const index of chosen) this.take(index);
  }

  /** Takes best bundles while one gains: gain counts each fresh skill by its weight, or as 1. */
  run(value: SkillValue): void {
    for (;;) {
      const bundle = this.bestBundle(value);
      if (bundle === undefined) return;
      for (const index of bundle.courses) this.take(index);
    }
  }

  private take(index: number): void {
    const course = this.problem.courses[index]!;
    this.chosen.push(index);
    this.taken.add(index);
    for (const skill of course.teaches) this.taught.add(skill);
    for (const skill of course.covers) this.covered[skill] = true;
    this.used.hours += course.hours ?? 0;
    this.used.price += course.price ?? 0;
    this.used.count += 1;
  }

  // A loop and methods, not per-call callbacks: a compute worker plans greedily in every job, and
  // V8 drops a closure's optimised code once the closure is collected.
  private bestBundle(value: SkillValue): Bundle | undefined {
    const provider = this.cheapestProviders();
    let best: Bundle | undefined;
    const { courses } = this.problem;
    for (let target = 0; target < courses.length; target += 1) {
      if (this.taken.has(target) || !this.gainsFrom(courses[target]!, value)) continue;
      const bundleCourses = this.bundleFor(target, provider);
      if (bundleCourses === undefined) continue;
      const bundle = this.price(bundleCourses, target, value);
      if (bundle.gain > 0 && this.fits(bundleCourses) && (best === undefined || isBetterBundle(bundle, best)))
        best = bundle;
    }
    return best;
  }

  /** Whether `course` covers some skill not yet covered that is worth something. */
  private gainsFrom(course: PlanningProblem['courses'][number], value: SkillValue): boolean {
    for (const skill of course.covers) if (!this.covered[skill] && this.valueOf(skill, value) > 0) return true;
    return false;
  }

  private valueOf(skill: number, value: SkillValue): number {
    return value === 'weight' ? this.problem.skills[skill]!.weight : 1;
  }

  /** Cheapest derivation of each prerequisite skill not yet taught ({@link cheapestProviders}). */
  private cheapestProviders(): Map<string, number> {
    return cheapestProviders(this.problem.courses, this.problem.teachers, this.taught, this.taken);
  }

  /** The target and its prerequisite providers, providers first; undefined if unreachable. */
  private bundleFor(target: number, provider: ReadonlyMap<string, number>): number[] | undefined {
    // Most courses name no prerequisite: the bundle is the course alone.
    if (this.problem.courses[target]!.prerequisites.length === 0) return [target];
    const bundle: number[] = [];
    const visit = (index: number): boolean => {
      for (const skill of this.problem.courses[index]!.prerequisites) {
        if (this.taught.has(skill)) continue;
        const teacher = provider.get(skill);
        if (teacher === undefined || teacher === target) return false;
        if (!bundle.includes(teacher) && !visit(teacher)) return false;
      }
      if (!bundle.includes(index)) bundle.push(index);
      return true;
    };
    return visit(target) ? bundle : undefined;
  }

  private price(courses: readonly number[], target: number, value: SkillValue): Bundle {
    this.mark += 1;
    const { marks, mark } = this;
    let cost = 0;
    let gain = 0;
    for (const index of courses) {
      const course = this.problem.courses[index]!;
      cost += course.cost;
      for (const skill of course.covers) {
        if (this.covered[skill] || marks[skill] === mark) continue;
        marks[skill] = mark;
        gain += this.valueOf(skill, value);
      }
    }
    return { courses, gain, cost, target };
  }

  private fits(courses: readonly number[]): boolean {
    const { budgets } = this.problem;
    let extraHours = 0;
    let extraPrice = 0;
    for (const index of courses) {
      const course = this.problem.courses[index]!;
      extraHours += course.hours ?? 0;
      extraPrice += course.price ?? 0;
    }
    return (
      withinBudget(this.used.hours + extraHours, budgets.hours) &&
      withinBudget(this.used.price + extraPrice, budgets.price) &&
      withinBudget(this.used.count + courses.length, budgets.count)
    );
  }
}

/** Whether `used` stays within `limit` (none when undefined), up to rounding. */
function withinBudget(used: number, limit: number | undefined): boolean {
  return limit === undefined || used <= limit + 1e-9 * Math.max(1, limit);
}

// One instance for the life of the thread: see keepInstanceShape (each job recompiled its methods).
keepInstanceShape(new GreedyState(EMPTY_PLANNING_PROBLEM));

/** What a fresh skill is worth to {@link GreedyState.run}: its weight, or 1 (a count). */
type SkillValue = 'weight' | 'count';

function gainPerCost(bundle: Bundle): number {
  return bundle.cost === 0 ? Infinity : bundle.gain / bundle.cost;
}

function isBetterBundle(a: Bundle, b: Bundle): boolean {
  const ra = gainPerCost(a);
  const rb = gainPerCost(b);
  if (ra !== rb) return ra > rb;
  if (a.gain !== b.gain) return a.gain > b.gain;
  if (a.courses.length !== b.courses.length) return a.courses.length < b.courses.length;
  return a.target < b.target;
}

/** Drops courses (most expensive first) whose removal keeps coverage, budgets and an order. */
function pruneRedundant(problem: PlanningProblem, chosen: readonly number[]): number[] {
  let current = [...chosen];
  const covered = selectionFacts(problem, current).covered;
  const byCost = [...current].sort((a, b) => problem.courses[b]!.cost - problem.courses[a]!.cost || b - a);
  for (const index of byCost) {
    const without = current.filter((other) => other !== index);
    const facts = selectionFacts(problem, without);
    if (covered.every((was, skill) => !was || facts.covered[skill]) && orderSelection(problem, without).ok) {
      current = without;
    }
  }
  const ordered = orderSelection(problem, current);
  return ordered.ok ? [...ordered.order] : current;
}

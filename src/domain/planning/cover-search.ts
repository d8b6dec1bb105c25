import { keepInstanceShape } from '../kept-instance-shape';

/** What {@link searchMinimumCover} established. */
export type CoverSearchOutcome =
  /** `selection` is a minimum-cost cover of every skill (course indices, ascending). */
  | { readonly status: 'optimal'; readonly selection: readonly number[]; readonly cost: number }
  /** Some skill has no course covering it. */
  | { readonly status: 'infeasible' }
  /** The time ran out: the best cover found (the incumbent given, if none better), or null. */
  | { readonly status: 'limit'; readonly selection: readonly number[] | null; readonly cost: number };

/** Settings of {@link searchMinimumCover}. */
export interface CoverSearchOptions {
  /** A known cover (course indices) to prune against from the start: the greedy one. */
  readonly incumbent?: readonly number[];
  /** Millisecond clock, and the moment on it at which the search stops with `limit`. */
  readonly now: () => number;
  readonly stopAt: number;
}

/** Nodes between two looks at the clock (the first node looks). */
const CLOCK_EVERY = 64;

/** Tolerance of cost comparisons: costs are sums of a few dozen course costs. */
const EPSILON = 1e-9;

/**
 * Exact minimum-cost set cover by depth-first branch and bound, for the cover phase of a plan:
 * HiGHS (WebAssembly) needs 0.2-1.5 s to prove the covers of 200-450 courses over 30-70 skills
 * that this settles in a few milliseconds, because its bound is tailored to covering.
 *
 * - **Branching**: the uncovered skill with the fewest courses left covering it; one branch per
 *   such course, cheapest first, each branch excluding the courses tried before it, so branches
 *   never overlap and together hold every cover.
 * - **Bound** at each node: Lagrangian relaxation of the covering rows. Any non-negative
 *   multipliers give a lower bound on every cover below the node; they start at the root from the
 *   cheapest cost shares (a course's cost spread over the skills it covers: a feasible dual) and
 *   are improved by subgradient steps, many at the root and a few at each node, warm-started from
 *   its parent's.
 * - **Reduced-cost fixing**: a course whose Lagrangian reduced cost alone lifts the node's bound to
 *   the incumbent's cost is in no cheaper cover below the node, and is left out there.
 * - Whole-number costs (every course's) round the bound up.
 *
 * The answer is exact: `optimal` means no cheaper cover exists. Budgets, prerequisites and ordering
 * are not modelled: a caller checks the optimum against them, and when it passes, it is optimal for
 * the constrained problem too, whose covers are a subset of these.
 *
 * @param costs  each course's cost (≥ 0)
 * @param covers each course's covered skills (indices below `skillCount`)
 *
 * @example
 * searchMinimumCover([3, 2, 2], [[0, 1], [0], [1]], 2, { now: () => performance.now(), stopAt: Infinity })
 * // { status: 'optimal', selection: [0], cost: 3 }
 */
export function searchMinimumCover(
  costs: readonly number[],
  covers: readonly (readonly number[])[],
  skillCount: number,
  options: CoverSearchOptions,
): CoverSearchOutcome {
  const search = new CoverSearch(costs, covers, skillCount, options);
  return search.run();
}

class CoverSearch {
  private readonly courseCount: number;
  private readonly words: number;
  /** Course c's covered skills as a bit set: words [c·words, (c+1)·words). */
  private readonly masks: Uint32Array;
  /** Each course's covered skills, and for each skill the courses covering it, cheapest first. */
  private readonly skillsOf: Int32Array[];
  private readonly coveringOf: Int32Array[];
  private readonly integral: boolean;
  /** Courses ruled out at the current node: tried in an earlier branch, or priced out. */
  private readonly excluded: Uint8Array;
  /** Lagrangian multipliers handed from each depth to the next (warm starts). */
  private readonly multipliers: Float64Array[] = [];
  private readonly reducedCost: Float64Array;
  private readonly bestReducedCost: Float64Array;
  private readonly trial: Float64Array;
  private readonly subgradient: Float64Array;
  private readonly chosen: number[] = [];
  private best: number[] | null = null;
  private bestCost = Number.POSITIVE_INFINITY;
  private nodes = 0;
  private stopped = false;

  constructor(
    private readonly costs: readonly number[],
    covers: readonly (readonly number[])[],
    private readonly skillCount: number,
    private readonly options: CoverSearchOptions,
  ) {
    this.courseCount = costs.length;
    this.words = Math.max(1, Math.ceil(skillCount / 32));
    this.masks = new Uint32Array(this.courseCount * this.words);
    const lists: number[][] = Array.from({ length: skillCount }, () => []);
    const skillLists: number[][] = [];
    covers.forEach((skills, course) => {
      const own: number[] = [];
      for (const skill of skills) {
        const word = course * this.words + (skill >>> 5);
        const bit = 1 << (skill & 31);
        if ((this.masks[word]! & bit) !== 0) continue;
        this.masks[word] = this.masks[word]! | bit;
        lists[skill]!.push(course);
        own.push(skill);
      }
      skillLists.push(own);
    });
    this.skillsOf = skillLists.map((list) => Int32Array.from(list));
    this.coveringOf = lists.map((list) =>
      Int32Array.from(list.sort((a, b) => costs[a]! - costs[b]! || covers[b]!.length - covers[a]!.length || a - b)),
    );
    this.integral = costs.every((cost) => Number.isInteger(cost));
    this.excluded = new Uint8Array(this.courseCount);
    this.reducedCost = new Float64Array(this.courseCount);
    this.bestReducedCost = new Float64Array(this.courseCount);
    this.trial = new Float64Array(skillCount);
    this.subgradient = new Float64Array(skillCount);
  }

  run(): CoverSearchOutcome {
    if (this.coveringOf.some((list) => list.length === 0)) return { status: 'infeasible' };
    const { incumbent } = this.options;
    // The subgradient steps aim at the incumbent's cost, so there always is one.
    const start = incumbent !== undefined && this.isCover(incumbent) ? incumbent : this.greedyCover();
    this.best = [...start].sort((a, b) => a - b);
    this.bestCost = this.costOf(start);
    this.sharePrices(this.multipliersAt(0));
    this.visit(new Uint32Array(this.words), 0, 0);
    if (this.stopped) return { status: 'limit', selection: this.best, cost: this.bestCost };
    return { status: 'optimal', selection: this.best!, cost: this.bestCost };
  }

  /** True when a cover costing `cost` (or at least `cost`) could beat the incumbent. */
  private improves(cost: number): boolean {
    const floor = this.integral ? Math.ceil(cost - 1e-6) : cost;
    return floor < this.bestCost - EPSILON;
  }

  private multipliersAt(depth: number): Float64Array {
    while (this.multipliers.length <= depth) this.multipliers.push(new Float64Array(this.skillCount));
    return this.multipliers[depth]!;
  }

  private visit(covered: Uint32Array, cost: number, depth: number): void {
    this.nodes += 1;
    if (this.nodes % CLOCK_EVERY === 1 && this.options.now() >= this.options.stopAt) this.stopped = true;
    if (this.stopped) return;
    if (this.isCovering(covered)) {
      this.record(cost);
      return;
    }

    const priced: number[] = [];
    const branchSkill = this.boundAndBranch(covered, cost, depth, priced);
    if (branchSkill >= 0) {
      const tried: number[] = [];
      const next = new Uint32Array(this.words);
      const inherited = this.multipliersAt(depth + 1);
      for (const course of this.coveringOf[branchSkill]!) {
        if (this.excluded[course] === 1) continue;
        if (!this.improves(cost + this.costs[course]!)) break; // cheapest first: the rest cost more
        const base = course * this.words;
        for (let w = 0; w < this.words; w += 1) next[w] = covered[w]! | this.masks[base + w]!;
        inherited.set(this.multipliers[depth]!);
        this.chosen.push(course);
        this.visit(next, cost + this.costs[course]!, depth + 1);
        this.chosen.pop();
        if (this.stopped) break;
        this.excluded[course] = 1;
        tried.push(course);
      }
      for (const course of tried) this.excluded[course] = 0;
    }
    for (const course of priced) this.excluded[course] = 0;
  }

  /**
   * Bounds the node by Lagrangian relaxation (warm-started from the parent's multipliers, kept
   * for the children), excludes into `priced` the courses whose reduced cost shows they cannot
   * be in a cheaper cover below it, and returns the uncovered skill with the fewest courses left,
   * or -1 when the node cannot beat the incumbent.
   */
  private boundAndBranch(covered: Uint32Array, cost: number, depth: number, priced: number[]): number {
    const u = this.multipliers[depth]!;
    const { costs, reducedCost, bestReducedCost, trial, subgradient } = this;
    const uncovered: number[] = [];
    for (let skill = 0; skill < this.skillCount; skill += 1) {
      if ((covered[skill >>> 5]! & (1 << (skill & 31))) === 0) uncovered.push(skill);
      else u[skill] = 0;
    }
    const target = this.bestCost - cost;
    const iterations = depth === 0 ? ROOT_ITERATIONS : NODE_ITERATIONS;
    let bestL = Number.NEGATIVE_INFINITY;
    let step = 2;
    let stale = 0;
    for (let iteration = 0; iteration < iterations; iteration += 1) {
      let lagrangian = 0;
      for (const skill of uncovered) {
        lagrangian += u[skill]!;
        subgradient[skill] = 1;
      }
      for (let course = 0; course < this.courseCount; course += 1) {
        if (this.excluded[course] === 1) continue;
        let rc = costs[course]!;
        for (const skill of this.skillsOf[course]!) rc -= u[skill]!;
        reducedCost[course] = rc;
        if (rc < 0) {
          lagrangian += rc;
          for (const skill of this.skillsOf[course]!) subgradient[skill] = subgradient[skill]! - 1;
        }
      }
      if (lagrangian > bestL + EPSILON) {
        bestL = lagrangian;
        trial.set(u);
        bestReducedCost.set(reducedCost);
        stale = 0;
        // The multipliers' sum carries rounding error: taken a hair lower so it stays a bound.
        if (!this.improves(cost + lagrangian - LAGRANGE_MARGIN)) return -1;
      } else if (++stale >= 4) {
        step /= 2;
        stale = 0;
      }
      let norm = 0;
      for (const skill of uncovered) {
        const g = subgradient[skill]!;
        if (g < 0 && u[skill]! <= 0) subgradient[skill] = 0;
        else norm += g * g;
      }
      if (norm === 0) break; // the relaxed choice covers every skill exactly once: nothing to gain
      const move = (step * Math.max(target * 1.05 - lagrangian, 1e-3)) / norm;
      for (const skill of uncovered) u[skill] = Math.max(0, u[skill]! + move * subgradient[skill]!);
    }
    u.set(trial);

    // Reduced-cost fixing: a course whose reduced cost alone lifts the bound past the incumbent
    // is in no cheaper cover below this node.
    for (let course = 0; course < this.courseCount; course += 1) {
      if (this.excluded[course] === 1) continue;
      const rc = bestReducedCost[course]!;
      if (rc > 0 && !this.improves(cost + bestL + rc - LAGRANGE_MARGIN)) {
        this.excluded[course] = 1;
        priced.push(course);
      }
    }
    let branchSkill = -1;
    let fewest = Number.POSITIVE_INFINITY;
    for (const skill of uncovered) {
      let options = 0;
      for (const course of this.coveringOf[skill]!) if (this.excluded[course] === 0) options += 1;
      if (options === 0) return -1;
      if (options < fewest) {
        fewest = options;
        branchSkill = skill;
      }
    }
    return branchSkill;
  }

  /**
   * Starting multipliers at the root: each skill priced at the cheapest share of a course covering
   * it (the course's cost spread over the skills it covers). No course is charged more than its
   * cost, so these are a feasible dual of the covering LP.
   */
  private sharePrices(u: Float64Array): void {
    for (let skill = 0; skill < this.skillCount; skill += 1) {
      let share = Number.POSITIVE_INFINITY;
      for (const course of this.coveringOf[skill]!) {
        const candidate = this.costs[course]! / this.skillsOf[course]!.length;
        if (candidate < share) share = candidate;
      }
      u[skill] = share;
    }
  }

  private isCovering(covered: Uint32Array): boolean {
    for (let skill = 0; skill < this.skillCount; skill += 1) {
      if ((covered[skill >>> 5]! & (1 << (skill & 31))) === 0) return false;
    }
    return true;
  }

  /** A cover reached: drops courses made redundant by later ones, keeps it if cheaper. */
  private record(cost: number): void {
    const selection = [...this.chosen];
    let total = cost;
    // Dearest first: a dropped dear course saves most.
    const byCost = [...selection].sort((a, b) => this.costs[b]! - this.costs[a]!);
    for (const course of byCost) {
      const without = selection.filter((other) => other !== course);
      if (this.isCover(without)) {
        selection.splice(selection.indexOf(course), 1);
        total -= this.costs[course]!;
      }
    }
    if (total < this.bestCost - EPSILON) {
      this.bestCost = total;
      this.best = selection.sort((a, b) => a - b);
    }
  }

  /** A cover by cost per newly covered skill (every skill has a course: checked before). */
  private greedyCover(): number[] {
    const covered = new Uint8Array(this.skillCount);
    const selection: number[] = [];
    let left = this.skillCount;
    while (left > 0) {
      let pick = -1;
      let bestRatio = Number.POSITIVE_INFINITY;
      for (let course = 0; course < this.courseCount; course += 1) {
        let fresh = 0;
        for (const skill of this.skillsOf[course]!) if (covered[skill] === 0) fresh += 1;
        if (fresh > 0 && this.costs[course]! / fresh < bestRatio) {
          bestRatio = this.costs[course]! / fresh;
          pick = course;
        }
      }
      selection.push(pick);
      for (const skill of this.skillsOf[pick]!) {
        if (covered[skill] === 0) left -= 1;
        covered[skill] = 1;
      }
    }
    return selection;
  }

  private isCover(selection: readonly number[]): boolean {
    const covered = new Uint32Array(this.words);
    for (const course of selection) {
      const base = course * this.words;
      for (let w = 0; w < this.words; w += 1) covered[w] = covered[w]! | this.masks[base + w]!;
    }
    return this.isCovering(covered);
  }

  private costOf(selection: readonly number[]): number {
    return selection.reduce((sum, course) => sum + this.costs[course]!, 0);
  }
}

// One instance for the life of the thread: see keepInstanceShape (each search recompiled its methods).
keepInstanceShape(new CoverSearch([], [], 0, { now: () => 0, stopAt: 0 }));

/** Subgradient steps at the root, and at every other node (warm-started from its parent). */
const ROOT_ITERATIONS = 300;
const NODE_ITERATIONS = 12;

/** Taken off a Lagrangian bound: its sums carry rounding error. */
const LAGRANGE_MARGIN = 1e-7;

import { finishSteps } from '../finish-steps';
import { pushToList } from '../map-of-lists';

/** The facts about a candidate course that decide whether another one makes it redundant. */
export interface DominanceFacts {
  readonly id: string;
  readonly cost: number;
  readonly hours: number | null;
  readonly price: number | null;
  /** Covered gap-skill indices (non-negative), without duplicates. */
  readonly covers: readonly number[];
  /** Skill URIs taught, without duplicates. */
  readonly teaches: readonly string[];
  /** Prerequisite skill URIs, without duplicates. */
  readonly prerequisites: readonly string[];
}

/** Which resources are budgeted; a budgeted resource must not get worse under replacement. */
export interface DominanceContext {
  readonly hoursBudgeted: boolean;
  readonly priceBudgeted: boolean;
  /** Skills some candidate needs as a prerequisite; only these matter in `teaches`. */
  readonly neededSkills: ReadonlySet<string>;
}

/**
 * Indices of courses that can be dropped without losing every optimal plan.
 *
 * B dominates A when B covers ⊇ A's gap skills, teaches ⊇ A's needed prerequisite skills,
 * requires ⊆ A's prerequisites, and costs ≤ A (objective, plus hours/price when budgeted).
 * Then any valid ordered plan using A stays valid, no worse and within budget with B put in
 * A's place (or with A just removed when B is already in it): B's prerequisites are met where
 * A's were, and everything A taught later steps B teaches too. Exact ties keep the
 * lexicographically smaller id, so the relation is a strict partial order and removing every
 * dominated course at once is safe (each is dominated by a survivor, by transitivity).
 *
 * @example
 * // b covers more for less: a goes
 * dominatedCourses([a, b], context) // Set { 0 }
 */
export function dominatedCourses(courses: readonly DominanceFacts[], context: DominanceContext): Set<number> {
  return finishSteps(dominatedCoursesInSteps(courses, context));
}

/** Courses judged between two yields of {@link dominatedCoursesInSteps}. */
export const DOMINANCE_STEP = 256;

/**
 * {@link dominatedCourses} as a generator that yields after every {@link DOMINANCE_STEP} courses
 * judged, so a caller on a request's thread can let other work run in between; its return value
 * is the answer.
 */
export function* dominatedCoursesInSteps(
  courses: readonly DominanceFacts[],
  context: DominanceContext,
): Generator<void, Set<number>, void> {
  const index = dominanceIndex(courses, context);
  const dominated = new Set<number>();
  for (let ai = 0; ai < courses.length; ai += 1) {
    if (ai % DOMINANCE_STEP === DOMINANCE_STEP - 1) yield;
    if (isDominated(index, ai)) dominated.add(ai);
  }
  return dominated;
}

/**
 * What judging each course reads, built once per call. Module-level functions over it rather than
 * closures: a compute worker runs this for every job, and V8 drops a closure's optimised code once
 * the closure is collected, so the per-call judge was compiled again after each job.
 */
interface DominanceIndex {
  readonly courses: readonly DominanceFacts[];
  readonly context: DominanceContext;
  /** Per course: the needed skills it teaches. */
  readonly neededTaught: readonly (readonly string[])[];
  /**
   * Scratch marks by gap-skill index for subset tests of `covers` (a mark equal to `stamp[0]` is
   * set): per-course sets here were a large share of a compute worker's garbage.
   */
  readonly marks: Int32Array;
  readonly stamp: Int32Array;
  /** Gap skill → courses covering it, cheapest first. */
  readonly coverers: ReadonlyMap<number, readonly number[]>;
  /** Needed skill → courses teaching it, cheapest first. */
  readonly teachersOf: ReadonlyMap<string, readonly number[]>;
  /** Every course, cheapest first. */
  readonly everyone: Int32Array;
  /** 32-bit signatures of what each course offers (gap skills, needed skills taught)... */
  readonly offers: Int32Array;
  /** ...and requires: B can only dominate A when B's offer has every bit of A's and A's requirements every bit of B's. */
  readonly requires: Int32Array;
}

function dominanceIndex(courses: readonly DominanceFacts[], context: DominanceContext): DominanceIndex {
  const neededTaught: (readonly string[])[] = [];
  let maxSkill = -1;
  for (const course of courses) {
    let needed: string[] | undefined;
    for (const skill of course.teaches) {
      if (!context.neededSkills.has(skill)) continue;
      needed ??= [];
      needed.push(skill);
    }
    neededTaught.push(needed ?? TEACHES_NOTHING_NEEDED);
    for (const skill of course.covers) if (skill > maxSkill) maxSkill = skill;
  }
  // Cheapest first: a course costing more than A can never dominate it, so the scan stops there.
  // Ties keep index order (the sort is stable), and the lists below, filled in this order, are
  // sorted the same way.
  const everyone = cheapestFirst(courses);
  // A dominator covers every gap skill A covers and teaches every needed skill A teaches, so it is
  // among the courses covering A's rarest gap skill or teaching its rarest needed skill: looking
  // only there keeps thousands of candidates from costing millions of pairs. (Courses that only
  // teach prerequisites cover no gap skill; with 20 % of a catalogue naming prerequisites they are
  // most of the candidates, and scanning every cheaper course for each cost minutes.)
  const coverers = new Map<number, number[]>();
  const teachersOf = new Map<string, number[]>();
  for (const index of everyone) {
    for (const skill of courses[index]!.covers) pushToList(coverers, skill, index);
    for (const skill of neededTaught[index]!) pushToList(teachersOf, skill, index);
  }
  // Signatures: a test that rejects most pairs before any set is consulted.
  const skillBits = new Map<string, number>();
  const offers = new Int32Array(courses.length);
  const requires = new Int32Array(courses.length);
  for (let index = 0; index < courses.length; index += 1) {
    const course = courses[index]!;
    let offer = 0;
    for (const skill of course.covers) offer |= 1 << (skill % 32);
    for (const skill of neededTaught[index]!) offer |= bitOf(skillBits, skill);
    let required = 0;
    for (const skill of course.prerequisites) required |= bitOf(skillBits, skill);
    offers[index] = offer;
    requires[index] = required;
  }
  return {
    courses,
    context,
    neededTaught,
    marks: new Int32Array(maxSkill + 1),
    stamp: new Int32Array(1),
    coverers,
    teachersOf,
    everyone,
    offers,
    requires,
  };
}

/** The needed skills of a course that teaches none of them (most courses), shared. */
const TEACHES_NOTHING_NEEDED: readonly string[] = [];

/**
 * Course indices by cost, ties in index order: a merge sort of indices over the costs, which
 * allocates two index arrays instead of an entry object per course.
 */
function cheapestFirst(courses: readonly DominanceFacts[]): Int32Array {
  const costs = new Float64Array(courses.length);
  for (let index = 0; index < courses.length; index += 1) costs[index] = courses[index]!.cost;
  let order = new Int32Array(courses.length);
  for (let index = 0; index < order.length; index += 1) order[index] = index;
  let scratch = new Int32Array(courses.length);
  for (let width = 1; width < order.length; width *= 2) {
    for (let from = 0; from < order.length; from += 2 * width) {
      mergeRuns(
        order,
        scratch,
        costs,
        from,
        Math.min(from + width, order.length),
        Math.min(from + 2 * width, order.length),
      );
    }
    [order, scratch] = [scratch, order];
  }
  return order;
}

/** Merges the sorted runs `[from, middle)` and `[middle, to)` of `order` into `into`, stably by cost. */
function mergeRuns(
  order: Int32Array,
  into: Int32Array,
  costs: Float64Array,
  from: number,
  middle: number,
  to: number,
): void {
  let left = from;
  let right = middle;
  for (let out = from; out < to; out += 1) {
    if (left < middle && (right >= to || costs[order[left]!]! <= costs[order[right]!]!)) into[out] = order[left++]!;
    else into[out] = order[right++]!;
  }
}

/** A skill's bit in the signatures, given in order of first use (wrapping at 32). */
function bitOf(skillBits: Map<string, number>, skill: string): number {
  let bit = skillBits.get(skill);
  if (bit === undefined) {
    bit = 1 << (skillBits.size % 32);
    skillBits.set(skill, bit);
  }
  return bit;
}

/** Whether some other course dominates course `ai` (see {@link dominatedCourses}). */
function isDominated(index: DominanceIndex, ai: number): boolean {
  const { courses, neededTaught, offers, requires } = index;
  const a = courses[ai]!;
  let candidates: Iterable<number> & { readonly length: number } = index.everyone;
  for (const skill of a.covers) {
    const list = index.coverers.get(skill)!;
    if (list.length < candidates.length) candidates = list;
  }
  for (const skill of neededTaught[ai]!) {
    const list = index.teachersOf.get(skill)!;
    if (list.length < candidates.length) candidates = list;
  }
  for (const bi of candidates) {
    if (bi === ai) continue;
    const b = courses[bi]!;
    if (b.cost > a.cost) break;
    if ((offers[ai]! & ~offers[bi]!) !== 0 || (requires[bi]! & ~requires[ai]!) !== 0) continue;
    const resources = compareResources(a, b, index.context);
    if (resources === 'worse') continue;
    if (!coversAll(index, b.covers, a.covers)) continue;
    // The needed skills B teaches are exactly the needed skills among its teachings.
    if (!includesAll(neededTaught[bi]!, neededTaught[ai]!)) continue;
    if (!includesAll(a.prerequisites, b.prerequisites)) continue;
    const strictlyBetter =
      resources === 'better' ||
      b.covers.length > a.covers.length ||
      neededTaught[bi]!.length > neededTaught[ai]!.length ||
      b.prerequisites.length < a.prerequisites.length;
    if (strictlyBetter || b.id < a.id) return true;
  }
  return false;
}

/** Whether gap-skill list `outer` holds every index of `inner`, marking `outer` in the scratch marks. */
function coversAll(index: DominanceIndex, outer: readonly number[], inner: readonly number[]): boolean {
  if (inner.length === 0) return true;
  if (inner.length > outer.length) return false;
  const { marks, stamp } = index;
  stamp[0] += 1;
  const mark = stamp[0]!;
  for (const skill of outer) marks[skill] = mark;
  for (const skill of inner) if (marks[skill] !== mark) return false;
  return true;
}

/** Whether `outer` holds every value of `inner` (short lists: a course's few skills). */
function includesAll(outer: readonly string[], inner: readonly string[]): boolean {
  if (inner.length > outer.length) return false;
  for (const value of inner) if (!outer.includes(value)) return false;
  return true;
}

/** How B's resource use compares with A's: 'worse' when B uses more of anything that counts. */
function compareResources(
  a: DominanceFacts,
  b: DominanceFacts,
  context: DominanceContext,
): 'better' | 'equal' | 'worse' {
  if (b.cost > a.cost) return 'worse';
  let better = b.cost < a.cost;
  // A budgeted resource is known for every candidate (validation excludes unknowns).
  if (context.hoursBudgeted) {
    if ((b.hours ?? 0) > (a.hours ?? 0)) return 'worse';
    if ((b.hours ?? 0) < (a.hours ?? 0)) better = true;
  }
  if (context.priceBudgeted) {
    if ((b.price ?? 0) > (a.price ?? 0)) return 'worse';
    if ((b.price ?? 0) < (a.price ?? 0)) better = true;
  }
  return better ? 'better' : 'equal';
}

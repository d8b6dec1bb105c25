import { finishSteps } from '../finish-steps';
import { pushToList } from '../map-of-lists';

/** The facts about a candidate course that decide whether another one makes it redundant. */
export interface DominanceFacts {
  readonly id: string;
  readonly cost: number;
  readonly hours: number | null;
  readonly price: number | null;
  /** Covered gap-skill indices. */
  readonly covers: readonly number[];
  readonly teaches: ReadonlySet<string>;
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
  readonly neededTaught: readonly string[][];
  readonly prerequisiteSets: readonly ReadonlySet<string>[];
  readonly coverSets: readonly ReadonlySet<number>[];
  /** Gap skill → courses covering it, cheapest first. */
  readonly coverers: ReadonlyMap<number, readonly number[]>;
  /** Needed skill → courses teaching it, cheapest first. */
  readonly teachersOf: ReadonlyMap<string, readonly number[]>;
  /** Every course, cheapest first. */
  readonly everyone: readonly number[];
  /** 32-bit signatures of what each course offers (gap skills, needed skills taught)... */
  readonly offers: Int32Array;
  /** ...and requires: B can only dominate A when B's offer has every bit of A's and A's requirements every bit of B's. */
  readonly requires: Int32Array;
}

function dominanceIndex(courses: readonly DominanceFacts[], context: DominanceContext): DominanceIndex {
  const neededTaught: string[][] = [];
  const prerequisiteSets: ReadonlySet<string>[] = [];
  const coverSets: ReadonlySet<number>[] = [];
  for (const course of courses) {
    const needed: string[] = [];
    for (const skill of course.teaches) if (context.neededSkills.has(skill)) needed.push(skill);
    neededTaught.push(needed);
    prerequisiteSets.push(new Set(course.prerequisites));
    coverSets.push(new Set(course.covers));
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
    for (const skill of coverSets[index]!) pushToList(coverers, skill, index);
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
    prerequisiteSets,
    coverSets,
    coverers,
    teachersOf,
    everyone,
    offers,
    requires,
  };
}

/** Course indices by cost, ties in index order. */
function cheapestFirst(courses: readonly DominanceFacts[]): number[] {
  const entries: { readonly cost: number; readonly index: number }[] = [];
  for (let index = 0; index < courses.length; index += 1) entries.push({ cost: courses[index]!.cost, index });
  entries.sort(byCost);
  const order: number[] = [];
  for (const entry of entries) order.push(entry.index);
  return order;
}

function byCost(x: { readonly cost: number }, y: { readonly cost: number }): number {
  return x.cost - y.cost;
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
  const { courses, coverSets, neededTaught, prerequisiteSets, offers, requires } = index;
  const a = courses[ai]!;
  let candidates = index.everyone;
  for (const skill of coverSets[ai]!) {
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
    if (!containsAll(coverSets[bi]!, a.covers)) continue;
    if (!containsAll(b.teaches, neededTaught[ai]!)) continue;
    if (!containsAll(prerequisiteSets[ai]!, b.prerequisites)) continue;
    const strictlyBetter =
      resources === 'better' ||
      b.covers.length > coverSets[ai]!.size ||
      neededTaught[bi]!.length > neededTaught[ai]!.length ||
      prerequisiteSets[bi]!.size < prerequisiteSets[ai]!.size;
    if (strictlyBetter || b.id < a.id) return true;
  }
  return false;
}

function containsAll<T>(set: ReadonlySet<T>, values: readonly T[]): boolean {
  for (const value of values) if (!set.has(value)) return false;
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

import { finishSteps } from '../finish-steps';

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
  const neededTaught = courses.map((course) => [...course.teaches].filter((skill) => context.neededSkills.has(skill)));
  const prerequisiteSets = courses.map((course) => new Set(course.prerequisites));
  const coverSets = courses.map((course) => new Set(course.covers));
  // A dominator covers every gap skill A covers and teaches every needed skill A teaches, so it is
  // among the courses covering A's rarest gap skill or teaching its rarest needed skill: looking
  // only there keeps thousands of candidates from costing millions of pairs. (Courses that only
  // teach prerequisites cover no gap skill; with 20 % of a catalogue naming prerequisites they are
  // most of the candidates, and scanning every cheaper course for each cost minutes.)
  const coverers = new Map<number, number[]>();
  const teachersOf = new Map<string, number[]>();
  courses.forEach((_, index) => {
    for (const skill of coverSets[index]!) addTo(coverers, skill, index);
    for (const skill of neededTaught[index]!) addTo(teachersOf, skill, index);
  });
  // Cheapest first: a course costing more than A can never dominate it, so the scan stops there.
  const byCost = (x: number, y: number) => courses[x]!.cost - courses[y]!.cost;
  for (const list of coverers.values()) list.sort(byCost);
  for (const list of teachersOf.values()) list.sort(byCost);
  const everyone = courses.map((_, index) => index).sort(byCost);
  // 32-bit signatures of what a course offers (gap skills, needed skills taught) and requires: B
  // can only dominate A when B's offer has every bit of A's and A's requirements every bit of B's,
  // a test that rejects most pairs before any set is consulted.
  const skillBits = new Map<string, number>();
  const bitOf = (skill: string) => {
    let bit = skillBits.get(skill);
    if (bit === undefined) {
      bit = 1 << (skillBits.size % 32);
      skillBits.set(skill, bit);
    }
    return bit;
  };
  const offers = courses.map(
    (course, index) =>
      course.covers.reduce((sig, skill) => sig | (1 << (skill % 32)), 0) |
      neededTaught[index]!.reduce((sig, skill) => sig | bitOf(skill), 0),
  );
  const requires = courses.map((course) => course.prerequisites.reduce((sig, skill) => sig | bitOf(skill), 0));
  const dominated = new Set<number>();
  for (const [ai, a] of courses.entries()) {
    if (ai % DOMINANCE_STEP === DOMINANCE_STEP - 1) yield;
    judge(a, ai);
  }
  return dominated;

  function judge(a: DominanceFacts, ai: number): void {
    let candidates = everyone;
    for (const skill of coverSets[ai]!) {
      const list = coverers.get(skill)!;
      if (list.length < candidates.length) candidates = list;
    }
    for (const skill of neededTaught[ai]!) {
      const list = teachersOf.get(skill)!;
      if (list.length < candidates.length) candidates = list;
    }
    for (const bi of candidates) {
      if (bi === ai) continue;
      const b = courses[bi]!;
      if (b.cost > a.cost) break;
      if ((offers[ai]! & ~offers[bi]!) !== 0 || (requires[bi]! & ~requires[ai]!) !== 0) continue;
      const resources = compareResources(a, b, context);
      if (resources === 'worse') continue;
      if (!a.covers.every((skill) => coverSets[bi]!.has(skill))) continue;
      if (!neededTaught[ai]!.every((skill) => b.teaches.has(skill))) continue;
      if (!b.prerequisites.every((skill) => prerequisiteSets[ai]!.has(skill))) continue;
      const strictlyBetter =
        resources === 'better' ||
        b.covers.length > coverSets[ai]!.size ||
        neededTaught[bi]!.length > neededTaught[ai]!.length ||
        prerequisiteSets[bi]!.size < prerequisiteSets[ai]!.size;
      if (strictlyBetter || b.id < a.id) {
        dominated.add(ai);
        return;
      }
    }
  }
}

function addTo<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
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

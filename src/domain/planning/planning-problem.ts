import { courseCost, effectiveEcts, effectiveHours } from './course-cost';
import { dominatedCourses } from './dominated-courses';
import type { ExcludedCourse, GapSkill, PlanCourse, PlanObjective } from './plan-types';
import { PrerequisiteReach } from './prerequisite-reach';
import type { NormalizedBudgets, ValidatedPlanInput } from './validate-plan-input';

/** A course that survived eligibility, prerequisite and dominance filtering. */
export interface CandidateCourse {
  readonly id: string;
  /** {@link courseCost} under the plan's objective. */
  readonly cost: number;
  /** {@link effectiveHours}. */
  readonly hours: number | null;
  readonly price: number | null;
  /** {@link effectiveEcts}. */
  readonly ects: number | null;
  /** Indices into {@link PlanningProblem.skills}, ascending, without duplicates. */
  readonly covers: readonly number[];
  /** Skill URIs the course teaches, without duplicates. */
  readonly teaches: readonly string[];
  /** Unmet prerequisite skill URIs, without duplicates. */
  readonly prerequisites: readonly string[];
}

/**
 * The planning problem in solver-ready form. Candidates are sorted by id so that results do
 * not depend on the order the catalogue arrived in.
 */
export interface PlanningProblem {
  readonly objective: PlanObjective;
  readonly budgets: NormalizedBudgets;
  readonly timeLimitMs: number;
  /** Coverable gap skills, in gap order. */
  readonly skills: readonly GapSkill[];
  readonly courses: readonly CandidateCourse[];
  /** For each prerequisite skill of some candidate, the candidates teaching it. */
  readonly teachers: ReadonlyMap<string, readonly number[]>;
  readonly uncoverable: readonly string[];
  /**
   * Gap skills only courses left out as `prerequisites-not-followed` cover: neither plannable
   * here nor known to be uncoverable (empty unless some prerequisites were not followed).
   */
  readonly unexplored: readonly GapSkill[];
  /**
   * Some eligible course needs an unfollowed prerequisite: teachers of it may exist that the plan
   * never saw (cheaper than the courses it did see, or making a course left out as
   * `prerequisites-not-followed` takeable), so the plan is not proven optimal and only trivial
   * bounds hold.
   */
  readonly partial: boolean;
  readonly excluded: readonly ExcludedCourse[];
}

/** A problem with nothing to plan, for the instances `keepInstanceShape` keeps. */
export const EMPTY_PLANNING_PROBLEM: PlanningProblem = {
  objective: 'HOURS',
  budgets: { hours: undefined, price: undefined, count: undefined },
  timeLimitMs: 0,
  skills: [],
  courses: [],
  teachers: new Map(),
  uncoverable: [],
  unexplored: [],
  partial: false,
  excluded: [],
};

/**
 * Turns a validated request into a {@link PlanningProblem}:
 * 1. drops ineligible courses (unknown cost under the objective, or unknown hours/price under
 *    an hours/price budget) and reports them;
 * 2. drops courses whose prerequisites no sequence of eligible courses can provide;
 * 3. marks gap skills that no remaining course covers as uncoverable;
 * 4. repeatedly drops courses that neither cover a coverable skill nor teach a prerequisite of
 *    a remaining course, and dominated courses (see {@link dominatedCourses}).
 * Steps 2 and 4 never remove every optimal plan, so solving the reduced problem is exact.
 * Steps 1 and 2 do not depend on the gap: {@link prepareCatalogue} and {@link prepareTarget} split
 * them, for callers planning many targets over one course list.
 */
export function preparePlanningProblem(input: ValidatedPlanInput): PlanningProblem {
  return prepareTarget(prepareCatalogue(input), input.gap, input.timeLimitMs);
}

/** Steps 1 and 2 of {@link preparePlanningProblem}: what every target over one course list shares. */
export interface PreparedCatalogue {
  readonly objective: PlanObjective;
  readonly budgets: NormalizedBudgets;
  /** Eligible courses some sequence of eligible courses makes takeable, in input order. */
  readonly reachable: readonly PlanCourse[];
  /** Index in {@link reachable} of each reachable course's id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** For each prerequisite skill of a reachable course, the reachable courses (indices) teaching it. */
  readonly teachersOf: ReadonlyMap<string, readonly number[]>;
  /** Ineligible and unattainable courses, in input order. */
  readonly excluded: readonly ExcludedCourse[];
  /**
   * Courses attainable only if the unfollowed prerequisites were taught by some course (see
   * `PlanInput.unfollowedPrerequisites`), by id, with their own covers.
   */
  readonly unexplored: ReadonlyMap<string, readonly string[]>;
  /** Some eligible course needs an unfollowed prerequisite (see {@link PlanningProblem.partial}). */
  readonly partial: boolean;
}

/**
 * Steps 1 and 2 of {@link preparePlanningProblem} over a validated course list (its courses'
 * `covers` are not read).
 */
export function prepareCatalogue(
  input: Pick<ValidatedPlanInput, 'courses' | 'objective' | 'budgets' | 'unfollowedPrerequisites'>,
): PreparedCatalogue {
  const excluded: ExcludedCourse[] = [];
  const eligible: PlanCourse[] = [];
  for (const course of input.courses) {
    const reason = courseIneligibility(course, input.objective, input.budgets);
    if (reason === undefined) eligible.push(course);
    else excluded.push({ courseId: course.id, reason });
  }

  // Loops rather than callbacks here and below: a compute worker prepares every job's catalogue
  // and targets, and V8 drops a closure's optimised code once the closure is collected, so per-call
  // callbacks were compiled again after each job.
  const attainable = attainableCourses(eligible);
  const reachable: PlanCourse[] = [];
  const unattainable = new Set<string>();
  for (let index = 0; index < eligible.length; index += 1) {
    if (attainable[index]) reachable.push(eligible[index]!);
    else unattainable.add(eligible[index]!.id);
  }
  const reasons = new Map<string, ExcludedCourse['reason']>();
  for (const entry of excluded) reasons.set(entry.courseId, entry.reason);
  for (const id of unattainable) reasons.set(id, 'prerequisites-unattainable');
  // Those that would be attainable were every unfollowed prerequisite taught somewhere are not
  // known to be unattainable: nobody looked for those prerequisites' teachers.
  const unexplored = new Map<string, readonly string[]>();
  const unfollowed = input.unfollowedPrerequisites;
  if (unfollowed.size > 0 && unattainable.size > 0) {
    const followed: Pick<PlanCourse, 'teaches' | 'prerequisites'>[] = [];
    for (const course of eligible) {
      followed.push({ teaches: course.teaches, prerequisites: withoutAny(course.prerequisites, unfollowed) });
    }
    const optimistic = attainableCourses(followed);
    for (let index = 0; index < eligible.length; index += 1) {
      if (attainable[index] || !optimistic[index]) continue;
      const course = eligible[index]!;
      reasons.set(course.id, 'prerequisites-not-followed');
      unexplored.set(course.id, course.covers);
    }
  }
  const orderedExcluded: ExcludedCourse[] = [];
  for (const course of input.courses) {
    const reason = reasons.get(course.id);
    if (reason !== undefined) orderedExcluded.push({ courseId: course.id, reason });
  }
  const teachersOf = new Map<string, number[]>();
  for (const course of reachable) for (const skill of course.prerequisites) teachersOf.set(skill, []);
  const indexOf = new Map<string, number>();
  for (let index = 0; index < reachable.length; index += 1) {
    const course = reachable[index]!;
    indexOf.set(course.id, index);
    for (const skill of distinct(course.teaches)) teachersOf.get(skill)?.push(index);
  }
  let partial = false;
  if (unfollowed.size > 0) for (const course of eligible) partial ||= namesAny(course.prerequisites, unfollowed);
  return {
    objective: input.objective,
    budgets: input.budgets,
    reachable,
    indexOf,
    teachersOf,
    excluded: orderedExcluded,
    unexplored,
    partial,
  };
}

/** `skills` without those in `left`. */
function withoutAny(skills: readonly string[], left: ReadonlySet<string>): string[] {
  const kept: string[] = [];
  for (const skill of skills) if (!left.has(skill)) kept.push(skill);
  return kept;
}

function namesAny(skills: readonly string[], among: ReadonlySet<string>): boolean {
  for (const skill of skills) if (among.has(skill)) return true;
  return false;
}

/**
 * Steps 3 and 4 of {@link preparePlanningProblem} for one gap over a prepared catalogue.
 * `covers` maps a course id to the skills of `gap` it covers (by default each reachable course's
 * own `covers`; ids of courses the catalogue does not hold are ignored), so callers planning many
 * targets over one catalogue pay per target only for the courses that matter to it.
 */
export function prepareTarget(
  catalogue: PreparedCatalogue,
  gap: readonly GapSkill[],
  timeLimitMs: number,
  covers: ReadonlyMap<string, readonly string[]> = ownCovers(catalogue.reachable),
): PlanningProblem {
  const { reachable, indexOf } = catalogue;
  const coversAt = new Map<number, readonly string[]>();
  for (const [id, uris] of covers) {
    const index = indexOf.get(id);
    if (index !== undefined && uris.length > 0) coversAt.set(index, uris);
  }
  const coveredSomewhere = new Set<string>();
  for (const uris of coversAt.values()) for (const uri of uris) coveredSomewhere.add(uri);
  const skills: GapSkill[] = [];
  for (const skill of gap) if (coveredSomewhere.has(skill.skillUri)) skills.push(skill);
  const coveredUnexplored = new Set<string>();
  for (const [id, own] of catalogue.unexplored) for (const uri of covers.get(id) ?? own) coveredUnexplored.add(uri);
  // A gap skill no plannable course covers is unexplored when a course left out as
  // prerequisites-not-followed covers it, else uncoverable.
  const unexplored: GapSkill[] = [];
  const uncoverable: string[] = [];
  for (const skill of gap) {
    if (coveredSomewhere.has(skill.skillUri)) continue;
    if (coveredUnexplored.has(skill.skillUri)) unexplored.push(skill);
    else uncoverable.push(skill.skillUri);
  }
  const skillIndex = new Map<string, number>();
  for (let index = 0; index < skills.length; index += 1) skillIndex.set(skills[index]!.skillUri, index);

  // Step 4's first round, from the catalogue's index of prerequisite teachers: only courses that
  // cover something here, or (transitively) teach a prerequisite of one, get a candidate (a
  // reskilling request prepares twenty targets over thousands of shared courses, most of which
  // matter to none of them).
  const useful = new Set(coversAt.keys());
  const pending = [...useful];
  const needed = new Set<string>();
  for (let index = pending.pop(); index !== undefined; index = pending.pop())
    for (const skill of reachable[index]!.prerequisites) {
      if (needed.has(skill)) continue;
      needed.add(skill);
      for (const teacher of catalogue.teachersOf.get(skill) ?? [])
        if (!useful.has(teacher)) {
          useful.add(teacher);
          pending.push(teacher);
        }
    }
  // In catalogue order, which breaks ties between equally good courses in dominance pruning.
  let candidates: CandidateCourse[] = [];
  for (const index of [...useful].sort(ascending)) {
    candidates.push(candidateCourse(reachable[index]!, coversAt.get(index) ?? [], skillIndex, catalogue.objective));
  }
  candidates = reduceCandidates(candidates, catalogue.budgets);
  candidates.sort(byId);

  return {
    objective: catalogue.objective,
    budgets: catalogue.budgets,
    timeLimitMs,
    skills,
    courses: candidates,
    teachers: teacherIndex(candidates),
    uncoverable,
    unexplored,
    partial: catalogue.partial,
    excluded: catalogue.excluded,
  };
}

/**
 * A reachable course as a candidate of one target: `covers` are indices into the target's
 * coverable skills. Lists without duplicates are the course's own arrays, not copies: a compute
 * worker builds a candidate for every useful course of every job, and per-course sets and copies
 * were the largest share of what its young generation collected (docs/benchmarks.md,
 * thirty-second pass).
 */
function candidateCourse(
  course: PlanCourse,
  coveredUris: readonly string[],
  skillIndex: ReadonlyMap<string, number>,
  objective: PlanObjective,
): CandidateCourse {
  let covers: number[] | undefined;
  for (const uri of coveredUris) {
    const index = skillIndex.get(uri);
    if (index === undefined) continue;
    covers ??= [];
    covers.push(index);
  }
  return {
    id: course.id,
    cost: courseCost(course, objective)!,
    hours: effectiveHours(course),
    price: course.price ?? null,
    ects: effectiveEcts(course),
    covers: covers === undefined ? COVERS_NONE : sortedDistinct(covers),
    teaches: distinct(course.teaches),
    prerequisites: distinct(course.prerequisites),
  };
}

/** The covers of a candidate that covers no gap skill (it teaches a prerequisite), shared. */
const COVERS_NONE: readonly number[] = [];

/** `values` sorted ascending without duplicates (sorted in place). */
function sortedDistinct(values: number[]): number[] {
  if (values.length < 2) return values;
  // Insertion sort: a course covers a few gap skills, and Array.prototype.sort allocates.
  for (let i = 1; i < values.length; i += 1) {
    const value = values[i]!;
    let j = i - 1;
    for (; j >= 0 && values[j]! > value; j -= 1) values[j + 1] = values[j]!;
    values[j + 1] = value;
  }
  let kept = 1;
  for (let index = 1; index < values.length; index += 1) {
    if (values[index] !== values[kept - 1]) values[kept++] = values[index]!;
  }
  values.length = kept;
  return values;
}

/**
 * `values` without duplicates, first occurrences in order: `values` itself when it has none.
 *
 * @example
 * distinct(['a', 'b', 'a']) // ['a', 'b']
 */
function distinct(values: readonly string[]): readonly string[] {
  if (values.length < 2) return values;
  if (values.length <= 32) {
    // A course names a few skills: pairwise comparison allocates nothing.
    let repeated = false;
    for (let i = 1; i < values.length && !repeated; i += 1)
      for (let j = 0; j < i; j += 1)
        if (values[i] === values[j]) {
          repeated = true;
          break;
        }
    if (!repeated) return values;
  }
  const unique = [...new Set(values)];
  return unique.length === values.length ? values : unique;
}

function ascending(a: number, b: number): number {
  return a - b;
}

function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Each course's own `covers`, by id. */
function ownCovers(courses: readonly PlanCourse[]): Map<string, readonly string[]> {
  return new Map(courses.map((course) => [course.id, course.covers]));
}

/**
 * Why `course` cannot be part of a plan with this objective and these budgets, judged on its
 * own data (prerequisites aside), or undefined when it can.
 *
 * @example
 * courseIneligibility({ price: null, ... }, 'HOURS', { price: 500, ... }) // 'price-unknown'
 */
export function courseIneligibility(
  course: PlanCourse,
  objective: PlanObjective,
  budgets: NormalizedBudgets,
): ExcludedCourse['reason'] | undefined {
  if (courseCost(course, objective) === null) return objective === 'PRICE' ? 'price-unknown' : 'duration-unknown';
  if (budgets.price !== undefined && course.price == null) return 'price-unknown';
  if (budgets.hours !== undefined && effectiveHours(course) === null) return 'duration-unknown';
  return undefined;
}

/**
 * Which courses can appear in some plan with a valid order: forward closure from what the
 * subject holds, where a course becomes takeable once earlier takeable courses teach all its
 * prerequisites. Its own teaching never counts for itself, so self-prerequisites and closed
 * cycles stay unattainable (the walk of {@link PrerequisiteReach}, nothing forbidden).
 */
export function attainableCourses(courses: readonly Pick<PlanCourse, 'teaches' | 'prerequisites'>[]): boolean[] {
  return Array.from(new PrerequisiteReach(courses).blockedBy(new Set()), (blocked) => blocked === 0);
}

/** Step 4 of {@link preparePlanningProblem}, to a fixpoint (each round only removes). */
function reduceCandidates(courses: CandidateCourse[], budgets: NormalizedBudgets): CandidateCourse[] {
  let current = courses;
  for (;;) {
    const useful = usefulCourses(current);
    const neededSkills = new Set<string>();
    for (const course of useful) for (const skill of course.prerequisites) neededSkills.add(skill);
    const dominated = dominatedCourses(useful, {
      hoursBudgeted: budgets.hours !== undefined,
      priceBudgeted: budgets.price !== undefined,
      neededSkills,
    });
    const next: CandidateCourse[] = [];
    for (let index = 0; index < useful.length; index += 1) if (!dominated.has(index)) next.push(useful[index]!);
    if (next.length === current.length) return next;
    current = next;
  }
}

/** Courses covering something, plus (transitively) those teaching a prerequisite of one kept. */
function usefulCourses(courses: readonly CandidateCourse[]): CandidateCourse[] {
  const keep: boolean[] = [];
  const needed = new Set<string>();
  for (const course of courses) {
    keep.push(course.covers.length > 0);
    if (course.covers.length > 0) for (const skill of course.prerequisites) needed.add(skill);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (let index = 0; index < courses.length; index += 1) {
      const course = courses[index]!;
      if (keep[index] || !teachesAny(course.teaches, needed)) continue;
      keep[index] = true;
      changed = true;
      for (const skill of course.prerequisites) needed.add(skill);
    }
  }
  const kept: CandidateCourse[] = [];
  for (let index = 0; index < courses.length; index += 1) if (keep[index]) kept.push(courses[index]!);
  return kept;
}

function teachesAny(teaches: readonly string[], skills: ReadonlySet<string>): boolean {
  for (const skill of teaches) if (skills.has(skill)) return true;
  return false;
}

function teacherIndex(courses: readonly CandidateCourse[]): Map<string, number[]> {
  const teachers = new Map<string, number[]>();
  for (const course of courses)
    for (const skill of course.prerequisites) if (!teachers.has(skill)) teachers.set(skill, []);
  for (let index = 0; index < courses.length; index += 1) {
    for (const skill of courses[index]!.teaches) teachers.get(skill)?.push(index);
  }
  return teachers;
}

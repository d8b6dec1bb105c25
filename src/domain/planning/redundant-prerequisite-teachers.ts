/**
 * Which courses fetched only to teach unmet prerequisites a plan can do without, decided while
 * the planner gathers them, so that their own prerequisites are never followed. With 1 % of a
 * 100,000-course catalogue naming prerequisites, following every teacher of every unmet
 * prerequisite three levels deep reached more than half the catalogue per plan.
 */
import { courseCost, effectiveHours } from './course-cost';
import { catalogueExclusion, type CandidateCourse, confidentTeaches, linkCounts } from './course-eligibility';
import type { PlanRequest } from './plan-request';
import { dominatedCourses } from './dominated-courses';
import { courseIneligibility } from './planning-problem';
import { convertPrice, type PriceRates } from './price-rates';
import type { NormalizedBudgets } from './validate-plan-input';

/** What the decision reads besides the courses. */
export interface PrerequisiteTeacherContext {
  readonly request: PlanRequest;
  readonly rates: PriceRates;
  /** Every unmet prerequisite skill found so far. */
  readonly needed: ReadonlySet<string>;
}

const NONE: readonly string[] = [];

/** A course's resources as the planner will count them, or null when it may not be planned. */
interface Resources {
  readonly cost: number;
  readonly hours: number;
  readonly price: number;
}

/**
 * Ids of `teachers` that are redundant: a course of the same offer (the same needed skills taught,
 * through links that count under `minConfidence`) and the same prerequisites costs no more under
 * the objective, nor in hours or price where those are budgeted (exact ties keep the smaller id),
 * or the course teaches no needed skill at all. Courses a filter or missing data keeps out of
 * plans are never redundant (they are reported as excluded) and never make another redundant.
 *
 * Why this keeps every optimal plan: `teachers` must cover no gap skill (every course that does was
 * fetched before any prerequisite), so a redundant course A matters to a plan only through the
 * needed skills it teaches, and its survivor B, with the same prerequisites, can take A's place
 * in any ordered plan: the relation is the planner's own dominance ({@link dominatedCourses})
 * restricted to equal offers. It stays true as more prerequisites become needed: B's offer only
 * grows, and A's grows only if A teaches a newly needed skill, in which case the gatherer fetches
 * A again with that skill's teachers and judges it afresh.
 *
 * @example
 * // two courses teaching only the needed skill s, no prerequisites, 10 and 20 hours: the 20-hour one goes
 * redundantPrerequisiteTeachers([ten, twenty], { request, rates, needed: new Set(['s']) }) // Set { 'twenty' }
 */
export function redundantPrerequisiteTeachers(
  teachers: readonly CandidateCourse[],
  context: PrerequisiteTeacherContext,
): Set<string> {
  const { request, needed } = context;
  const minConfidence = request.filter.minConfidence;
  const hoursBudgeted = request.budgets.maxTotalHours !== null;
  const priceBudgeted = request.budgets.maxTotalPrice !== null;
  const redundant = new Set<string>();
  type Entry = { course: CandidateCourse; resources: Resources; prerequisites: readonly string[] };
  // Per offer, the courses no other of that offer beats so far: one for most plans (nothing
  // budgeted), a small Pareto front otherwise.
  const fronts = new Map<string, Entry[]>();
  // B beats A: no more of anything that counts, and less of something or the smaller id (the
  // planner's tie rule).
  const beats = (b: Entry, a: Entry) => {
    const x = b.resources;
    const y = a.resources;
    if (x.cost > y.cost || (hoursBudgeted && x.hours > y.hours) || (priceBudgeted && x.price > y.price)) return false;
    const less = x.cost < y.cost || (hoursBudgeted && x.hours < y.hours) || (priceBudgeted && x.price < y.price);
    return less || b.course.id < a.course.id;
  };
  // Tens of thousands of teachers per level in a large catalogue, on the request's thread: nothing
  // is built for a course until it is known to be eligible and to teach a needed skill.
  for (const course of teachers) {
    let taught: string[] | null = null;
    for (const link of course.teaches)
      if (needed.has(link.uri) && linkCounts(link, minConfidence) && !taught?.includes(link.uri)) {
        if (taught === null) taught = [];
        taught.push(link.uri);
      }
    const resources = plannedResources(course, context);
    if (resources === null) continue;
    if (taught === null) {
      redundant.add(course.id);
      continue;
    }
    const prerequisites = course.prerequisites.length === 0 ? NONE : [...new Set(course.prerequisites)].sort();
    const key =
      taught.length === 1 && prerequisites.length === 0
        ? taught[0]!
        : `${taught.sort().join(' ')}\n${prerequisites.join(' ')}`;
    const entry = { course, resources, prerequisites };
    const front = fronts.get(key);
    if (front === undefined) fronts.set(key, [entry]);
    else if (front.some((b) => beats(b, entry))) redundant.add(course.id);
    else {
      let kept = 0;
      for (const b of front) {
        if (beats(entry, b)) redundant.add(b.course.id);
        else front[kept++] = b;
      }
      front.length = kept;
      front.push(entry);
    }
  }
  const survivors = [...fronts.values()].flat();
  // Then the planner's dominance over the few left: a larger offer for no more also makes a course
  // redundant.
  const dominated = dominatedCourses(
    survivors.map(({ course, resources, prerequisites }) => ({
      id: course.id,
      cost: resources.cost,
      hours: resources.hours,
      price: resources.price,
      covers: [],
      teaches: new Set(confidentTeaches(course, minConfidence)),
      prerequisites,
    })),
    { hoursBudgeted, priceBudgeted, neededSkills: needed },
  );
  for (const index of dominated) redundant.add(survivors[index]!.course.id);
  return redundant;
}

/**
 * The objective cost, hours and price (in the plan's currency) the planner will see for `course`,
 * or null when a catalogue filter or missing data keeps it out of plans. Unknown hours or price
 * read as 0: they are only compared when budgeted, and a budget makes them known.
 */
function plannedResources(course: CandidateCourse, { request, rates }: PrerequisiteTeacherContext): Resources | null {
  if (catalogueExclusion(course, request.filter) !== null) return null;
  const { objective, budgets } = request;
  // Converted only where the planner will read it (most plans neither price nor budget it).
  const price =
    course.price === null || (objective !== 'PRICE' && budgets.maxTotalPrice === null)
      ? null
      : convertPrice(course.price, course.currency ?? request.currency, request.currency, rates);
  const facts = {
    id: course.id,
    hours: course.hours,
    price,
    ects: course.ects,
    covers: NONE,
    teaches: NONE,
    prerequisites: NONE,
  };
  if (courseIneligibility(facts, objective, normalizedBudgets(request)) !== undefined) return null;
  return { cost: courseCost(facts, objective)!, hours: effectiveHours(facts) ?? 0, price: price ?? 0 };
}

/** The request's budgets as the planner reads them. */
function normalizedBudgets({ budgets }: PlanRequest): NormalizedBudgets {
  return {
    hours: budgets.maxTotalHours ?? undefined,
    price: budgets.maxTotalPrice ?? undefined,
    count: budgets.maxCourses ?? undefined,
  };
}

/**
 * Which courses fetched only to teach unmet prerequisites a plan can do without, decided while
 * the planner gathers them, so that their own prerequisites are never followed. With 1 % of a
 * 100,000-course catalogue naming prerequisites, following every teacher of every unmet
 * prerequisite three levels deep reached more than half the catalogue per plan.
 */
import { courseCost, effectiveHours } from './course-cost';
import { catalogueExclusion, type CandidateCourse, confidentTeaches } from './course-eligibility';
import type { PlanRequest } from './plan-request';
import { dominatedCourses } from './dominated-courses';
import { courseIneligibility } from './planning-problem';
import { convertPrice, type PriceRates } from './price-rates';

/** What the decision reads besides the courses. */
export interface PrerequisiteTeacherContext {
  readonly request: PlanRequest;
  readonly rates: PriceRates;
  /** Every unmet prerequisite skill found so far. */
  readonly needed: ReadonlySet<string>;
}

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
  const hoursBudgeted = request.budgets.maxTotalHours !== null;
  const priceBudgeted = request.budgets.maxTotalPrice !== null;
  const redundant = new Set<string>();
  type Entry = { id: string; resources: Resources; teaches: Set<string>; prerequisites: string[] };
  const offers = new Map<string, Entry[]>();
  const survivors: Entry[] = [];
  for (const course of teachers) {
    const resources = plannedResources(course, context);
    if (resources === null) continue;
    const teaches = new Set(confidentTeaches(course, request.filter.minConfidence));
    const taught = [...teaches].filter((uri) => needed.has(uri)).sort();
    if (taught.length === 0) {
      redundant.add(course.id);
      continue;
    }
    const prerequisites = [...new Set(course.prerequisites)].sort();
    const key = `${taught.join(' ')}\n${prerequisites.join(' ')}`;
    const entry = { id: course.id, resources, teaches, prerequisites };
    const list = offers.get(key);
    if (list) list.push(entry);
    else offers.set(key, [entry]);
  }
  const atMost = (b: Resources, a: Resources) =>
    b.cost <= a.cost && (!hoursBudgeted || b.hours <= a.hours) && (!priceBudgeted || b.price <= a.price);
  for (const list of offers.values()) {
    // Cheapest first, then by what is budgeted, ties by id (as the planner breaks them): a course
    // can only be made redundant by one before it.
    list.sort(
      (x, y) =>
        x.resources.cost - y.resources.cost ||
        (hoursBudgeted ? x.resources.hours - y.resources.hours : 0) ||
        (priceBudgeted ? x.resources.price - y.resources.price : 0) ||
        (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
    );
    const kept: Resources[] = [];
    for (const entry of list) {
      if (kept.some((b) => atMost(b, entry.resources))) redundant.add(entry.id);
      else {
        kept.push(entry.resources);
        survivors.push(entry);
      }
    }
  }
  // Then the planner's dominance over the few left: a larger offer for no more also makes a course
  // redundant.
  const dominated = dominatedCourses(
    survivors.map(({ id, resources, teaches, prerequisites }) => ({
      id,
      cost: resources.cost,
      hours: resources.hours,
      price: resources.price,
      covers: [],
      teaches,
      prerequisites,
    })),
    { hoursBudgeted, priceBudgeted, neededSkills: needed },
  );
  for (const index of dominated) redundant.add(survivors[index]!.id);
  return redundant;
}

/**
 * The objective cost, hours and price (in the plan's currency) the planner will see for `course`,
 * or null when a catalogue filter or missing data keeps it out of plans. Unknown hours or price
 * read as 0: they are only compared when budgeted, and a budget makes them known.
 */
function plannedResources(course: CandidateCourse, { request, rates }: PrerequisiteTeacherContext): Resources | null {
  if (catalogueExclusion(course, request.filter) !== null) return null;
  const price =
    course.price === null
      ? null
      : convertPrice(course.price, course.currency ?? request.currency, request.currency, rates);
  const facts = {
    id: course.id,
    hours: course.hours,
    price,
    ects: course.ects,
    covers: [],
    teaches: [],
    prerequisites: [],
  };
  const budgets = {
    hours: request.budgets.maxTotalHours ?? undefined,
    price: request.budgets.maxTotalPrice ?? undefined,
    count: request.budgets.maxCourses ?? undefined,
  };
  if (courseIneligibility(facts, request.objective, budgets) !== undefined) return null;
  return { cost: courseCost(facts, request.objective)!, hours: effectiveHours(facts) ?? 0, price: price ?? 0 };
}

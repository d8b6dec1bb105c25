/**
 * Which courses fetched only to teach unmet prerequisites a plan can do without, decided while
 * the planner gathers them, so that their own prerequisites are never followed. With 1 % of a
 * 100,000-course catalogue naming prerequisites, following every teacher of every unmet
 * prerequisite three levels deep reached more than half the catalogue per plan.
 */
import { finishSteps } from '../finish-steps';
import { courseCost, effectiveHours } from './course-cost';
import { catalogueExclusion, type CandidateCourse, confidentTeaches, linkCounts } from './course-eligibility';
import { dominatedCourses, dominatedCoursesInSteps } from './dominated-courses';
import type { PlanRequest } from './plan-request';
import { courseIneligibility } from './planning-problem';
import { priceInCurrency, type PriceRates } from './price-rates';
import type { NormalizedBudgets } from './validate-plan-input';

/** What the decision reads besides the courses. */
export interface PrerequisiteTeacherContext {
  readonly request: PlanRequest;
  readonly rates: PriceRates;
  /** Every unmet prerequisite skill found so far. */
  readonly needed: ReadonlySet<string>;
}

const NONE: readonly string[] = [];

/** A course's resources as the planner will count them. */
interface Resources {
  readonly cost: number;
  readonly hours: number;
  readonly price: number;
}

/** A judged course that teaches a needed skill and may be planned. */
interface Entry {
  readonly course: CandidateCourse;
  readonly resources: Resources;
  readonly prerequisites: readonly string[];
}

/**
 * Judges prerequisite teachers one at a time (so a caller can pause between them: a level of a
 * large catalogue has tens of thousands), then names the redundant ones. A course is redundant
 * when it teaches no needed skill through a link that counts under `minConfidence`, or when
 * another judged course dominates it as the planner defines it ({@link dominatedCourses}):
 * teaching every needed skill it does, needing no prerequisite it does not, and costing no more
 * under the objective, nor in hours or price where those are budgeted (exact ties keep the
 * smaller id). Courses a filter or missing data keeps out of plans are never redundant (they are
 * reported as excluded) and never make another redundant.
 *
 * Why this keeps every optimal plan: the teachers must cover no gap skill (every course that does
 * was fetched before any prerequisite), so a redundant course matters to a plan only through the
 * needed skills it teaches, which its dominator teaches too. It stays true as more prerequisites
 * become needed: a dominator's offer only grows, and a redundant course's grows only if it teaches
 * a newly needed skill, in which case the gatherer fetches it again with that skill's teachers
 * and judges it afresh.
 *
 * @example
 * const judge = new PrerequisiteTeacherJudge({ request, rates, needed: new Set(['s']) });
 * judge.consider(tenHoursTeachingS);
 * judge.consider(twentyHoursTeachingS);
 * judge.redundant(); // Set { 'twenty-hours' }
 */
export class PrerequisiteTeacherJudge {
  private readonly needed: ReadonlySet<string>;
  private readonly minConfidence: number;
  private readonly hoursBudgeted: boolean;
  private readonly priceBudgeted: boolean;
  private readonly budgets: NormalizedBudgets;
  private readonly dropped = new Set<string>();
  /**
   * Per offer (needed skills taught and prerequisites), the courses no other of that offer beats
   * so far: one for most plans (nothing budgeted), a small Pareto front otherwise. Dominance
   * between different offers waits for {@link redundant}, over these few.
   */
  private readonly fronts = new Map<string, Entry[]>();

  constructor(private readonly context: PrerequisiteTeacherContext) {
    const { budgets, filter } = context.request;
    this.needed = context.needed;
    this.minConfidence = filter.minConfidence;
    this.hoursBudgeted = budgets.maxTotalHours !== null;
    this.priceBudgeted = budgets.maxTotalPrice !== null;
    this.budgets = {
      hours: budgets.maxTotalHours ?? undefined,
      price: budgets.maxTotalPrice ?? undefined,
      count: budgets.maxCourses ?? undefined,
    };
  }

  /** Judges one course (each at most once) against those judged before it. */
  consider(course: CandidateCourse): void {
    // Nothing is built for a course until it is known to be eligible and to teach a needed skill.
    const { needed, minConfidence } = this;
    let taught: string[] | null = null;
    for (const link of course.teaches)
      if (needed.has(link.uri) && linkCounts(link, minConfidence) && !taught?.includes(link.uri)) {
        if (taught === null) taught = [];
        taught.push(link.uri);
      }
    const resources = this.plannedResources(course);
    if (resources === null) return;
    if (taught === null) {
      this.dropped.add(course.id);
      return;
    }
    const prerequisites = course.prerequisites.length === 0 ? NONE : [...new Set(course.prerequisites)].sort();
    const key =
      taught.length === 1 && prerequisites.length === 0
        ? taught[0]!
        : `${taught.sort().join(' ')}\n${prerequisites.join(' ')}`;
    const entry = { course, resources, prerequisites };
    const front = this.fronts.get(key);
    if (front === undefined) this.fronts.set(key, [entry]);
    else if (front.some((b) => this.beats(b, entry))) this.dropped.add(course.id);
    else {
      let kept = 0;
      for (const b of front) {
        if (this.beats(entry, b)) this.dropped.add(b.course.id);
        else front[kept++] = b;
      }
      front.length = kept;
      front.push(entry);
    }
  }

  /** Ids of the redundant courses among those considered (call once, after the last `consider`). */
  redundant(): Set<string> {
    return finishSteps(this.redundantInSteps());
  }

  /**
   * {@link redundant} as a generator yielding between steps of the dominance over the survivors
   * (thousands at a level when a fifth of a catalogue names prerequisites: up to 200 ms in one
   * piece), so a caller on a request's thread can pause; its return value is the answer.
   */
  *redundantInSteps(): Generator<void, Set<string>, void> {
    const redundant = this.dropped;
    const survivors = [...this.fronts.values()].flat();
    const dominated = yield* dominatedCoursesInSteps(
      survivors.map(({ course, resources, prerequisites }) => ({
        id: course.id,
        cost: resources.cost,
        hours: resources.hours,
        price: resources.price,
        covers: [],
        teaches: [...new Set(confidentTeaches(course, this.minConfidence))],
        prerequisites,
      })),
      { hoursBudgeted: this.hoursBudgeted, priceBudgeted: this.priceBudgeted, neededSkills: this.needed },
    );
    for (const index of dominated) redundant.add(survivors[index]!.course.id);
    return redundant;
  }

  /** B beats A (same offer): no more of anything that counts, and less of something or the smaller id. */
  private beats(b: Entry, a: Entry): boolean {
    const x = b.resources;
    const y = a.resources;
    if (x.cost > y.cost || (this.hoursBudgeted && x.hours > y.hours) || (this.priceBudgeted && x.price > y.price))
      return false;
    const less =
      x.cost < y.cost || (this.hoursBudgeted && x.hours < y.hours) || (this.priceBudgeted && x.price < y.price);
    return less || b.course.id < a.course.id;
  }

  /**
   * The objective cost, hours and price (in the plan's currency) the planner will see for
   * `course`, or null when a catalogue filter or missing data keeps it out of plans. Unknown hours
   * or price read as 0: they are only compared when budgeted, and a budget makes them known.
   */
  private plannedResources(course: CandidateCourse): Resources | null {
    const { request, rates } = this.context;
    if (catalogueExclusion(course, request.filter) !== null) return null;
    // Converted only where the planner will read it (most plans neither price nor budget it).
    const price =
      request.objective !== 'PRICE' && !this.priceBudgeted ? null : priceInCurrency(course, request.currency, rates);
    const facts = {
      id: course.id,
      hours: course.hours,
      price,
      ects: course.ects,
      covers: NONE,
      teaches: NONE,
      prerequisites: NONE,
    };
    if (courseIneligibility(facts, request.objective, this.budgets) !== undefined) return null;
    return { cost: courseCost(facts, request.objective)!, hours: effectiveHours(facts) ?? 0, price: price ?? 0 };
  }
}

/**
 * {@link PrerequisiteTeacherJudge} over a list at once: the ids of the redundant `teachers`.
 *
 * @example
 * // two courses teaching only the needed skill s, no prerequisites, 10 and 20 hours: the 20-hour one goes
 * redundantPrerequisiteTeachers([ten, twenty], { request, rates, needed: new Set(['s']) }) // Set { 'twenty' }
 */
export function redundantPrerequisiteTeachers(
  teachers: readonly CandidateCourse[],
  context: PrerequisiteTeacherContext,
): Set<string> {
  const judge = new PrerequisiteTeacherJudge(context);
  for (const course of teachers) judge.consider(course);
  return judge.redundant();
}

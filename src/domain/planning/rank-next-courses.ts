import { BadInputError } from '../errors';
import { courseCost, effectiveHours } from './course-cost';
import { courseIneligibility } from './planning-problem';
import type { ExcludedCourse, GapSkill, PlanBudgets, PlanCourse, PlanObjective } from './plan-types';
import { validatePlanInput } from './validate-plan-input';

/** Input of {@link rankNextCourses}: the same gap, catalogue, objective and budgets as a plan. */
export interface RankNextCoursesInput {
  readonly gap: readonly GapSkill[];
  readonly courses: readonly PlanCourse[];
  readonly objective: PlanObjective;
  readonly budgets?: PlanBudgets | null;
  /** Keep only the first `limit` entries (a positive integer); all by default. */
  readonly limit?: number | null;
}

/** One course as a candidate next step. */
export interface RankedCourse {
  readonly courseId: string;
  /** Σ weight of the gap skills it covers. */
  readonly gain: number;
  /** Gap skills it covers, in gap order. */
  readonly newlyCovered: readonly string[];
  /** {@link courseCost} under the objective. */
  readonly cost: number;
  /** gain / cost; null when the cost is 0 (such courses rank first). */
  readonly gainPerCost: number | null;
  /** Its prerequisites (none held by the subject): non-empty means it cannot be taken yet. */
  readonly missingPrerequisites: readonly string[];
}

export interface NextCourseRanking {
  readonly courses: readonly RankedCourse[];
  /** Ineligible courses and why, as in {@link PlanResult.excluded} (prerequisites aside). */
  readonly excluded: readonly ExcludedCourse[];
}

/**
 * Ranks single courses by weighted gap coverage per unit of cost under the objective.
 * Zero-cost courses come first (ordered by gain), since any gain for free beats any ratio;
 * then by gain per cost, then gain, then id. Courses covering no gap skill, or alone
 * exceeding a budget, are left out. Eligibility follows {@link courseCost} and the budgets as
 * in {@link planCourses}; courses with unmet prerequisites are ranked too, flagged by
 * `missingPrerequisites`, so a caller can filter or explain them.
 *
 * @example
 * rankNextCourses({ gap, courses, objective: 'PRICE', limit: 5 }).courses[0].courseId
 */
export function rankNextCourses(input: RankNextCoursesInput): NextCourseRanking {
  const { gap, courses, objective, budgets } = validatePlanInput({ ...input, timeLimitMs: null });
  const limit = input.limit ?? undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new BadInputError('limit must be a positive integer', { field: 'limit', value: limit });
  }
  const weights = new Map(gap.map((skill) => [skill.skillUri, skill.weight]));
  const excluded: ExcludedCourse[] = [];
  const ranked: RankedCourse[] = [];
  for (const course of courses) {
    const reason = courseIneligibility(course, objective, budgets);
    if (reason !== undefined) {
      excluded.push({ courseId: course.id, reason });
      continue;
    }
    const cost = courseCost(course, objective)!;
    const overBudget =
      (budgets.hours !== undefined && effectiveHours(course)! > budgets.hours) ||
      (budgets.price !== undefined && course.price! > budgets.price) ||
      budgets.count === 0;
    const covered = new Set(course.covers);
    const newlyCovered = gap.filter((skill) => covered.has(skill.skillUri)).map((skill) => skill.skillUri);
    const gain = newlyCovered.reduce((sum, uri) => sum + weights.get(uri)!, 0);
    if (overBudget || newlyCovered.length === 0) continue;
    ranked.push({
      courseId: course.id,
      gain,
      newlyCovered,
      cost,
      gainPerCost: cost === 0 ? null : gain / cost,
      missingPrerequisites: [...new Set(course.prerequisites)],
    });
  }
  ranked.sort(compareRanked);
  return { courses: limit === undefined ? ranked : ranked.slice(0, limit), excluded };
}

function compareRanked(a: RankedCourse, b: RankedCourse): number {
  const free = (course: RankedCourse): number => (course.cost === 0 ? 0 : 1);
  return (
    free(a) - free(b) ||
    (a.gainPerCost !== null && b.gainPerCost !== null ? b.gainPerCost - a.gainPerCost : 0) ||
    b.gain - a.gain ||
    (a.courseId < b.courseId ? -1 : a.courseId > b.courseId ? 1 : 0)
  );
}

import type { PlanCourse, PlanObjective } from './plan-types';

/**
 * Study hours assumed per ECTS credit when a course states only one of the two. ECTS defines
 * 1 credit as 25–30 hours of work; the low end keeps fallback estimates from inflating plans.
 */
export const HOURS_PER_ECTS = 25;

/**
 * A course's study hours: `hours`, else `ects × 25`, else null (unknown).
 *
 * @example
 * effectiveHours({ hours: null, ects: 2, ... }) // 50
 */
export function effectiveHours(course: Pick<PlanCourse, 'hours' | 'ects'>): number | null {
  if (course.hours != null) return course.hours;
  if (course.ects != null) return course.ects * HOURS_PER_ECTS;
  return null;
}

/**
 * A course's ECTS credits: `ects`, else `hours / 25`, else null (unknown).
 *
 * @example
 * effectiveEcts({ hours: 10, ects: null, ... }) // 0.4
 */
export function effectiveEcts(course: Pick<PlanCourse, 'hours' | 'ects'>): number | null {
  if (course.ects != null) return course.ects;
  if (course.hours != null) return course.hours / HOURS_PER_ECTS;
  return null;
}

/**
 * Cost of taking `course` under `objective`, or null when the cost is unknown and the course
 * is therefore ineligible for plans with that objective:
 * - HOURS: {@link effectiveHours} (null without hours and ECTS);
 * - ECTS: {@link effectiveEcts} (null without ECTS and hours);
 * - PRICE: `price`; an unpriced course is NOT treated as free, because a "free" plan built on
 *   missing data would be both cheapest and wrong, so it is null (excluded, reported);
 * - COUNT: 1.
 *
 * @example
 * courseCost({ hours: null, price: null, ects: 4, ... }, 'HOURS') // 100
 * courseCost({ hours: 8, price: null, ects: null, ... }, 'PRICE') // null
 */
export function courseCost(
  course: Pick<PlanCourse, 'hours' | 'price' | 'ects'>,
  objective: PlanObjective,
): number | null {
  switch (objective) {
    case 'HOURS':
      return effectiveHours(course);
    case 'ECTS':
      return effectiveEcts(course);
    case 'PRICE':
      return course.price;
    case 'COUNT':
      return 1;
  }
}

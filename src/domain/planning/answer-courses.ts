/**
 * The courses a planning answer names, which its reply reads the records of (a plan's steps, the
 * suggested courses, each reskilling option's steps).
 */
import type { PlanningJobResult } from './planning-job';

/**
 * The distinct course ids `answer` names, in the order its reply lists them, at most `max`.
 *
 * @example
 * coursesNamedBy({ kind: 'next', courses: [{ courseId: 'c2', ... }, { courseId: 'c1', ... }] }, 10); // ['c2', 'c1']
 * coursesNamedBy(reskilling, 3); // the first three distinct courses of its options' steps
 */
export function coursesNamedBy(answer: PlanningJobResult, max: number): string[] {
  const ids = new Set<string>();
  const add = (id: string) => {
    if (ids.size < max) ids.add(id);
  };
  switch (answer.kind) {
    case 'recommend':
      for (const step of answer.plan.steps) add(step.credentialId);
      break;
    case 'next':
      for (const course of answer.courses) add(course.courseId);
      break;
    case 'reskilling':
      for (const option of answer.options) for (const step of option.plan.steps) add(step.credentialId);
      break;
    case 'input':
      break;
  }
  return [...ids];
}

/**
 * An independent reference for planning tests: whether a selection of courses can be taken in
 * some order where each course comes after courses teaching all its prerequisites.
 */

/** A course as the reference sees it: the skills it teaches and those it requires. */
export interface OrderableCourse {
  readonly teaches: Iterable<string>;
  readonly prerequisites: readonly string[];
}

/**
 * The skills `chosen` teaches when some order takes every course after those teaching its
 * prerequisites, or null when no order does (a prerequisite nobody in it teaches, or a cycle).
 *
 * @example
 * taughtInSomeOrder([{ teaches: ['b'], prerequisites: ['a'] }, { teaches: ['a'], prerequisites: [] }]) // Set { 'a', 'b' }
 */
export function taughtInSomeOrder(chosen: readonly OrderableCourse[]): Set<string> | null {
  const taught = new Set<string>();
  const left = [...chosen];
  for (let progress = true; progress; ) {
    progress = false;
    for (const course of [...left])
      if (course.prerequisites.every((skill) => taught.has(skill))) {
        for (const skill of course.teaches) taught.add(skill);
        left.splice(left.indexOf(course), 1);
        progress = true;
      }
  }
  return left.length === 0 ? taught : null;
}

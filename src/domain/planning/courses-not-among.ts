/**
 * Which newly read courses a plan does not have yet, without a hash table of the courses it has.
 *
 * A reskilling plan gathers 12,000-18,000 candidate courses, then reads the teachers of unmet
 * prerequisites a level at a time, most of them a few hundred. Keeping the candidates in a map by
 * id only to answer "which of these are new" made that map's tables a fifth of what the request
 * thread's heavy plans kept past a young-generation collection (a large table per plan, moved
 * into the old generation and collected there). Hashing the shorter of the two lists does the
 * same with a table the size of a prerequisite level.
 */
import type { CandidateCourse } from './course-eligibility';

/**
 * The courses of `arriving` whose id is not the id of a course in `present`, each id once (its
 * first course), in `arriving`'s order. Hashes the ids of the shorter list only.
 *
 * @example
 * coursesNotAmong([course('b'), course('c'), course('b')], [course('a'), course('b')])
 * // [course('c')]
 */
export function coursesNotAmong(
  arriving: readonly CandidateCourse[],
  present: readonly CandidateCourse[],
): CandidateCourse[] {
  const fresh: CandidateCourse[] = [];
  if (arriving.length <= present.length) {
    const wanted = new Set<string>();
    for (const course of arriving) wanted.add(course.id);
    for (const course of present) wanted.delete(course.id);
    // Deleting on the way out keeps only the first course of an id that arrives twice.
    for (const course of arriving) if (wanted.delete(course.id)) fresh.push(course);
    return fresh;
  }
  const seen = new Set<string>();
  for (const course of present) seen.add(course.id);
  for (const course of arriving) {
    if (seen.has(course.id)) continue;
    seen.add(course.id);
    fresh.push(course);
  }
  return fresh;
}

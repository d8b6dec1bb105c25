import { int32ArrayOf } from '../typed-array-of';

/** What a {@link PrerequisiteReach} reads of a course (a catalogue's course or a planning problem's). */
export interface ReachCourse {
  readonly teaches: Iterable<string>;
  readonly prerequisites: readonly string[];
}

/**
 * Which courses some order of the courses can reach: a course becomes takeable once earlier
 * takeable courses teach all its prerequisites. Its own teaching never counts for itself, so a
 * self-prerequisite or a closed prerequisite cycle stays unreached.
 *
 * Built once per course list (an index from each prerequisite skill to the courses needing it),
 * then each walk is linear in the courses' skills: the ordering cuts walk it once per set of
 * courses they forbid.
 *
 * @example
 * // a needs p, which only b teaches; b needs q, which nothing teaches; c needs nothing:
 * new PrerequisiteReach([a, b, c]).blockedBy(new Set()) // Uint8Array [1, 1, 0]
 * new PrerequisiteReach([a, b, c]).blockedBy(new Set([2])) // Uint8Array [1, 1, 1]
 */
export class PrerequisiteReach {
  readonly #courses: readonly ReachCourse[];
  /** For each prerequisite skill, the courses needing it (a course twice if it lists it twice). */
  readonly #needers = new Map<string, number[]>();
  /** Each course's number of prerequisites, copied by every walk. */
  readonly #prerequisiteCounts: Int32Array;

  constructor(courses: readonly ReachCourse[]) {
    this.#courses = courses;
    this.#prerequisiteCounts = int32ArrayOf(courses, (course) => course.prerequisites.length);
    courses.forEach((course, index) => {
      for (const skill of course.prerequisites) {
        const needers = this.#needers.get(skill);
        if (needers === undefined) this.#needers.set(skill, [index]);
        else needers.push(index);
      }
    });
  }

  /** 1 for each course no order of the courses outside `forbidden` reaches (the forbidden ones included). */
  blockedBy(forbidden: ReadonlySet<number>): Uint8Array {
    const courses = this.#courses;
    const blocked = new Uint8Array(courses.length).fill(1);
    const missing = this.#prerequisiteCounts.slice();
    const taught = new Set<string>();
    const queue: number[] = [];
    for (let index = 0; index < courses.length; index += 1) {
      if (missing[index] === 0 && !forbidden.has(index)) queue.push(index);
    }
    // Without prerequisites every course not forbidden is reached as it stands.
    const anyNeeded = this.#needers.size > 0;
    for (let course = queue.pop(); course !== undefined; course = queue.pop()) {
      blocked[course] = 0;
      if (!anyNeeded) continue;
      // Most taught skills are nobody's prerequisite: one look-up each, nothing recorded.
      for (const skill of courses[course]!.teaches) {
        const needers = this.#needers.get(skill);
        if (needers === undefined || taught.has(skill)) continue;
        taught.add(skill);
        for (const needer of needers) {
          missing[needer] -= 1;
          if (missing[needer] === 0 && !forbidden.has(needer)) queue.push(needer);
        }
      }
    }
    return blocked;
  }
}

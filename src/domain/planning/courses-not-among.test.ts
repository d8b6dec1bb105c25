import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateCourse } from '../../../test/support/candidate-course';
import type { CandidateCourse } from './course-eligibility';
import { coursesNotAmong } from './courses-not-among';

/** What a map of the present courses by id, filled in order, would answer: the reference. */
function byMap(arriving: readonly CandidateCourse[], present: readonly CandidateCourse[]) {
  const known = new Map(present.map((course) => [course.id, course]));
  const fresh: CandidateCourse[] = [];
  for (const course of arriving) {
    if (known.has(course.id)) continue;
    known.set(course.id, course);
    fresh.push(course);
  }
  return fresh;
}

describe('coursesNotAmong', () => {
  it('keeps the first course of each id not present, in order, whichever list is shorter', () => {
    const course = fc
      .tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), fc.nat(3))
      .map(([id, variant]) => candidateCourse(id, [`skill-${variant}`]));
    fc.assert(
      fc.property(fc.array(course, { maxLength: 12 }), fc.array(course, { maxLength: 12 }), (arriving, present) => {
        const fresh = coursesNotAmong(arriving, present);
        expect(fresh).toEqual(byMap(arriving, present));
        // The very objects, not copies: the read model's courses are shared and packed by identity.
        for (const kept of fresh) expect(arriving).toContain(kept);
      }),
    );
  });

  it('answers the example of its documentation', () => {
    const [a, b, c, b2] = [
      candidateCourse('a', []),
      candidateCourse('b', []),
      candidateCourse('c', []),
      candidateCourse('b', ['x']),
    ];
    expect(coursesNotAmong([b!, c!, b2!], [a!, b!])).toEqual([c]);
    expect(coursesNotAmong([b!, c!, b2!, a!], [c!])).toEqual([b, a]);
    expect(coursesNotAmong([], [a!])).toEqual([]);
  });
});

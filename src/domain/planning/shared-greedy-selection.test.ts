import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { greedySelection } from './greedy-plan';
import { preparePlanningProblem } from './planning-problem';
import { sharedGreedySelection } from './shared-greedy-selection';
import type { PlanCourse } from './plan-types';
import { validatePlanInput } from './validate-plan-input';

const skillUri = fc.constantFrom('s0', 's1', 's2', 's3', 's4');

const course = (id: number) =>
  fc
    .record({
      hours: fc.integer({ min: 1, max: 40 }),
      covers: fc.uniqueArray(skillUri, { minLength: 1, maxLength: 3 }),
      prerequisites: fc.uniqueArray(skillUri, { maxLength: 1 }),
    })
    .map(
      ({ hours, covers, prerequisites }): PlanCourse => ({
        id: `c${id}`,
        hours,
        price: null,
        ects: null,
        covers,
        teaches: covers,
        prerequisites: prerequisites.filter((uri) => !covers.includes(uri)),
      }),
    );

const catalogue = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => course(i))));

function problemOf(courses: readonly PlanCourse[], gap: readonly string[]) {
  return preparePlanningProblem(
    validatePlanInput({
      gap: gap.map((uri) => ({ skillUri: uri, weight: 1 })),
      courses: [...courses],
      objective: 'HOURS',
      timeLimitMs: 1_000,
    }),
  );
}

describe('sharedGreedySelection', () => {
  it('is the greedy cover, computed once for a problem and its copies, again for another problem', () => {
    fc.assert(
      fc.property(catalogue, fc.uniqueArray(skillUri, { minLength: 1, maxLength: 5 }), (courses, gap) => {
        const problem = problemOf(courses, gap);
        const first = sharedGreedySelection(problem);
        expect(first).toEqual(greedySelection(problem));
        // A second pass's copy with its own time limit shares the lists: the same cover, not a new one.
        expect(sharedGreedySelection({ ...problem, timeLimitMs: 5 })).toBe(first);
        // A problem with other skill lists is not taken for it, even over the same course list.
        const other = { ...problem, skills: [...problem.skills] };
        const otherCover = sharedGreedySelection(other);
        expect(otherCover).not.toBe(first);
        expect(otherCover).toEqual(first);
        const narrower = problemOf(courses, gap.slice(0, 1));
        expect(sharedGreedySelection(narrower)).toEqual(greedySelection(narrower));
      }),
      { numRuns: 100 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LinearRow } from './linear-model';
import { orderSelection } from './order-selection';
import { orderingCuts } from './ordering-cut';
import type { PlanCourse } from './plan-types';
import { preparePlanningProblem } from './planning-problem';
import { validatePlanInput } from './validate-plan-input';

const SKILLS = ['s0', 's1', 's2', 'p0', 'p1', 'p2'];
const PREREQUISITES = ['p0', 'p1', 'p2'];

const catalogue: fc.Arbitrary<PlanCourse[]> = fc
  .array(
    fc.record({
      covers: fc.subarray(['s0', 's1', 's2'], { minLength: 1 }),
      teaches: fc.subarray(PREREQUISITES),
      prerequisites: fc.subarray(PREREQUISITES, { maxLength: 2 }),
      hours: fc.integer({ min: 1, max: 9 }),
    }),
    { minLength: 2, maxLength: 8 },
  )
  .map((bodies) =>
    bodies.map((body, index) => ({
      id: `c${index}`,
      hours: body.hours,
      price: null,
      ects: null,
      covers: body.covers,
      teaches: [...body.covers, ...body.teaches],
      prerequisites: body.prerequisites,
    })),
  );

const violates = (cut: LinearRow, selection: ReadonlySet<number>): boolean =>
  cut.terms.reduce((sum, [column, coefficient]) => sum + (selection.has(column) ? coefficient : 0), 0) > cut.rhs;

describe('orderingCuts', () => {
  it('cut off each stuck course of the selection and never an orderable plan', () => {
    fc.assert(
      fc.property(catalogue, fc.integer({ min: 0, max: 255 }), (courses, mask) => {
        const problem = preparePlanningProblem(
          validatePlanInput({
            gap: SKILLS.slice(0, 3).map((skillUri) => ({ skillUri, weight: 1 })),
            courses,
            objective: 'HOURS',
          }),
        );
        const n = problem.courses.length;
        const selection = problem.courses.flatMap((_, index) => (mask & (1 << index) ? [index] : []));
        const order = orderSelection(problem, selection);
        fc.pre(!order.ok);
        if (order.ok) return;
        const cuts = orderingCuts(problem, selection, order.stuck);
        expect(cuts.length).toBeGreaterThan(0);
        // Every stuck course gets a row the selection breaks; rows for unselected courses it blocks come along.
        const selected = new Set(selection);
        for (const course of order.stuck) {
          expect(cuts.some((cut) => cut.terms[0]![0] === course && violates(cut, selected))).toBe(true);
        }
        for (let other = 0; other < 1 << n; other += 1) {
          const subset = problem.courses.flatMap((_, index) => (other & (1 << index) ? [index] : []));
          if (!orderSelection(problem, subset).ok) continue;
          for (const cut of cuts) expect(violates(cut, new Set(subset))).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('name only real ways in, and cut the unselected courses the cycle blocks', () => {
    // z looks like a second way into the a-b cycle (it teaches p0) but needs p1, which only b teaches.
    const rows = cutsOf(
      [
        course('a', 1, ['s0'], ['p0'], ['p1']),
        course('b', 1, ['s1'], ['p1'], ['p0']),
        course('z', 1, ['s2'], ['p0'], ['p1']),
        course('t', 5, [], ['p0'], []),
      ],
      ['a', 'b'],
    );
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining(['a', 'b', 'z'].map((id) => ({ course: [id], without: ['t'], rhs: 0 }))),
    );
  });

  it('gives separate cycles separate cuts', () => {
    const rows = cutsOf(
      [
        course('a', 1, ['s0'], ['p0'], ['p1']),
        course('b', 1, ['s1'], ['p1'], ['p0']),
        course('c', 1, ['s2'], ['p2'], ['p3']),
        course('d', 1, ['s3'], ['p3'], ['p2']),
        course('root0', 1, [], ['p0'], []),
        course('root2', 1, [], ['p2'], []),
      ],
      ['a', 'b', 'c', 'd'],
    );
    // Each course of a cycle needs that cycle's own way in, and nothing else.
    expect(rows).toEqual(
      expect.arrayContaining([
        { course: ['a'], without: ['root0'], rhs: 0 },
        { course: ['b'], without: ['root0'], rhs: 0 },
        { course: ['c'], without: ['root2'], rhs: 0 },
        { course: ['d'], without: ['root2'], rhs: 0 },
      ]),
    );
  });
});

function course(id: string, hours: number, covers: string[], teaches: string[], needs: string[]): PlanCourse {
  return { id, hours, price: null, ects: null, covers, teaches, prerequisites: needs };
}

/** The cuts of an unorderable selection (by id) over `courses`, as readable rows; every covered skill is a gap skill. */
function cutsOf(
  courses: PlanCourse[],
  selected: string[],
): { course: (string | undefined)[]; without: (string | undefined)[]; rhs: number }[] {
  const gap = [...new Set(courses.flatMap((entry) => entry.covers))];
  const problem = preparePlanningProblem(
    validatePlanInput({ gap: gap.map((skillUri) => ({ skillUri, weight: 1 })), courses, objective: 'HOURS' }),
  );
  const ids = problem.courses.map((entry) => entry.id);
  const selection = selected.map((id) => ids.indexOf(id)).sort((x, y) => x - y);
  const order = orderSelection(problem, selection);
  expect(order.ok).toBe(false);
  if (order.ok) return [];
  return orderingCuts(problem, selection, order.stuck).map((cut) => ({
    course: cut.terms.filter(([, c]) => c > 0).map(([column]) => ids[column]),
    without: cut.terms.filter(([, c]) => c < 0).map(([column]) => ids[column]),
    rhs: cut.rhs,
  }));
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cheapestProviders, type ProviderCourse } from './cheapest-providers';

/** The quadratic scan the greedy planner used before (the reference): same rule, no heap, no index. */
function cheapestProvidersByScan(
  courses: readonly ProviderCourse[],
  teachers: ReadonlyMap<string, readonly number[]>,
  taught: ReadonlySet<string>,
  taken: ReadonlySet<number>,
): Map<string, number> {
  const provider = new Map<string, number>();
  const pending = courses.map((course) => course.prerequisites.filter((skill) => !taught.has(skill)).length);
  const value = courses.map((course) => course.cost);
  const done = courses.map((_, index) => taken.has(index));
  for (;;) {
    let next = -1;
    courses.forEach((_, index) => {
      if (!done[index] && pending[index] === 0 && (next < 0 || value[index]! < value[next]!)) next = index;
    });
    if (next < 0) return provider;
    done[next] = true;
    for (const skill of courses[next]!.teaches) {
      if (taught.has(skill) || provider.has(skill) || !teachers.has(skill)) continue;
      provider.set(skill, next);
      courses.forEach((course, index) => {
        if (done[index] || !course.prerequisites.includes(skill)) return;
        pending[index]! -= 1;
        value[index]! += value[next]!;
      });
    }
  }
}

const SKILLS = ['p', 'q', 'r', 's', 't'];

function teachersOf(courses: readonly ProviderCourse[]): Map<string, number[]> {
  const needed = new Set(courses.flatMap((c) => c.prerequisites));
  const teachers = new Map<string, number[]>();
  courses.forEach((course, index) => {
    for (const skill of course.teaches)
      if (needed.has(skill)) teachers.set(skill, [...(teachers.get(skill) ?? []), index]);
  });
  return teachers;
}

describe('cheapestProviders', () => {
  it('chains a derivation when it is cheaper than a direct teacher', () => {
    const courses: ProviderCourse[] = [
      { cost: 1, teaches: ['q'], prerequisites: [] },
      { cost: 5, teaches: ['p'], prerequisites: ['q'] },
      { cost: 7, teaches: ['p'], prerequisites: [] },
      { cost: 0, teaches: [], prerequisites: ['p'] },
    ];
    expect(cheapestProviders(courses, teachersOf(courses), new Set(), new Set())).toEqual(
      new Map([
        ['q', 0],
        ['p', 1],
      ]),
    );
    // With "q" taught already, p's derivation through course 1 costs 5 alone.
    expect(cheapestProviders(courses, teachersOf(courses), new Set(['q']), new Set()).get('p')).toBe(1);
    // A taken course is never a provider.
    expect(cheapestProviders(courses, teachersOf(courses), new Set(), new Set([0])).get('p')).toBe(2);
  });

  it('equals the quadratic scan it replaced, on random catalogues with cycles and ties', () => {
    const course = fc.record({
      cost: fc.integer({ min: 0, max: 6 }),
      teaches: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 3 }),
      prerequisites: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(course, { maxLength: 30 }),
        fc.subarray(SKILLS),
        fc.array(fc.nat(29), { maxLength: 4 }),
        (rows, taughtSkills, takenIndices) => {
          const courses = rows.map((row) => ({ ...row, teaches: row.teaches }));
          const teachers = teachersOf(courses);
          const taught = new Set(taughtSkills);
          const taken = new Set(takenIndices.filter((i) => i < courses.length));
          expect(cheapestProviders(courses, teachers, taught, taken)).toEqual(
            cheapestProvidersByScan(courses, teachers, taught, taken),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dominatedCourses, type DominanceFacts } from './dominated-courses';

const facts = (id: string, over: Partial<DominanceFacts> = {}): DominanceFacts => ({
  id,
  cost: 10,
  hours: 10,
  price: 10,
  covers: [0],
  teaches: [],
  prerequisites: [],
  ...over,
});
const context = { hoursBudgeted: false, priceBudgeted: false, neededSkills: new Set(['p']) };

describe('dominatedCourses', () => {
  it('drops a course another covers more of for less', () => {
    expect(dominatedCourses([facts('a'), facts('b', { covers: [0, 1], cost: 9 })], context)).toEqual(new Set([0]));
  });

  it('keeps the smaller id of exact twins', () => {
    expect(dominatedCourses([facts('b'), facts('a')], context)).toEqual(new Set([0]));
  });

  it('keeps a course that teaches a needed prerequisite or needs less', () => {
    const teacher = facts('a', { teaches: ['p'] });
    expect(dominatedCourses([teacher, facts('b', { cost: 1 })], context)).toEqual(new Set());
    const needy = facts('b', { cost: 1, prerequisites: ['p'] });
    expect(dominatedCourses([facts('a'), needy], context)).toEqual(new Set());
  });

  it('respects budgeted resources even when the objective is cheaper', () => {
    const cheapButLong = facts('b', { cost: 1, hours: 50 });
    expect(dominatedCourses([facts('a'), cheapButLong], context)).toEqual(new Set([0]));
    expect(dominatedCourses([facts('a'), cheapButLong], { ...context, hoursBudgeted: true })).toEqual(new Set());
  });
});

/** The definition, pair by pair, without any index (the reference the indexed scan must equal). */
function dominatedByDefinition(courses: readonly DominanceFacts[], ctx: typeof context): Set<number> {
  const needed = (c: DominanceFacts) => [...c.teaches].filter((s) => ctx.neededSkills.has(s));
  const dominated = new Set<number>();
  courses.forEach((a, ai) => {
    for (const [bi, b] of courses.entries()) {
      if (bi === ai || b.cost > a.cost) continue;
      const hoursWorse = ctx.hoursBudgeted && (b.hours ?? 0) > (a.hours ?? 0);
      const priceWorse = ctx.priceBudgeted && (b.price ?? 0) > (a.price ?? 0);
      if (hoursWorse || priceWorse) continue;
      if (!a.covers.every((s) => b.covers.includes(s))) continue;
      if (!needed(a).every((s) => b.teaches.includes(s))) continue;
      if (!b.prerequisites.every((s) => a.prerequisites.includes(s))) continue;
      const better =
        b.cost < a.cost ||
        (ctx.hoursBudgeted && (b.hours ?? 0) < (a.hours ?? 0)) ||
        (ctx.priceBudgeted && (b.price ?? 0) < (a.price ?? 0)) ||
        new Set(b.covers).size > new Set(a.covers).size ||
        needed(b).length > needed(a).length ||
        new Set(b.prerequisites).size < new Set(a.prerequisites).size;
      if (better || b.id < a.id) {
        dominated.add(ai);
        return;
      }
    }
  });
  return dominated;
}

describe('dominatedCourses against its definition', () => {
  const skills = ['p', 'q', 'r', 'x'];
  const course = fc.record({
    cost: fc.integer({ min: 0, max: 4 }),
    hours: fc.integer({ min: 0, max: 3 }),
    price: fc.integer({ min: 0, max: 3 }),
    // Often no gap skill at all: courses that only teach prerequisites.
    covers: fc.oneof(fc.constant([] as number[]), fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 3 })),
    teaches: fc.uniqueArray(fc.constantFrom(...skills), { maxLength: 3 }),
    prerequisites: fc.uniqueArray(fc.constantFrom(...skills), { maxLength: 2 }),
  });

  it('drops exactly the courses some other course dominates, prerequisite-only courses included', () => {
    fc.assert(
      fc.property(
        fc.array(course, { maxLength: 25 }),
        fc.boolean(),
        fc.boolean(),
        fc.subarray(skills),
        (rows, hoursBudgeted, priceBudgeted, needed) => {
          const courses = rows.map((row, i) => ({ ...row, id: `c${i % 7}-${i}`, teaches: row.teaches }));
          const ctx = { hoursBudgeted, priceBudgeted, neededSkills: new Set(needed) };
          expect(dominatedCourses(courses, ctx)).toEqual(dominatedByDefinition(courses, ctx));
        },
      ),
      { numRuns: 400 },
    );
  });
});

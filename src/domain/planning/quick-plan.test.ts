import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { planCourses } from './plan-courses';
import type { PlanCourse, PlanObjective } from './plan-types';
import { needsQuickPlans, QUICK_PLAN_MIN_CANDIDATES, QUICK_PLAN_MIN_PREREQUISITE_SHARE, quickPlan } from './quick-plan';
import { warmUpPlanner } from './warm-up-planner';

const GAP = ['s0', 's1', 's2', 's3', 's4'];
const PREREQUISITE_SKILLS = ['p0', 'p1'];

const course = fc.record({
  hours: fc.integer({ min: 0, max: 30 }),
  price: fc.integer({ min: 0, max: 300 }),
  covers: fc.subarray(GAP, { minLength: 1, maxLength: 3 }),
  extra: fc.subarray(PREREQUISITE_SKILLS, { maxLength: 1 }),
  prerequisites: fc.oneof(fc.constant([] as string[]), fc.subarray(PREREQUISITE_SKILLS, { minLength: 1 })),
});

const catalogue = fc.array(course, { minLength: 1, maxLength: 9 }).map((rows) =>
  rows.map(
    (row, i): PlanCourse => ({
      id: `c${i}`,
      hours: row.hours,
      price: row.price,
      ects: null,
      covers: row.covers,
      teaches: [...row.covers, ...row.extra],
      prerequisites: row.prerequisites,
    }),
  ),
);

describe('quickPlan', () => {
  beforeAll(warmUpPlanner);

  it('never claims optimality, uses only courses without prerequisites, and bounds the exact optimum', async () => {
    await fc.assert(
      fc.asyncProperty(
        catalogue,
        fc.constantFrom<PlanObjective>('HOURS', 'PRICE', 'COUNT'),
        async (courses, objective) => {
          const input = {
            gap: GAP.map((skillUri) => ({ skillUri, weight: 1 })),
            courses,
            objective,
            timeLimitMs: 5_000,
          };
          const quick = quickPlan(input, () => performance.now());
          const exact = await planCourses(input);
          expect(quick.optimal).toBe(false);
          const free = new Set(courses.filter((c) => c.prerequisites.length === 0).map((c) => c.id));
          expect(quick.steps.every((step) => free.has(step.courseId))).toBe(true);
          expect(quick.lowerBound).toBeLessThanOrEqual(quick.objectiveValue);
          expect(quick.coverageUpperBound).toBeGreaterThanOrEqual(exact.coveredWeight - 1e-9);
          expect([...quick.uncoverable, ...quick.uncoveredWithinBudget, ...quick.coveredSkills].sort()).toEqual(GAP);
          if (exact.optimal && exact.uncoveredWithinBudget.length === 0)
            expect(quick.lowerBound).toBeLessThanOrEqual(exact.objectiveValue + 1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('bounds only by skills surely coverable: a skill whose one course needs an untaught prerequisite does not count', async () => {
    const course = (id: string, price: number, covers: string[], prerequisites: string[] = []): PlanCourse => ({
      id,
      hours: 0,
      price,
      ects: null,
      covers,
      teaches: covers,
      prerequisites,
    });
    const input = {
      gap: GAP.map((skillUri) => ({ skillUri, weight: 1 })),
      courses: [
        course('c0', 2, ['s2', 's3']),
        course('c1', 149, ['s2', 's3', 's4']),
        course('c2', 148, ['s4']),
        // s0's only course needs p1, which no course teaches: s0 is uncoverable.
        course('c3', 150, ['s0'], ['p1']),
      ],
      objective: 'PRICE' as const,
      timeLimitMs: 5_000,
    };
    const exact = await planCourses(input);
    expect(exact).toMatchObject({ optimal: true, objectiveValue: 149, uncoveredWithinBudget: [] });
    expect(quickPlan(input, () => performance.now()).lowerBound).toBeLessThanOrEqual(149);
  });

  it('bounds by the cheapest shares of the courses when they say more than the dearest single course', async () => {
    // Three skills, three courses of 2 hours each covering two of them: any full cover takes two
    // courses (4 hours). The dearest cheapest course says 2; each skill's cheapest share is 1 hour,
    // so every full cover pays at least 3.
    const course = (id: string, covers: string[]): PlanCourse => ({
      id,
      hours: 2,
      price: null,
      ects: null,
      covers,
      teaches: covers,
      prerequisites: [],
    });
    const input = {
      gap: ['a', 'b', 'c'].map((skillUri) => ({ skillUri, weight: 1 })),
      courses: [course('ab', ['a', 'b']), course('bc', ['b', 'c']), course('ac', ['a', 'c'])],
      objective: 'HOURS' as const,
      timeLimitMs: 5_000,
    };
    const quick = quickPlan(input, () => performance.now());
    expect(quick.objectiveValue).toBe(4);
    expect(quick.lowerBound).toBe(3);
    expect((await planCourses(input)).objectiveValue).toBe(4);
  });
});

describe('needsQuickPlans', () => {
  it('asks for quick plans only with many candidates and a good share of unmet prerequisites', () => {
    const many = QUICK_PLAN_MIN_CANDIDATES;
    const share = Math.ceil(QUICK_PLAN_MIN_PREREQUISITE_SHARE * many);
    expect(needsQuickPlans(many, share)).toBe(true);
    expect(needsQuickPlans(many, share - 1)).toBe(false);
    expect(needsQuickPlans(many - 1, many - 1)).toBe(false);
    // A reskilling job's union of courses: many, with about 1 % naming unmet prerequisites.
    expect(needsQuickPlans(9_000, 90)).toBe(false);
    expect(needsQuickPlans(18_000, 3_600)).toBe(true);
  });
});

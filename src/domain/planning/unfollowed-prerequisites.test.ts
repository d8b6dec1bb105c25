/**
 * Plans over courses gathered without following some prerequisites (the plan's time ran out):
 * nothing is claimed about what nobody looked at. A course needing such a prerequisite that no
 * given course teaches is left out as `prerequisites-not-followed`, not as unattainable; gap skills
 * only it covers are uncovered, not uncoverable; and the plan is not proven optimal, with a lower
 * bound of 0.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planCourses } from './plan-courses';
import type { PlanCourse, PlanInput } from './plan-types';

const course = (id: string, hours: number, teaches: string[], prerequisites: string[] = [], covers = teaches) => ({
  id,
  hours,
  price: null,
  ects: null,
  covers: covers.filter((uri) => uri.startsWith('s')),
  teaches,
  prerequisites,
});

const gap = [
  { skillUri: 's0', weight: 1 },
  { skillUri: 's1', weight: 2 },
];

const plan = (courses: PlanCourse[], unfollowed?: string[]) =>
  planCourses({ gap, courses, objective: 'HOURS', timeLimitMs: 2_000, unfollowedPrerequisites: unfollowed });

describe('unfollowed prerequisites', () => {
  const both = course('both', 5, ['s0', 's1'], ['p0']);
  const first = course('first', 3, ['s0']);
  const teacher = course('teacher', 2, ['p0']);

  it('plans optimally when every prerequisite was followed', async () => {
    const result = await plan([both, first, teacher]);
    expect(result.steps.map((s) => s.courseId)).toEqual(['teacher', 'both']);
    expect(result.optimal).toBe(true);
    expect(result.lowerBound).toBe(7);
  });

  it('reports a course whose prerequisite nobody teaches as unattainable, and its skills as uncoverable', async () => {
    const result = await plan([both, first]);
    expect(result.excluded).toEqual([{ courseId: 'both', reason: 'prerequisites-unattainable' }]);
    expect(result.uncoverable).toEqual(['s1']);
    expect(result.uncoveredWithinBudget).toEqual([]);
    expect(result.optimal).toBe(true);
  });

  it('claims nothing about a course whose prerequisite was not followed', async () => {
    const result = await plan([both, first], ['p0']);
    expect(result.steps.map((s) => s.courseId)).toEqual(['first']);
    expect(result.excluded).toEqual([{ courseId: 'both', reason: 'prerequisites-not-followed' }]);
    expect(result.uncoverable).toEqual([]);
    expect(result.uncoveredWithinBudget).toEqual(['s1']);
    expect(result.optimal).toBe(false);
    expect(result.lowerBound).toBe(0);
    // s1 (weight 2) might be reached through the course nobody could check.
    expect(result.coverageUpperBound).toBe(3);
  });

  it('is not proven optimal when a course is takeable only through the teachers it saw', async () => {
    // `both` is takeable after the dear `dearTeacher`; a cheaper teacher of p0 may exist unseen.
    const dearTeacher = course('dear-teacher', 9, ['p0', 's0']);
    const result = await plan([both, dearTeacher], ['p0']);
    expect(result.excluded).toEqual([]);
    expect(result.steps.map((s) => s.courseId)).toEqual(['dear-teacher', 'both']);
    expect(result.optimal).toBe(false);
    expect(result.lowerBound).toBe(0);
  });

  it('stays optimal when no course needs an unfollowed prerequisite', async () => {
    const result = await plan([first, course('second', 4, ['s1'])], ['p0']);
    expect(result.optimal).toBe(true);
    expect(result.lowerBound).toBe(7);
  });

  it('never calls a gap skill uncoverable that a course takeable in the whole catalogue covers', async () => {
    const SKILLS = ['s0', 's1'];
    const PREREQUISITES = ['p0', 'p1', 'p2'];
    const arbitraryCourse = fc.record({
      hours: fc.integer({ min: 1, max: 9 }),
      teaches: fc.subarray([...SKILLS, ...PREREQUISITES], { minLength: 1, maxLength: 3 }),
      prerequisites: fc.subarray(PREREQUISITES, { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryCourse, { minLength: 1, maxLength: 7 }),
        fc.subarray(PREREQUISITES, { minLength: 1 }),
        async (bodies, unfollowed) => {
          const whole = bodies.map((b, i) => course(`c${i}`, b.hours, b.teaches, b.prerequisites));
          // What gathering would have: every course covering the gap, and every teacher of the
          // prerequisites it followed; those teaching only unfollowed ones (and covering nothing)
          // nobody saw.
          const seen = whole.filter(
            (c) =>
              c.covers.length > 0 || c.teaches.some((uri) => PREREQUISITES.includes(uri) && !unfollowed.includes(uri)),
          );
          const result = await plan(seen, unfollowed);
          const takeable = new Set<string>();
          let grew = true;
          const taken = new Set<string>();
          while (grew) {
            grew = false;
            for (const c of whole)
              if (!taken.has(c.id) && c.prerequisites.every((p) => takeable.has(p))) {
                taken.add(c.id);
                for (const uri of c.teaches) takeable.add(uri);
                grew = true;
              }
          }
          for (const uri of result.uncoverable) expect(takeable.has(uri)).toBe(false);
          // Every gap skill is covered, uncovered or uncoverable, once.
          expect([...result.coveredSkills, ...result.uncoveredWithinBudget, ...result.uncoverable].sort()).toEqual(
            SKILLS,
          );
          if (seen.some((c) => c.prerequisites.some((p) => unfollowed.includes(p)))) {
            expect(result.optimal).toBe(false);
            expect(result.lowerBound).toBe(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

// The planner's input type accepts the field (a compile-time check that it is public API).
const _input: PlanInput = { gap, courses: [], objective: 'HOURS', unfollowedPrerequisites: ['p0'] };
void _input;

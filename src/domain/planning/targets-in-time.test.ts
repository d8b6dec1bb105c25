import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateCourse } from '../../../test/support/candidate-course';
import { allTargetsFit, firstTargetServed, targetsThatFit } from './targets-in-time';

const target = (...skills: string[]) => ({ gap: skills.map((skillUri) => ({ skillUri })) });

describe('firstTargetServed', () => {
  it('gives each course the first target whose gap one of its skills covers, -1 for none', () => {
    const targets = [target('a'), target('b', 'c'), target('a', 'd')];
    // b is covered by b itself and by its narrower b2; d by nothing taught.
    const covering = new Map([
      ['a', new Set(['a'])],
      ['b', new Set(['b', 'b2'])],
      ['c', new Set(['c'])],
      ['d', new Set<string>()],
    ]);
    const courses = [
      candidateCourse('teaches b2', ['b2']),
      candidateCourse('teaches c and a', ['c', 'a']),
      candidateCourse('teaches a prerequisite', ['p']),
      candidateCourse('teaches d', ['d']),
    ];
    expect([...firstTargetServed(targets, covering, courses)]).toEqual([1, 0, -1, -1]);
  });
});

/** Each course's first target served as drawn, -1 (none) or any target index before wrapping. */
const rawAssignment = fc.array(fc.integer({ min: -1, max: 7 }), { maxLength: 60 });

/** A drawn assignment as `firstTargetServed` gives it for `targets` targets. */
function firstTargets(raw: readonly number[], targets: number): Int32Array {
  return Int32Array.from(raw.map((t) => (t < 0 ? -1 : t % targets)));
}

describe('targetsThatFit', () => {
  it('keeps the leading targets whose courses fit the budget, the first always', () => {
    const first = Int32Array.of(0, 0, 1, 2, 2, 2, -1);
    // 10 ms a course: target 0 with the unassigned course is 3 courses, 0-1 is 4, 0-2 is 7.
    expect(targetsThatFit(first, 3, (n) => 10 * n, 45)).toBe(2);
    expect(targetsThatFit(first, 3, (n) => 10 * n, 70)).toBe(3);
    expect(targetsThatFit(first, 3, (n) => 10 * n, 5)).toBe(1);
    // A single target is never cut.
    expect(targetsThatFit(Int32Array.of(0, 0), 1, () => Number.POSITIVE_INFINITY, 0)).toBe(1);
  });

  it('keeps the most leading targets that fit, and more with more budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        rawAssignment,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 20 }),
        (targets, raw, budget, more, perCourse) => {
          const first = firstTargets(raw, targets);
          const lead = (n: number) => perCourse * n;
          const kept = targetsThatFit(first, targets, lead, budget);
          const coursesOf = (k: number) => [...first].filter((t) => t < k).length;
          expect(kept).toBeGreaterThanOrEqual(1);
          expect(kept).toBeLessThanOrEqual(targets);
          // What it keeps fits (beyond the first target, which is always kept) ...
          if (kept > 1) expect(lead(coursesOf(kept))).toBeLessThanOrEqual(budget);
          // ... and one more target would not.
          if (kept < targets) expect(lead(coursesOf(kept + 1))).toBeGreaterThan(budget);
          expect(targetsThatFit(first, targets, lead, budget + more)).toBeGreaterThanOrEqual(kept);
        },
      ),
    );
  });
});

describe('allTargetsFit', () => {
  it('is true exactly when targetsThatFit would keep every target, whatever course serves which', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        rawAssignment,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 0, max: 50 }),
        (targets, raw, budget, perCourse, fixed) => {
          const first = firstTargets(raw, targets);
          // A lead that grows with the courses, as the compute tier's does (a rate and a margin).
          const lead = (n: number) => fixed + perCourse * n;
          if (allTargetsFit(first.length, lead, budget)) {
            expect(targetsThatFit(first, targets, lead, budget)).toBe(targets);
          } else if (first.every((t) => t === 0)) {
            // Every course serves the first target, which is always kept: only it is.
            expect(targetsThatFit(first, targets, lead, budget)).toBe(1);
          }
        },
      ),
    );
  });

  it('compares the lead of every course with the budget', () => {
    expect(allTargetsFit(6, (n) => 10 * n, 60)).toBe(true);
    expect(allTargetsFit(6, (n) => 10 * n, 59)).toBe(false);
    expect(allTargetsFit(0, () => 0, 0)).toBe(true);
  });
});

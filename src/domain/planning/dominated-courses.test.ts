import { describe, expect, it } from 'vitest';
import { dominatedCourses, type DominanceFacts } from './dominated-courses';

const facts = (id: string, over: Partial<DominanceFacts> = {}): DominanceFacts => ({
  id,
  cost: 10,
  hours: 10,
  price: 10,
  covers: [0],
  teaches: new Set(),
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
    const teacher = facts('a', { teaches: new Set(['p']) });
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

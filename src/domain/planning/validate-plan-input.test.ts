import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors';
import type { PlanCourse, PlanInput } from './plan-types';
import { DEFAULT_PLAN_TIME_LIMIT_MS, validatePlanInput } from './validate-plan-input';

const course: PlanCourse = { id: 'a', hours: 1, price: 1, ects: 1, covers: ['s'], teaches: ['s'], prerequisites: [] };
const base: PlanInput = { gap: [{ skillUri: 's', weight: 1 }], courses: [course], objective: 'HOURS' };

describe('validatePlanInput', () => {
  it('fills defaults', () => {
    expect(validatePlanInput(base)).toMatchObject({
      timeLimitMs: DEFAULT_PLAN_TIME_LIMIT_MS,
      budgets: { hours: undefined, price: undefined, count: undefined },
    });
  });

  it.each<[string, PlanInput]>([
    ['negative budget', { ...base, budgets: { maxTotalHours: -1 } }],
    ['NaN budget', { ...base, budgets: { maxTotalPrice: Number.NaN } }],
    ['fractional course budget', { ...base, budgets: { maxCourses: 1.5 } }],
    ['NaN cost', { ...base, courses: [{ ...course, hours: Number.NaN }] }],
    ['negative cost', { ...base, courses: [{ ...course, price: -5 }] }],
    ['infinite cost', { ...base, courses: [{ ...course, ects: Infinity }] }],
    ['duplicate course ids', { ...base, courses: [course, { ...course }] }],
    ['duplicate gap skills', { ...base, gap: [...base.gap, { skillUri: 's', weight: 0.5 }] }],
    ['negative weight', { ...base, gap: [{ skillUri: 's', weight: -0.1 }] }],
    ['unknown objective', { ...base, objective: 'SPEED' as never }],
    ['zero time limit', { ...base, timeLimitMs: 0 }],
    ['non-string skill', { ...base, courses: [{ ...course, covers: [42 as never] }] }],
  ])('rejects %s', (_, input) => {
    expect(() => validatePlanInput(input)).toThrow(BadInputError);
  });
});

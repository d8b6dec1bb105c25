import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors';
import type { PlanCourse } from './plan-types';
import { rankNextCourses } from './rank-next-courses';

const c = (id: string, price: number | null, covers: string[], prerequisites: string[] = []): PlanCourse => ({
  id,
  hours: 10,
  price,
  ects: null,
  covers,
  teaches: covers,
  prerequisites,
});
const gap = [
  { skillUri: 's0', weight: 1 },
  { skillUri: 's1', weight: 1 },
  { skillUri: 's2', weight: 0.5 },
];

describe('rankNextCourses', () => {
  it('ranks free courses first, then by gain per cost, gain and id', () => {
    const ranking = rankNextCourses({
      gap,
      objective: 'PRICE',
      courses: [
        c('ratio-1', 100, ['s0']),
        c('ratio-2', 100, ['s0', 's1'], ['p']),
        c('free-small', 0, ['s2']),
        c('free-big', 0, ['s0', 's1']),
        c('b-ratio-1-big', 200, ['s0', 's1']),
        c('a-ratio-1', 100, ['s1']),
        c('useless', 1, ['other']),
        c('unpriced', null, ['s0']),
      ],
    });
    expect(ranking.courses.map((entry) => entry.courseId)).toEqual([
      'free-big',
      'free-small',
      'ratio-2',
      'b-ratio-1-big',
      'a-ratio-1',
      'ratio-1',
    ]);
    expect(ranking.courses[2]).toMatchObject({ gain: 2, gainPerCost: 0.02, missingPrerequisites: ['p'] });
    expect(ranking.courses[0]!.gainPerCost).toBeNull();
    expect(ranking.excluded).toEqual([{ courseId: 'unpriced', reason: 'price-unknown' }]);
  });

  it('drops courses that alone exceed a budget and honours the limit', () => {
    const courses = [c('a', 100, ['s0']), c('b', 500, ['s0', 's1'])];
    const ranking = rankNextCourses({ gap, objective: 'HOURS', courses, budgets: { maxTotalPrice: 200 }, limit: 1 });
    expect(ranking.courses.map((entry) => entry.courseId)).toEqual(['a']);
    expect(() => rankNextCourses({ gap, objective: 'HOURS', courses, limit: 0 })).toThrow(BadInputError);
  });
});

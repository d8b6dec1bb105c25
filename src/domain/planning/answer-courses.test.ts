import { describe, expect, it } from 'vitest';
import { coursesNamedBy } from './answer-courses';
import type { PlanningJobResult } from './planning-job';

const plan = (...ids: string[]) => ({ steps: ids.map((credentialId, order) => ({ order, credentialId })) });

describe('coursesNamedBy', () => {
  it('lists a plan’s courses in step order, each once, at most max', () => {
    const answer = { kind: 'recommend', plan: plan('b', 'a', 'b', 'c') } as never as PlanningJobResult;
    expect(coursesNamedBy(answer, 10)).toEqual(['b', 'a', 'c']);
    expect(coursesNamedBy(answer, 2)).toEqual(['b', 'a']);
  });

  it('lists suggested courses, and every reskilling option’s steps in option order', () => {
    const next = { kind: 'next', courses: [{ courseId: 'x' }, { courseId: 'y' }] } as never as PlanningJobResult;
    expect(coursesNamedBy(next, 10)).toEqual(['x', 'y']);
    const reskilling = {
      kind: 'reskilling',
      options: [{ plan: plan('a', 'b') }, { plan: plan('b', 'c') }],
      planned: 2,
      considered: 2,
    } as never as PlanningJobResult;
    expect(coursesNamedBy(reskilling, 10)).toEqual(['a', 'b', 'c']);
    expect(coursesNamedBy({ kind: 'input', input: {} } as never, 10)).toEqual([]);
  });
});

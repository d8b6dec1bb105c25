import { describe, expect, it } from 'vitest';
import { defaultPlanSolver, solveTimeLeftMs } from './highs-plan-solver';
import type { LinearModel } from './linear-model';

/** min a + b subject to a + b >= 1, both binary: optimum 1. */
const tinyCover: LinearModel = {
  sense: 'minimize',
  columns: [
    { kind: 'x', objective: 1 },
    { kind: 'x', objective: 1 },
  ],
  rows: [
    {
      terms: [
        [0, 1],
        [1, 1],
      ],
      sense: '>=',
      rhs: 1,
    },
  ],
};

describe('solveTimeLeftMs', () => {
  it('takes the time spent before HiGHS runs off the limit, and leaves nothing under a millisecond', () => {
    expect(solveTimeLeftMs(100, 30)).toBe(70);
    expect(solveTimeLeftMs(100, 99.5)).toBe(0);
    expect(solveTimeLeftMs(100, 250)).toBe(0);
    expect(solveTimeLeftMs(0.5, 0)).toBe(0);
  });
});

describe('the HiGHS plan solver', () => {
  it('solves within a time limit that leaves room, and does not start HiGHS once the limit is spent', async () => {
    const highs = await defaultPlanSolver();
    const solved = await highs.solve(tinyCover, { timeLimitMs: 5_000, relax: false });
    expect(solved).toMatchObject({ status: 'optimal', objectiveValue: 1 });
    // Under a millisecond is spent by rendering and parsing alone: HiGHS used to get a whole
    // millisecond regardless, and solved this model in it.
    const spent = await highs.solve(tinyCover, { timeLimitMs: 0.01, relax: false });
    expect(spent).toEqual({ status: 'limit', columnValues: null, bound: null });
  });
});

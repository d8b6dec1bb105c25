import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchMinimumCover } from './cover-search';

interface Instance {
  readonly skillCount: number;
  readonly costs: number[];
  readonly covers: number[][];
}

const clock = { now: () => performance.now(), stopAt: Number.POSITIVE_INFINITY };

/** Small instances (≤ 12 courses) brute force can settle; costs whole or fractional, zero included. */
function instance(fractional: boolean): fc.Arbitrary<Instance> {
  return fc.integer({ min: 1, max: 8 }).chain((skillCount) =>
    fc
      .array(
        fc.record({
          cost: fractional
            ? fc.oneof(fc.constant(0), fc.double({ min: 0.25, max: 40, noNaN: true }))
            : fc.integer({ min: 0, max: 40 }),
          covers: fc.uniqueArray(fc.integer({ min: 0, max: skillCount - 1 }), { minLength: 1, maxLength: skillCount }),
        }),
        { minLength: 1, maxLength: 12 },
      )
      .map((rows) => ({ skillCount, costs: rows.map((row) => row.cost), covers: rows.map((row) => row.covers) })),
  );
}

/** The cheapest cover by trying every subset, or null when none covers every skill. */
function bruteForce({ skillCount, costs, covers }: Instance): number | null {
  let best: number | null = null;
  for (let subset = 0; subset < 1 << costs.length; subset += 1) {
    const covered = new Set<number>();
    let cost = 0;
    for (let course = 0; course < costs.length; course += 1) {
      if ((subset & (1 << course)) === 0) continue;
      cost += costs[course]!;
      for (const skill of covers[course]!) covered.add(skill);
    }
    if (covered.size === skillCount && (best === null || cost < best)) best = cost;
  }
  return best;
}

function coversAll({ skillCount, covers }: Instance, selection: readonly number[]): boolean {
  const covered = new Set(selection.flatMap((course) => covers[course]!));
  return covered.size === skillCount;
}

function costOf({ costs }: Instance, selection: readonly number[]): number {
  return selection.reduce((sum, course) => sum + costs[course]!, 0);
}

/**
 * The instance of plan-courses.test.ts' time-limit test, drawn the same way: 300 courses, each
 * covering each of 40 skills with probability 0.08, then an hours figure; costs are 1 (COUNT).
 */
function unitCostInstance(): Instance {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const skills = Array.from({ length: 40 }, (_, skill) => skill);
  const covers = Array.from({ length: 300 }, () => {
    const own = skills.filter(() => random() < 0.08);
    random(); // the hours figure the original draws
    return own;
  });
  return { skillCount: 40, costs: covers.map(() => 1), covers };
}

describe('searchMinimumCover', () => {
  for (const fractional of [false, true]) {
    it(`finds the cheapest cover, as brute force does (${fractional ? 'fractional' : 'whole-number'} costs)`, () => {
      fc.assert(
        fc.property(instance(fractional), (problem) => {
          const reference = bruteForce(problem);
          const outcome = searchMinimumCover(problem.costs, problem.covers, problem.skillCount, clock);
          if (reference === null) {
            expect(outcome.status).toBe('infeasible');
            return;
          }
          expect(outcome.status).toBe('optimal');
          if (outcome.status !== 'optimal') return;
          expect(coversAll(problem, outcome.selection)).toBe(true);
          expect(costOf(problem, outcome.selection)).toBeCloseTo(outcome.cost, 9);
          expect(outcome.cost).toBeCloseTo(reference, 9);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('keeps an optimal incumbent, and improves on a poor one', () => {
    fc.assert(
      fc.property(instance(false), (problem) => {
        const reference = bruteForce(problem);
        if (reference === null) return;
        const everything = problem.costs.map((_, course) => course);
        const outcome = searchMinimumCover(problem.costs, problem.covers, problem.skillCount, {
          ...clock,
          incumbent: everything,
        });
        expect(outcome).toMatchObject({ status: 'optimal', cost: reference });
      }),
      { numRuns: 200 },
    );
  });

  it('stops at its time limit with the incumbent it was given', () => {
    const problem = unitCostInstance();
    const everything = problem.costs.map((_, course) => course);
    const outcome = searchMinimumCover(problem.costs, problem.covers, problem.skillCount, {
      incumbent: everything,
      now: () => 1,
      stopAt: 0,
    });
    expect(outcome.status).toBe('limit');
    if (outcome.status === 'limit') expect(outcome.cost).toBe(costOf(problem, everything));
  });

  it('settles a 40-skill, 300-course unit-cost cover HiGHS needs about a second for', () => {
    // Its optimum, 8 courses, was proven offline by HiGHS with a long time limit. The budget here
    // is generous for a loaded machine; the search takes milliseconds.
    const problem = unitCostInstance();
    const started = performance.now();
    const outcome = searchMinimumCover(problem.costs, problem.covers, problem.skillCount, {
      now: () => performance.now(),
      stopAt: started + 10_000,
    });
    expect(outcome).toMatchObject({ status: 'optimal', cost: 8 });
    if (outcome.status === 'optimal') expect(coversAll(problem, outcome.selection)).toBe(true);
  });
});

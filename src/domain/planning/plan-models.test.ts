import { describe, expect, it } from 'vitest';
import type { LinearModel } from './linear-model';
import { coverModel, maxCoverageModel, minCostAtCoverageModel, pointForSelection } from './plan-models';
import { preparePlanningProblem } from './planning-problem';
import { validatePlanInput } from './validate-plan-input';

const problem = preparePlanningProblem(
  validatePlanInput({
    gap: [
      { skillUri: 's0', weight: 1 },
      { skillUri: 's1', weight: 0 },
      { skillUri: 's2', weight: 0.5 },
    ],
    courses: [
      { id: 'a', hours: 10, price: 10, ects: null, covers: ['s0'], teaches: ['p'], prerequisites: [] },
      { id: 'b', hours: 10, price: 10, ects: null, covers: ['s1', 's2'], teaches: [], prerequisites: ['p'] },
      { id: 'c', hours: 30, price: 10, ects: null, covers: ['s2'], teaches: [], prerequisites: [] },
    ],
    objective: 'HOURS',
    budgets: { maxTotalHours: 20, maxCourses: 2 },
  }),
);

function satisfied(model: LinearModel, point: readonly number[]): boolean {
  return model.rows.every((row) => {
    const activity = row.terms.reduce((sum, [column, coefficient]) => sum + coefficient * point[column]!, 0);
    return row.sense === '<=' ? activity <= row.rhs + 1e-9 : activity >= row.rhs - 1e-9;
  });
}

describe('plan models', () => {
  const ab = [0, 1]; // a teaches b's prerequisite and both fit the budgets

  it('accept the point of a valid selection as a start', () => {
    expect(satisfied(coverModel(problem, []), pointForSelection(problem, coverModel(problem, []), ab))).toBe(true);
    const coverage = maxCoverageModel(problem, []);
    expect(pointForSelection(problem, coverage, ab)).toEqual([1, 1, 0, 1, 1]); // x_a x_b x_c y_s0 y_s2
    expect(satisfied(coverage, pointForSelection(problem, coverage, ab))).toBe(true);
    const atCoverage = minCostAtCoverageModel(problem, [], 1.5 - 1e-6);
    expect(satisfied(atCoverage, pointForSelection(problem, atCoverage, ab))).toBe(true);
  });

  it('reject selections that break prerequisites or budgets', () => {
    const model = coverModel(problem, []);
    expect(satisfied(model, pointForSelection(problem, model, [1]))).toBe(false); // b without a
    expect(satisfied(model, pointForSelection(problem, model, [0, 1, 2]))).toBe(false); // over budget
  });
});

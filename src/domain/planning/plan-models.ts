import type { LinearColumn, LinearModel, LinearRow } from './linear-model';
import type { PlanningProblem } from './planning-problem';

/**
 * The integer programs behind a plan. Column i < n is x_i (course i chosen); in the coverage
 * models columns n, n+1, … are y_s (skill s covered) for the skills of positive weight.
 *
 * Every model shares the structural rows:
 * - prerequisites: x_c ≤ Σ_{d≠c teaches p} x_d for each prerequisite p of c (no teacher left
 *   means x_c ≤ 0);
 * - budgets: Σ hours·x ≤ maxTotalHours, Σ price·x ≤ maxTotalPrice, Σ x ≤ maxCourses;
 * - ordering cuts learnt so far (see {@link orderingCuts}).
 */

/**
 * Minimum-cost cover of every coverable skill: min Σ cost·x s.t. Σ_{c covers s} x_c ≥ 1.
 *
 * @example
 * coverModel(problem, []).rows.length // coverable skills + prerequisite rows + budget rows
 */
export function coverModel(problem: PlanningProblem, cuts: readonly LinearRow[]): LinearModel {
  const coverRows: LinearRow[] = problem.skills.map((_, skill) => ({
    terms: coveringCourses(problem, skill).map((index) => [index, 1] as const),
    sense: '>=',
    rhs: 1,
  }));
  return {
    sense: 'minimize',
    columns: courseColumns(problem, true),
    rows: [...coverRows, ...structuralRows(problem, cuts)],
  };
}

/** Maximum weighted coverage within the budgets: max Σ w·y s.t. y_s ≤ Σ_{c covers s} x_c. */
export function maxCoverageModel(problem: PlanningProblem, cuts: readonly LinearRow[]): LinearModel {
  const { columns, linkRows } = coverageColumns(problem, false);
  return { sense: 'maximize', columns, rows: [...linkRows, ...structuralRows(problem, cuts)] };
}

/**
 * Cheapest plan reaching a weighted coverage: min Σ cost·x s.t. Σ w·y ≥ target and the
 * coverage links. The second phase of the over-budget case, and the LP bound of the fallback.
 */
export function minCostAtCoverageModel(
  problem: PlanningProblem,
  cuts: readonly LinearRow[],
  target: number,
): LinearModel {
  const { columns, linkRows, weightedSkills } = coverageColumns(problem, true);
  const n = problem.courses.length;
  const rows = [...linkRows, ...structuralRows(problem, cuts)];
  if (weightedSkills.length > 0) {
    rows.push({
      terms: weightedSkills.map((skill, k) => [n + k, problem.skills[skill]!.weight] as const),
      sense: '>=',
      rhs: target,
    });
  }
  return { sense: 'minimize', columns, rows };
}

function courseColumns(problem: PlanningProblem, withCost: boolean): LinearColumn[] {
  return problem.courses.map((course) => ({ kind: 'x', objective: withCost ? course.cost : 0 }));
}

function coverageColumns(
  problem: PlanningProblem,
  costObjective: boolean,
): { columns: LinearColumn[]; linkRows: LinearRow[]; weightedSkills: number[] } {
  const n = problem.courses.length;
  const weightedSkills = problem.skills.flatMap((skill, index) => (skill.weight > 0 ? [index] : []));
  const columns: LinearColumn[] = [
    ...courseColumns(problem, costObjective),
    ...weightedSkills.map(
      (skill): LinearColumn => ({
        kind: 'y',
        objective: costObjective ? 0 : problem.skills[skill]!.weight,
      }),
    ),
  ];
  const linkRows: LinearRow[] = weightedSkills.map((skill, k) => ({
    terms: [[n + k, 1] as const, ...coveringCourses(problem, skill).map((index) => [index, -1] as const)],
    sense: '<=',
    rhs: 0,
  }));
  return { columns, linkRows, weightedSkills };
}

function coveringCourses(problem: PlanningProblem, skill: number): number[] {
  return problem.courses.flatMap((course, index) => (course.covers.includes(skill) ? [index] : []));
}

function structuralRows(problem: PlanningProblem, cuts: readonly LinearRow[]): LinearRow[] {
  const rows: LinearRow[] = [];
  problem.courses.forEach((course, index) => {
    for (const skill of course.prerequisites) {
      const others = (problem.teachers.get(skill) ?? []).filter((teacher) => teacher !== index);
      rows.push({
        terms: [[index, 1] as const, ...others.map((teacher) => [teacher, -1] as const)],
        sense: '<=',
        rhs: 0,
      });
    }
  });
  const { budgets, courses } = problem;
  if (budgets.hours !== undefined) {
    rows.push({ terms: courses.map((course, i) => [i, course.hours ?? 0] as const), sense: '<=', rhs: budgets.hours });
  }
  if (budgets.price !== undefined) {
    rows.push({ terms: courses.map((course, i) => [i, course.price ?? 0] as const), sense: '<=', rhs: budgets.price });
  }
  if (budgets.count !== undefined) {
    rows.push({ terms: courses.map((_, i) => [i, 1] as const), sense: '<=', rhs: budgets.count });
  }
  return [...rows, ...cuts];
}

/**
 * The column values of `model` (built by one of the functions above for `problem`) that
 * describe choosing `selection`: x_i = 1 for chosen courses, y_s = 1 for the weighted skills
 * they cover. Used as a solver start.
 */
export function pointForSelection(
  problem: PlanningProblem,
  model: LinearModel,
  selection: readonly number[],
): number[] {
  const chosen = new Set(selection);
  const covered = new Set(selection.flatMap((index) => problem.courses[index]!.covers));
  const weightedSkills = problem.skills.flatMap((skill, index) => (skill.weight > 0 ? [index] : []));
  const n = problem.courses.length;
  return model.columns.map((column, index) => {
    if (column.kind === 'x') return chosen.has(index) ? 1 : 0;
    return covered.has(weightedSkills[index - n]!) ? 1 : 0;
  });
}

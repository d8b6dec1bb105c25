/**
 * A small, solver-neutral description of a (mixed-)binary linear program. Planning code builds
 * these; a {@link PlanSolver} turns them into whatever its engine reads (CPLEX LP text for
 * HiGHS). Columns are referred to by position only, so no caller-supplied string ever reaches
 * a solver.
 */

/**
 * `x`: a 0/1 decision (integer unless the model is solved as a relaxation);
 * `y`: a continuous helper in [0, 1].
 */
export type ColumnKind = 'x' | 'y';

export interface LinearColumn {
  readonly kind: ColumnKind;
  readonly objective: number;
}

/** A sparse row Σ coefficient·column (sense) rhs. */
export interface LinearRow {
  readonly terms: readonly (readonly [column: number, coefficient: number])[];
  readonly sense: '<=' | '>=';
  readonly rhs: number;
}

export interface LinearModel {
  readonly sense: 'minimize' | 'maximize';
  readonly columns: readonly LinearColumn[];
  readonly rows: readonly LinearRow[];
}

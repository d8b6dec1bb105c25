import type { Highs } from 'highs';
import type { LinearModel } from './linear-model';
import { discardHighs, loadHighs } from './load-highs';
import { renderLpText } from './lp-format';
import type { PlanSolver, SolveOptions, SolveOutcome } from './plan-solver';
import { float64ArrayOf } from '../typed-array-of';

// HiGHS model-status codes (highs.constants.modelStatus) and primal solution status "feasible".
const STATUS_OPTIMAL = 7;
const STATUS_INFEASIBLE = 8;
const STATUS_TIME_LIMIT = 13;
const STATUS_ITERATION_LIMIT = 14;
const STATUS_INTERRUPTED = 17;
const PRIMAL_FEASIBLE = 2;

/**
 * A {@link PlanSolver} backed by a loaded HiGHS runtime. Each solve renders the model as CPLEX
 * LP text, solves it in a fresh persistent model (so the MIP dual bound can be read from
 * `info.mip_dual_bound`, which the one-shot `solve()` does not report) and disposes it.
 * `mip_rel_gap` is 0 so "optimal" means optimal up to HiGHS's absolute gap (1e-6), not 0.01 %.
 * Solves are synchronous and block the event loop for up to the time limit. The time limit covers
 * the whole call: rendering and parsing the model count against it, and a limit spent before
 * HiGHS would start ends the call at once with `limit` (see {@link solveTimeLeftMs}).
 */
export function createHighsPlanSolver(highs: Highs): PlanSolver {
  return {
    solve(model: LinearModel, options: SolveOptions): SolveOutcome {
      const called = performance.now();
      const { text, columnNames } = renderLpText(model, { relax: options.relax });
      let instance;
      try {
        instance = highs.createModel({ format: 'lp', data: text });
      } catch (error) {
        return { status: 'error', message: `HiGHS rejected the model: ${String(error)}` };
      }
      try {
        const left = solveTimeLeftMs(options.timeLimitMs, performance.now() - called);
        if (left === 0) return { status: 'limit', columnValues: null, bound: null };
        const integer = !options.relax && model.columns.some((column) => column.kind === 'x');
        const wholeObjective = integer && integralObjective(model);
        instance.options.set({
          output_flag: false,
          time_limit: left / 1000,
          mip_rel_gap: 0,
          // Every solution of a model whose objective is a whole-number combination of binaries is
          // worth a whole number, so a bound within less than 1 of the incumbent already proves it
          // optimal: the search stops there instead of closing the last fraction of the gap.
          ...(wholeObjective ? { mip_abs_gap: WHOLE_OBJECTIVE_GAP } : {}),
        });
        const nameOf = (index: number): string => instance.getColName(index);
        if (options.start !== undefined && !options.relax) {
          try {
            instance.setSolution({ colValue: inHighsOrder(options.start, columnNames, nameOf) });
          } catch {
            // A rejected start only costs the head start; the solve itself is unaffected.
          }
        }
        const status = instance.run().modelStatus;
        const read = (): number[] => columnValues(instance.getSolution().colValue, columnNames, nameOf);
        const wholeBound = (bound: number): number =>
          !wholeObjective ? bound : model.sense === 'minimize' ? Math.ceil(bound - 1e-6) : Math.floor(bound + 1e-6);
        if (status === STATUS_OPTIMAL) {
          const objectiveValue = instance.getObjectiveValue();
          const bound = integer
            ? wholeBound(finiteOr(readInfo(instance, 'mip_dual_bound'), objectiveValue))
            : objectiveValue;
          return { status: 'optimal', columnValues: read(), objectiveValue, bound };
        }
        if (status === STATUS_INFEASIBLE) return { status: 'infeasible' };
        if (status === STATUS_TIME_LIMIT || status === STATUS_ITERATION_LIMIT || status === STATUS_INTERRUPTED) {
          const feasible = readInfo(instance, 'primal_solution_status') === PRIMAL_FEASIBLE;
          const bound = integer ? readInfo(instance, 'mip_dual_bound') : undefined;
          return {
            status: 'limit',
            columnValues: feasible ? read() : null,
            bound: bound !== undefined && Number.isFinite(bound) ? wholeBound(bound) : null,
          };
        }
        return { status: 'error', message: `HiGHS ended with model status ${status}` };
      } catch (error) {
        discardHighs();
        return { status: 'error', message: `HiGHS failed: ${String(error)}` };
      } finally {
        instance.dispose();
      }
    },
  };
}

/**
 * What is left of a solve's time limit once its model is rendered and parsed (ms), for HiGHS's own
 * clock, which starts only when it runs; 0 when nothing worth a run is left. On a busy compute
 * worker at concurrency 16 (20 %-prerequisite store) relaxations of models of thousands of
 * candidate courses, given 4-270 ms, ended 60-225 ms past their limit: rendering and parsing
 * such a model is not on HiGHS's clock.
 *
 * @example
 * solveTimeLeftMs(100, 30) // 70
 * solveTimeLeftMs(100, 99.5) // 0: under a millisecond is not worth starting HiGHS
 */
export function solveTimeLeftMs(timeLimitMs: number, spentMs: number): number {
  const left = timeLimitMs - spentMs;
  return left < MIN_RUN_MS ? 0 : left;
}

/** Shortest time limit worth handing to HiGHS (ms); `time_limit` is in seconds and must be positive. */
const MIN_RUN_MS = 1;

/** Absolute gap at which a whole-number objective's incumbent is proven optimal (just under 1). */
const WHOLE_OBJECTIVE_GAP = 1 - 1e-6;

/** True when only binary columns carry objective terms, all of them whole numbers. */
function integralObjective(model: LinearModel): boolean {
  return model.columns.every((column) =>
    column.kind === 'x' ? Number.isInteger(column.objective) : column.objective === 0,
  );
}

/** The shared HiGHS runtime as a {@link PlanSolver}; loads the WebAssembly module on first use. */
export async function defaultPlanSolver(): Promise<PlanSolver> {
  return createHighsPlanSolver(await loadHighs());
}

/** Reorders HiGHS's column values (its own column order) into the model's column order. */
function columnValues(
  values: Float64Array,
  columnNames: readonly string[],
  nameOf: (index: number) => string,
): number[] {
  const position = new Map(columnNames.map((name, index) => [name, index]));
  const result = columnNames.map(() => 0);
  for (let index = 0; index < values.length; index += 1) {
    const target = position.get(nameOf(index));
    if (target === undefined) throw new Error(`HiGHS returned an unknown column ${nameOf(index)}`);
    result[target] = values[index]!;
  }
  return result;
}

/** The inverse of {@link columnValues}: model-ordered values in HiGHS's column order. */
function inHighsOrder(
  values: readonly number[],
  columnNames: readonly string[],
  nameOf: (index: number) => string,
): Float64Array {
  const position = new Map(columnNames.map((name, index) => [name, index]));
  return float64ArrayOf(columnNames, (_, index) => values[position.get(nameOf(index)) ?? -1] ?? 0);
}

function readInfo(instance: { info: { get(name: string): number | bigint } }, name: string): number | undefined {
  try {
    const value = instance.info.get(name);
    return typeof value === 'bigint' ? Number(value) : value;
  } catch {
    return undefined;
  }
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}

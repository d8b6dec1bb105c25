/**
 * Entry point of a compute worker thread (loaded by piscina from the compiled `dist/`). Runs
 * pure domain code only: no database, no GraphQL. HiGHS is instantiated once per worker when the
 * worker starts, so the first plan it solves does not pay for compiling the WebAssembly module.
 */
import { loadHighs, runPlanningJob } from '../domain/planning';
import type { ComputeAnswer, ComputeTask } from './compute-task';

// Warm-up; a failure is retried by the first solve (and degrades that plan to greedy).
loadHighs().catch(() => undefined);

/** Runs one task (piscina calls the default export). */
export default async function runComputeTask(task: ComputeTask): Promise<ComputeAnswer> {
  switch (task.kind) {
    case 'planning':
      return { kind: 'planning', result: await runPlanningJob(task.job) };
  }
}

/**
 * Entry point of a compute worker thread (loaded by piscina from the compiled `dist/`). Runs
 * pure domain code only: no database, no GraphQL. HiGHS is instantiated once per worker when the
 * worker starts, so the first plan it solves does not pay for compiling the WebAssembly module.
 */
import { threadId } from 'node:worker_threads';
import { rankCandidateEvidence, rankOccupationRows } from '../domain/coverage';
import { loadHighs, runPlanningJob, unpackCourses, type PlanningJobResult } from '../domain/planning';
import { warmUpPlanner } from '../domain/planning/warm-up-planner';
import type { ComputeAnswer, ComputeTask } from './compute-task';

// Warm-up; a failure is retried by the first solve (and degrades that plan to greedy).
loadHighs().catch(() => undefined);

/** Runs one task (piscina calls the default export). */
export default async function runComputeTask(task: ComputeTask): Promise<ComputeAnswer> {
  switch (task.kind) {
    case 'planning':
      try {
        const report = task.fallbacks
          ? (fallback: PlanningJobResult) => task.fallbacks!.postMessage(fallback)
          : undefined;
        const job = task.courses
          ? { ...task.job, gathered: { ...task.job.gathered, candidates: unpackCourses(task.courses) } }
          : task.job;
        return { kind: 'planning', result: await runPlanningJob(job, undefined, report) };
      } finally {
        task.fallbacks?.close();
      }
    case 'rank-candidates':
      return { kind: 'rank-candidates', ranked: rankCandidateEvidence(task.input) };
    case 'rank-occupations':
      return { kind: 'rank-occupations', ranked: rankOccupationRows(task.input) };
    case 'warm-up':
      await warmUpPlanner();
      return { kind: 'warm-up', threadId };
  }
}

/**
 * Entry point of a compute worker thread (loaded by piscina from the compiled `dist/`). Runs
 * pure domain code only: no database, no GraphQL. HiGHS is instantiated once per worker when the
 * worker starts, so the first plan it solves does not pay for compiling the WebAssembly module.
 */
import os from 'node:os';
import { deserialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { rankCandidateEvidence, rankOccupationRows } from '../domain/coverage';
import {
  loadHighs,
  runPlanningJob,
  unpackCourses,
  type GatheredTarget,
  type PlanningJobResult,
} from '../domain/planning';
import { warmUpPlanner } from '../domain/planning/warm-up-planner';
import type { ComputeAnswer, ComputeTask } from './compute-task';

// Warm-up; a failure is retried by the first solve (and degrades that plan to greedy).
loadHighs().catch(() => undefined);

/** Nice value of a compute thread: below the request thread, which keeps its own. */
const WORKER_NICE = 10;

// The request thread comes first: with every core busy planning, the operating system would give
// it no more than its share, and every light request would wait for a time slice. A lower
// priority for this thread (on Linux a thread's own nice value; elsewhere it may apply to the
// process or be refused) leaves the CPU to the request thread whenever it has work.
try {
  os.setPriority(WORKER_NICE);
} catch {
  // Not permitted here: the workers keep the server's priority.
}

/** Runs one task (piscina calls the default export). */
export default async function runComputeTask(task: ComputeTask): Promise<ComputeAnswer> {
  switch (task.kind) {
    case 'planning':
      try {
        const report = task.fallbacks
          ? (fallback: PlanningJobResult) => task.fallbacks!.postMessage(fallback)
          : undefined;
        const { gathered } = task.job;
        const job = {
          ...task.job,
          gathered: {
            ...gathered,
            candidates: task.courses ? unpackCourses(task.courses) : gathered.candidates,
            targets: task.targets
              ? task.targets.map((bytes) => deserialize(bytes) as GatheredTarget)
              : gathered.targets,
          },
        };
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

/**
 * Entry point of a compute worker thread (loaded by piscina from the compiled `dist/`). Runs
 * pure domain code only: no database, no GraphQL. HiGHS is instantiated once per worker when the
 * worker starts, so the first plan it solves does not pay for compiling the WebAssembly module,
 * and again after a task that left its memory past the limit (see {@link ComputeWorkerSettings}).
 */
import os from 'node:os';
import { threadId } from 'node:worker_threads';
import { workerData } from 'piscina';
import { rankCandidateEvidence, rankOccupationRows } from '../domain/coverage';
import {
  discardHighs,
  loadedHighs,
  loadHighs,
  epochNow,
  runLatePlanningJob,
  runPlanningJob,
  type PlanningJobResult,
} from '../domain/planning';
import { warmUpPlanner } from '../domain/planning/warm-up-planner';
import {
  PLANNING_PREPARED,
  PLANNING_STARTED,
  type ComputeAnswer,
  type ComputeAnswerFooter,
  type ComputeResult,
  type ComputeTask,
  type ComputeWorkerSettings,
} from './compute-task';
import { fullGarbageCollector } from './full-garbage-collection';
import { warmUpLatePlanning } from './late-planning-warm-up';
import { unshipPlanningJob } from './shipped-planning-job';
import { readWorkerMemory } from './worker-memory';

/** Nice value of a compute thread: below the request thread, which keeps its own. */
const WORKER_NICE = 10;

const settings = (workerData ?? {}) as Partial<ComputeWorkerSettings>;
/** False on an express lane's thread (see {@link ComputeWorkerSettings.loadsSolver}). */
const loadsSolver = settings.loadsSolver !== false;

// The request thread comes first: with every core busy planning, the operating system would give
// it no more than its share, and every light request would wait for a time slice. A lower
// priority for this thread (on Linux a thread's own nice value; elsewhere it may apply to the
// process or be refused) leaves the CPU to the request thread whenever it has work. An express
// lane's thread keeps the server's priority: its answers are due within milliseconds, and at nice
// 10 beside two busy solver threads it would get a small share of a core.
if (loadsSolver) {
  try {
    os.setPriority(WORKER_NICE);
  } catch {
    // Not permitted here: the workers keep the server's priority.
  }
}
const solverMemoryLimitBytes = settings.solverMemoryLimitBytes ?? Number.POSITIVE_INFINITY;
const heapCollectBytes = settings.heapCollectBytes ?? Number.POSITIVE_INFINITY;
const collectGarbage = Number.isFinite(heapCollectBytes) ? fullGarbageCollector() : undefined;
const heapCollectIdleMs = settings.heapCollectIdleMs;
let pendingCollection: ReturnType<typeof setTimeout> | undefined;
/** Collections run since the last answer, reported with the next one. */
let collectionsSinceAnswer = 0;

// Warm-up; a failure is retried by the first solve (and degrades that plan to greedy). An express
// lane's worker never solves exactly and keeps the 20 MB and more of a runtime.
if (loadsSolver) loadHighs().catch(() => undefined);

/** Runs one task (piscina calls the default export). */
export default async function runComputeTask(task: ComputeTask): Promise<ComputeAnswer> {
  clearTimeout(pendingCollection);
  const answer = await runTask(task);
  return { ...answer, ...afterTask() };
}

/**
 * The worker's memory once a task is done, recycling its solver when that memory is past the
 * limit: the runtime is dropped (its WebAssembly memory goes with the next garbage collection) and
 * a fresh one starts loading now, between tasks, rather than on the next plan's clock. A heap
 * reserved past its limit is collected once the worker has been idle for
 * `heapCollectIdleMs` (a task arriving first puts it off).
 */
function afterTask(): ComputeAnswerFooter {
  const solverBytes = loadedHighs()?.memoryBytes ?? 0;
  const memory = readWorkerMemory(solverBytes);
  const solverRecycled = solverBytes > solverMemoryLimitBytes;
  if (solverRecycled) {
    discardHighs();
    loadHighs().catch(() => undefined);
  }
  if (collectGarbage !== undefined && memory.heapTotalBytes > heapCollectBytes) {
    pendingCollection = setTimeout(() => {
      collectGarbage();
      collectionsSinceAnswer += 1;
    }, heapCollectIdleMs);
    pendingCollection.unref();
  }
  const heapCollections = collectionsSinceAnswer;
  collectionsSinceAnswer = 0;
  return { threadId, memory, solverRecycled, heapCollections };
}

async function runTask(task: ComputeTask): Promise<ComputeResult> {
  switch (task.kind) {
    case 'planning':
      try {
        // Until this message the pool counts the task as waiting (see its express lane).
        task.fallbacks?.postMessage(PLANNING_STARTED);
        const report = task.fallbacks
          ? (fallback: PlanningJobResult) => task.fallbacks!.postMessage(fallback)
          : undefined;
        const prepared = task.fallbacks ? () => task.fallbacks!.postMessage(PLANNING_PREPARED) : undefined;
        return {
          kind: 'planning',
          result: await runPlanningJob(unshipPlanningJob(task), undefined, report, { onPrepared: prepared }),
        };
      } finally {
        task.fallbacks?.close();
      }
    case 'late-planning':
      if (epochNow() > task.abandonAt) return { kind: 'abandoned' };
      return { kind: 'planning', result: runLatePlanningJob(unshipPlanningJob(task), task.stopAt) };
    case 'rank-candidates':
      return { kind: 'rank-candidates', ranked: rankCandidateEvidence(task.input) };
    case 'rank-occupations':
      return { kind: 'rank-occupations', ranked: rankOccupationRows(task.input) };
    case 'warm-up':
      // An express lane's worker has no solver to warm; it plans invented late jobs instead, so
      // its first real ones do not run in the interpreter.
      if (loadsSolver) await warmUpPlanner();
      else warmUpLatePlanning();
      return { kind: 'warm-up' };
  }
}

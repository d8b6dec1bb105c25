/**
 * The work a compute worker accepts. Every task and answer is structured-clone safe (plain data,
 * Maps, Sets, Dates), since it crosses a thread boundary.
 */
import type { MessagePort } from 'node:worker_threads';
import type {
  RankCandidatesInput,
  RankedCandidates,
  RankedOccupations,
  RankOccupationsInput,
} from '../domain/coverage';
import type { PackedCourses, PlanningJob, PlanningJobResult } from '../domain/planning';
import type { WorkerMemory } from './worker-memory';

/** One task for a compute worker. */
export type ComputeTask =
  /**
   * `fallbacks` receives the job's heuristic answers as they improve (see `runPlanningJob`).
   * With `courses`, the job's candidate courses travel packed there (its own list is empty); with
   * `targets`, its targets travel serialized one by one (`v8.serialize`; its own list is empty).
   */
  | {
      readonly kind: 'planning';
      readonly job: PlanningJob;
      readonly courses?: PackedCourses;
      readonly targets?: readonly Uint8Array[];
      readonly fallbacks?: MessagePort;
    }
  /**
   * A planning job answered without the solver (`runLatePlanningJob`), its targets planned
   * until `stopAt` (epoch ms): the express lane's work, for a job no worker took by shortly
   * before its deadline. Courses and targets travel as in `planning`. Reached only after
   * `abandonAt` (its request's cutoff: the lane was busy with others), it is answered `abandoned`
   * at once, so the lane's time goes to jobs that can still be on time.
   */
  | {
      readonly kind: 'late-planning';
      readonly job: PlanningJob;
      readonly courses: PackedCourses;
      readonly targets: readonly Uint8Array[];
      readonly stopAt: number;
      readonly abandonAt: number;
    }
  | { readonly kind: 'rank-candidates'; readonly input: RankCandidatesInput }
  | { readonly kind: 'rank-occupations'; readonly input: RankOccupationsInput }
  /**
   * Solves a tiny plan so the worker's solver is compiled and warm before real requests; on an
   * express lane's thread, plans invented late jobs instead (`warmUpLatePlanning`).
   */
  | { readonly kind: 'warm-up' };

/**
 * What a planning task's `fallbacks` port receives: {@link PLANNING_STARTED} once a worker has
 * taken the task, {@link PLANNING_PREPARED} once its targets' courses are prepared, then its
 * heuristic answers.
 */
export type PlanningProgress = typeof PLANNING_STARTED | typeof PLANNING_PREPARED | PlanningJobResult;

/** The message a worker sends when it starts a planning task (until then the task is queued). */
export const PLANNING_STARTED = 'started';

/**
 * The message a worker sends once a planning task's targets are prepared: from then on it can give
 * a quick answer whenever its time runs short (the pool times jobs' lead to it).
 */
export const PLANNING_PREPARED = 'prepared';

/** The result of a {@link ComputeTask}, of the same kind (a late-planning task answers `planning`). */
export type ComputeResult =
  | { readonly kind: 'planning'; readonly result: PlanningJobResult }
  | { readonly kind: 'rank-candidates'; readonly ranked: RankedCandidates }
  | { readonly kind: 'rank-occupations'; readonly ranked: RankedOccupations }
  | { readonly kind: 'warm-up' }
  /** A late-planning task reached after its `abandonAt`: nobody waits for its answer any more. */
  | { readonly kind: 'abandoned' };

/** A worker's answer: the task's result and the worker's report. */
export type ComputeAnswer = ComputeResult & ComputeAnswerFooter;

/** What every answer also carries: which worker gave it and what that worker holds. */
export interface ComputeAnswerFooter {
  readonly threadId: number;
  /** The worker's memory once the task ended (its solver possibly recycled since, see `solverRecycled`). */
  readonly memory: WorkerMemory;
  /** True when the worker dropped its HiGHS runtime after this task, its memory past the limit. */
  readonly solverRecycled: boolean;
  /**
   * Full garbage collections the worker ran while idle since its previous answer, its reserved
   * heap past the limit (`heapCollectBytes`).
   */
  readonly heapCollections: number;
}

/** Settings a compute worker reads at start (piscina's `workerData`). */
export interface ComputeWorkerSettings {
  /**
   * HiGHS WebAssembly memory (bytes) past which the worker drops its runtime after a task and
   * loads a fresh one (about 20 MB, 15-30 ms): WebAssembly memory grows to the largest model
   * solved and is never returned otherwise.
   */
  readonly solverMemoryLimitBytes: number;
  /**
   * Reserved V8 heap (bytes) past which the worker runs a full garbage collection once idle for
   * a moment after a task. V8 kept the pages a large job grew its heap to for long after it
   * ended; collected, the heap shrinks to what is live (a few tens of MB) in milliseconds to tens
   * of milliseconds. Under load (tasks back to back) it waits, not to take a core from them.
   */
  readonly heapCollectBytes?: number;
  /**
   * How long (ms) the worker must stay idle after a task before that collection runs. Under load
   * the collection would take a core from the next tasks; once the load passes, the memory comes
   * back.
   */
  readonly heapCollectIdleMs: number;
  /** False for an express lane's worker, which never solves exactly: it does not load HiGHS. */
  readonly loadsSolver: boolean;
}

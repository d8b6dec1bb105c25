/**
 * The work a compute worker accepts. Every task and answer is structured-clone safe (plain data,
 * Maps, Sets, Dates), since it crosses a thread boundary.
 */
import type { MessagePort } from 'node:worker_threads';
import type { OccupationScore, RankCandidatesInput, RankedCandidates, RankOccupationsInput } from '../domain/coverage';
import type { PackedCourses, PlanningJob, PlanningJobResult } from '../domain/planning';

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
  | { readonly kind: 'rank-candidates'; readonly input: RankCandidatesInput }
  | { readonly kind: 'rank-occupations'; readonly input: RankOccupationsInput }
  /** Solves a tiny plan so the worker's solver is compiled and warm before real requests. */
  | { readonly kind: 'warm-up' };

/** A worker's answer to a {@link ComputeTask} of the same kind. */
export type ComputeAnswer =
  | { readonly kind: 'planning'; readonly result: PlanningJobResult }
  | { readonly kind: 'rank-candidates'; readonly ranked: RankedCandidates }
  | { readonly kind: 'rank-occupations'; readonly ranked: OccupationScore[] }
  | { readonly kind: 'warm-up'; readonly threadId: number };

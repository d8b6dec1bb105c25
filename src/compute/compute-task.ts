/**
 * The work a compute worker accepts. Every task and answer is structured-clone safe (plain data,
 * Maps, Sets, Dates), since it crosses a thread boundary.
 */
import type { PlanningJob, PlanningJobResult } from '../domain/planning';

/** One task for a compute worker. */
export type ComputeTask = { readonly kind: 'planning'; readonly job: PlanningJob };

/** A worker's answer to a {@link ComputeTask} of the same kind. */
export type ComputeAnswer = { readonly kind: 'planning'; readonly result: PlanningJobResult };

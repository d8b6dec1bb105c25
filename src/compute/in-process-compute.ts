/**
 * Planning on the caller's own thread: for command-line tools and benchmarks that plan one
 * request at a time and have no event loop to protect. The server uses {@link ComputePool}.
 */
import { runPlanningJob, type PlanningJob, type PlanningJobResult } from '../domain/planning';
import type { PlanningCompute } from './planning-compute';
import { RequestTimeoutError } from '../domain/errors';

/** Runs planning jobs in-process; an aborted signal refuses the job. */
export class InProcessCompute implements PlanningCompute {
  async runPlanning(job: PlanningJob, signal?: AbortSignal): Promise<PlanningJobResult> {
    if (signal?.aborted) throw signal.reason ?? new RequestTimeoutError('The request was cancelled');
    return runPlanningJob(job);
  }
}

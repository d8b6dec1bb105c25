/** What the planning service needs from the compute tier. */
import type { PlanningJob, PlanningJobResult } from '../domain/planning';

/**
 * Runs planning jobs: {@link ComputePool} (worker threads) in the server, {@link InProcessCompute}
 * in tools. `signal` cancels the job (the request was abandoned or ran out of time).
 */
export interface PlanningCompute {
  runPlanning(job: PlanningJob, signal?: AbortSignal): Promise<PlanningJobResult>;
}

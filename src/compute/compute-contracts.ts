/** What the planning and coverage services need from the compute tier. */
import type {
  RankCandidatesInput,
  RankedCandidates,
  RankedOccupations,
  RankOccupationsInput,
} from '../domain/coverage';
import type { PlanningJob, PlanningJobResult } from '../domain/planning';
import type { PlanPermit } from './plan-admission';

/**
 * Runs planning jobs: {@link ComputePool} (worker threads) in the server, {@link InProcessCompute}
 * in tools. `signal` cancels the job (the request was abandoned or ran out of time).
 * `onProvisional`, when the runner has them, gets the job's heuristic answers as they come, before
 * its final one (a large problem's quick plan, an unproven first pass's plan, a reskilling job's
 * best options so far), for work the answer will need (reading its courses' records); it must not
 * throw, and the final answer may differ.
 */
export interface PlanningCompute {
  runPlanning(
    job: PlanningJob,
    signal?: AbortSignal,
    onProvisional?: (answer: PlanningJobResult) => void,
  ): Promise<PlanningJobResult>;
  /**
   * A place for a plan request due at `deadline` (epoch ms) with `timeLimitMs` in all, taken
   * before it gathers its problem; absent: every request is admitted (tools, tests).
   *
   * @throws ServerBusyError when the request cannot be admitted in time
   */
  admitPlan?(deadline: number, timeLimitMs: number, signal?: AbortSignal): Promise<PlanPermit>;
  /**
   * How long a job of `candidates` candidate courses is expected to take from being handed over
   * until its worker can answer it at once, in ms (see `PlanningLeadTime`); absent or 0: unknown.
   */
  planningLeadMs?(candidates: number): number;
}

/**
 * Scores rankings at scale: every consenting learner against one target, every occupation against
 * one subject. `signal` cancels the work.
 */
export interface RankingCompute {
  rankCandidates(input: RankCandidatesInput, signal?: AbortSignal): Promise<RankedCandidates>;
  rankOccupations(input: RankOccupationsInput, signal?: AbortSignal): Promise<RankedOccupations>;
}

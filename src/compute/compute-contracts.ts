/** What the planning and coverage services need from the compute tier. */
import type { OccupationScore, RankCandidatesInput, RankedCandidates, RankOccupationsInput } from '../domain/coverage';
import type { PlanningJob, PlanningJobResult } from '../domain/planning';

/**
 * Runs planning jobs: {@link ComputePool} (worker threads) in the server, {@link InProcessCompute}
 * in tools. `signal` cancels the job (the request was abandoned or ran out of time).
 */
export interface PlanningCompute {
  runPlanning(job: PlanningJob, signal?: AbortSignal): Promise<PlanningJobResult>;
}

/**
 * Scores rankings at scale: every consenting learner against one target, every occupation against
 * one subject. `signal` cancels the work.
 */
export interface RankingCompute {
  rankCandidates(input: RankCandidatesInput, signal?: AbortSignal): Promise<RankedCandidates>;
  rankOccupations(input: RankOccupationsInput, signal?: AbortSignal): Promise<OccupationScore[]>;
}

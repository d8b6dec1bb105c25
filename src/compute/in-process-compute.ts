/**
 * Planning on the caller's own thread: for command-line tools and benchmarks that plan one
 * request at a time and have no event loop to protect. The server uses {@link ComputePool}.
 */
import { runPlanningJob, type PlanningJob, type PlanningJobResult } from '../domain/planning';
import type { PlanningCompute, RankingCompute } from './compute-contracts';
import {
  rankCandidateEvidence,
  rankOccupationRows,
  type RankedOccupations,
  type RankedCandidates,
  type RankCandidatesInput,
  type RankOccupationsInput,
} from '../domain/coverage';
import { RequestTimeoutError } from '../domain/errors';

/** Runs compute work in-process; an aborted signal refuses it. */
export class InProcessCompute implements PlanningCompute, RankingCompute {
  async runPlanning(job: PlanningJob, signal?: AbortSignal): Promise<PlanningJobResult> {
    refuseAborted(signal);
    return runPlanningJob(job);
  }

  async rankCandidates(input: RankCandidatesInput, signal?: AbortSignal): Promise<RankedCandidates> {
    refuseAborted(signal);
    return rankCandidateEvidence(input);
  }

  async rankOccupations(input: RankOccupationsInput, signal?: AbortSignal): Promise<RankedOccupations> {
    refuseAborted(signal);
    return rankOccupationRows(input);
  }
}

function refuseAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new RequestTimeoutError('The request was cancelled');
}

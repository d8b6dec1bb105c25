/**
 * Values the coverage resolvers pass down to field resolvers: the computed result plus what a
 * nested field needs to compute more (the subject's evidence and the policy), so a client that
 * asks only for scores never pays for explanations.
 */
import type { CoverageResult, MatchPolicy, Target } from '../../domain/coverage';
import type { SubjectEvidence } from '../../services/coverage-service';

/** A computed coverage. */
export type CoverageValue = CoverageResult;

/** One ranked occupation and the means to explain it. */
export interface OccupationMatchValue {
  readonly occupationUri: string;
  readonly score: number;
  readonly essentialCoverage: number;
  readonly optionalCoverage: number;
  readonly evidence: SubjectEvidence;
  readonly policy: MatchPolicy;
}

/** One ranked candidate and the means to explain it. */
export interface CandidateMatchValue {
  readonly learnerId: string;
  readonly score: number;
  readonly essentialCoverage: number;
  readonly optionalCoverage: number;
  readonly target: Target;
  readonly policy: MatchPolicy;
}

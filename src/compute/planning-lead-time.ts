/**
 * How long a planning job takes, from the moment it is handed to the compute tier, until its
 * worker has prepared its targets (packing it, waiting for a worker, unpacking, preparing; from
 * then on the worker can give a quick plan whenever its time runs short), or to its first answer if
 * that comes earlier (the express lane's). Learnt per candidate course from the jobs run, so that
 * gathering can stop following prerequisites while the job still has time to reach an answer by
 * its deadline.
 *
 * Measured on the 20 %-prerequisite store at concurrency 16, the lead to a first answer took
 * 300-700 ms for jobs of 7,000-13,000 candidates, after a gathering that used 60 % of the plan's
 * time: the first answer then came after the deadline. Timed to the first answer instead of the
 * preparation, the lead of a catalogue with few prerequisites included its first pass's solving,
 * and cut prerequisites the job had time for: reskillingPaths at c1 proved 120 of 145 plans
 * optimal against 145 of 145.
 */
import { PerUnitRate } from '../domain/planning/per-unit-rate';

/** Weight of the newest measurement in the mean. */
const NEWEST_WEIGHT = 0.2;

/** Below this many candidates a job is not timed: its lead is mostly fixed costs. */
const MIN_TIMED_CANDIDATES = 500;

/** Margin on the estimate: the lead of the same job varies by about a quarter under load. */
export const LEAD_MARGIN = 1.25;

/**
 * Learnt lead time of planning jobs, per candidate course; 0 until a job of
 * {@link MIN_TIMED_CANDIDATES} or more has been timed.
 *
 * @example
 * const lead = new PlanningLeadTime();
 * lead.observe(10_000, 400); // a job of 10,000 candidates was prepared 400 ms after it was handed over
 * lead.estimate(5_000); // 250 ms: 200 ms, with the margin
 */
export class PlanningLeadTime {
  private readonly msPerCandidate = new PerUnitRate({ newestWeight: NEWEST_WEIGHT, minUnits: MIN_TIMED_CANDIDATES });

  /** Records that a job of `candidates` candidate courses was prepared (or answered) `millis` after it was handed over. */
  observe(candidates: number, millis: number): void {
    this.msPerCandidate.observe(candidates, millis);
  }

  /** Expected lead of a job of `candidates` candidate courses, margin included (ms). */
  estimate(candidates: number): number {
    const perCandidate = this.msPerCandidate.perUnit;
    return perCandidate === undefined ? 0 : Math.max(0, candidates) * perCandidate * LEAD_MARGIN;
  }
}

/**
 * Warming an express lane's compiled code. The lane plans only jobs that would otherwise answer
 * late, a few a minute under load, so V8 compiles its code late, and its first late plans ran
 * before that: a captured 3,802-course job took 157 ms to unpack and plan as a fresh thread's first
 * job and 47-82 ms after the warm-up, with its answer due about 115 ms after it started
 * (docs/benchmarks.md, twenty-second pass). At its warm-up task the lane plans invented jobs of
 * real size the way it plans real ones: packed, posted (a structured clone) and unpacked, then
 * planned without the solver.
 */
import { epochNow, runLatePlanningJob, type EpochClock } from '../domain/planning';
import { warmUpPlanningJobs } from '../domain/planning/warm-up-jobs';
import { latePlanningTask, shipPlanningJobNow, unshipPlanningJob } from './shipped-planning-job';

/**
 * Rounds of the invented jobs (each plans both). Replaying captured late jobs on a fresh thread,
 * two rounds gave most of the gain of four at about 550 ms of warm-up against 900 ms
 * (docs/benchmarks.md, twenty-second pass).
 */
export const LATE_PLANNING_WARM_UP_ROUNDS = 3;

/**
 * Time each invented job is given, as a late job is (its stop time is this much away, less the
 * reply margin): enough for the exact search to run, so its code is compiled too.
 */
const WARM_UP_JOB_MS = 150;

/**
 * Plans the invented jobs `rounds` times on this thread, as late-planning tasks are planned;
 * returns how many plans were made.
 *
 * @example
 * warmUpLatePlanning(1) // 2: both invented jobs planned once
 */
export function warmUpLatePlanning(rounds = LATE_PLANNING_WARM_UP_ROUNDS, now: EpochClock = epochNow): number {
  let planned = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const job of warmUpPlanningJobs(now() + WARM_UP_JOB_MS)) {
      // As posted by the pool: the worker's objects then have the shapes of a real task's.
      const task = structuredClone(latePlanningTask(job, shipPlanningJobNow(job)));
      runLatePlanningJob(unshipPlanningJob(task), task.stopAt, now);
      planned += 1;
    }
  }
  return planned;
}

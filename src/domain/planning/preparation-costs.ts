/**
 * What preparing a plan's problem costs on this thread, learnt from the problems it prepared.
 *
 * Before a plan is searched, its courses are checked for eligibility, their prerequisite chains
 * worked out and dominated courses pruned, once per job (the catalogue) and once per target. Over
 * a catalogue of 10,000 candidates with many prerequisites this takes 100-900 ms, and it cannot be
 * stopped half-way. A job whose quick plans are already there (`quickPlan`) should not start it
 * when it cannot end before the deadline: measured on the 20 %-prerequisite store, a
 * reskillingPaths worker that prepared its first target with 1 ms of its budget left answered
 * 500-1,000 ms past its deadline, and kept a core busy while later requests waited for it.
 *
 * Costs are per course, as exponentially weighted means of what was measured, so they follow the
 * machine's load; until something is measured they are pessimistic (slow machine, busy cores).
 */
import { PerUnitRate } from './per-unit-rate';

/** Milliseconds per course of a catalogue's preparation before any is measured. */
export const INITIAL_CATALOGUE_MS_PER_COURSE = 0.05;

/** Milliseconds per course of one target's preparation before any is measured. */
export const INITIAL_TARGET_MS_PER_COURSE = 0.01;

/** Weight of the newest measurement in the means. */
const NEWEST_WEIGHT = 0.3;

/** Margin on the estimate: the same preparation varies by about a quarter on a busy machine. */
export const ESTIMATE_MARGIN = 1.25;

/** Below this many courses a preparation is not timed: a few milliseconds say little per course. */
const MIN_TIMED_COURSES = 500;

/**
 * Learnt costs of preparing plan problems.
 *
 * @example
 * const costs = new PreparationCosts();
 * costs.observe('catalogue', 10_000, 300); // 0.03 ms per course measured
 * costs.estimate(10_000, true); // ms to prepare the catalogue and one target of 10,000 courses
 */
export class PreparationCosts {
  private readonly catalogue = new PerUnitRate({
    initial: INITIAL_CATALOGUE_MS_PER_COURSE,
    newestWeight: NEWEST_WEIGHT,
    minUnits: MIN_TIMED_COURSES,
  });
  private readonly target = new PerUnitRate({
    initial: INITIAL_TARGET_MS_PER_COURSE,
    newestWeight: NEWEST_WEIGHT,
    minUnits: MIN_TIMED_COURSES,
  });

  /** Records that preparing a `part` over `courses` courses took `millis`. */
  observe(part: 'catalogue' | 'target', courses: number, millis: number): void {
    (part === 'catalogue' ? this.catalogue : this.target).observe(courses, millis);
  }

  /**
   * Milliseconds one target of a job of `courses` courses would take to prepare, with its
   * catalogue when `withCatalogue` (the job's first preparation), margin included.
   */
  estimate(courses: number, withCatalogue: boolean): number {
    const target = this.target.perUnit ?? INITIAL_TARGET_MS_PER_COURSE;
    const catalogue = this.catalogue.perUnit ?? INITIAL_CATALOGUE_MS_PER_COURSE;
    const perCourse = target + (withCatalogue ? catalogue : 0);
    return Math.max(0, courses) * perCourse * ESTIMATE_MARGIN;
  }
}

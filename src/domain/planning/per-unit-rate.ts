/**
 * A cost per unit (milliseconds per course, per candidate) learnt from measurements, as an
 * exponentially weighted mean, so that it follows the machine's load. Shared by the estimates that
 * keep plans within their deadline (`PreparationCosts`, the compute pool's `PlanningLeadTime`).
 */

/** Settings of a {@link PerUnitRate}. */
export interface PerUnitRateOptions {
  /** The rate before anything is measured; none: unknown until the first measurement, taken as is. */
  readonly initial?: number;
  /** Weight of the newest measurement in the mean, in (0, 1]. */
  readonly newestWeight: number;
  /** Measurements over fewer units are ignored: a few milliseconds say little per unit. */
  readonly minUnits: number;
}

/**
 * A learnt cost per unit.
 *
 * @example
 * const rate = new PerUnitRate({ newestWeight: 0.2, minUnits: 500 });
 * rate.observe(10_000, 400);
 * rate.perUnit; // 0.04 ms per unit
 * rate.observe(10, 1_000); // ignored: too few units
 */
export class PerUnitRate {
  private value: number | undefined;

  constructor(private readonly options: PerUnitRateOptions) {
    this.value = options.initial;
  }

  /** The learnt cost per unit; undefined before the first measurement when no initial rate was given. */
  get perUnit(): number | undefined {
    return this.value;
  }

  /** Records that `units` units took `millis`; invalid times and small measurements are ignored. */
  observe(units: number, millis: number): void {
    if (!(units >= this.options.minUnits) || !(millis >= 0) || !Number.isFinite(millis)) return;
    const measured = millis / units;
    this.value = this.value === undefined ? measured : this.value + this.options.newestWeight * (measured - this.value);
  }
}

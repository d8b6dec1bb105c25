import { describe, expect, it } from 'vitest';
import { PerUnitRate } from './per-unit-rate';

describe('PerUnitRate', () => {
  it('starts from its initial rate, or unknown without one', () => {
    expect(new PerUnitRate({ initial: 0.05, newestWeight: 0.3, minUnits: 500 }).perUnit).toBe(0.05);
    expect(new PerUnitRate({ newestWeight: 0.3, minUnits: 500 }).perUnit).toBeUndefined();
  });

  it('takes the first measurement as is when it had no initial rate, then weights the newest', () => {
    const rate = new PerUnitRate({ newestWeight: 0.25, minUnits: 500 });
    rate.observe(1_000, 100);
    expect(rate.perUnit).toBeCloseTo(0.1, 12);
    rate.observe(1_000, 500);
    expect(rate.perUnit).toBeCloseTo(0.1 + 0.25 * (0.5 - 0.1), 12);
  });

  it('ignores measurements over too few units and invalid times', () => {
    const rate = new PerUnitRate({ initial: 1, newestWeight: 0.5, minUnits: 500 });
    rate.observe(499, 5_000);
    rate.observe(1_000, Number.NaN);
    rate.observe(1_000, -1);
    rate.observe(1_000, Number.POSITIVE_INFINITY);
    expect(rate.perUnit).toBe(1);
  });
});

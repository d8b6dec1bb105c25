import { describe, expect, it } from 'vitest';
import {
  ESTIMATE_MARGIN,
  INITIAL_CATALOGUE_MS_PER_COURSE,
  INITIAL_TARGET_MS_PER_COURSE,
  PreparationCosts,
} from './preparation-costs';

describe('PreparationCosts', () => {
  it('starts from the pessimistic defaults, with its margin', () => {
    const costs = new PreparationCosts();
    const target = costs.estimate(10_000, false);
    const both = costs.estimate(10_000, true);
    expect(target).toBeGreaterThan(10_000 * INITIAL_TARGET_MS_PER_COURSE);
    expect(both / target).toBeCloseTo(
      (INITIAL_CATALOGUE_MS_PER_COURSE + INITIAL_TARGET_MS_PER_COURSE) / INITIAL_TARGET_MS_PER_COURSE,
      9,
    );
  });

  it('follows what it measures, the catalogue and the targets apart', () => {
    const costs = new PreparationCosts();
    const before = costs.estimate(1_000, false);
    for (let i = 0; i < 40; i += 1) costs.observe('catalogue', 1_000, 200); // 0.2 ms per course
    // The target part did not move; the catalogue part converged to the measured cost.
    expect(costs.estimate(1_000, false)).toBeCloseTo(before, 9);
    const catalogueOnly = costs.estimate(1_000, true) - costs.estimate(1_000, false);
    expect(catalogueOnly / ESTIMATE_MARGIN).toBeCloseTo(200, 3);
    for (let i = 0; i < 40; i += 1) costs.observe('target', 2_000, 20); // 0.01 ms per course
    expect(costs.estimate(2_000, false) / ESTIMATE_MARGIN).toBeCloseTo(20, 3);
  });

  it('weights the newest measurement without forgetting the others at once', () => {
    const costs = new PreparationCosts();
    for (let i = 0; i < 40; i += 1) costs.observe('target', 1_000, 10);
    costs.observe('target', 1_000, 1_000);
    const estimate = costs.estimate(1_000, false) / ESTIMATE_MARGIN;
    expect(estimate).toBeGreaterThan(10);
    expect(estimate).toBeLessThan(1_000);
  });

  it('ignores small and invalid measurements', () => {
    const costs = new PreparationCosts();
    const before = costs.estimate(5_000, true);
    costs.observe('catalogue', 10, 5_000);
    costs.observe('catalogue', 5_000, Number.NaN);
    costs.observe('target', 5_000, -3);
    costs.observe('target', 5_000, Number.POSITIVE_INFINITY);
    expect(costs.estimate(5_000, true)).toBe(before);
  });
});

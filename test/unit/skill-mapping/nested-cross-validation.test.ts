import { describe, expect, it } from 'vitest';
import type { FeaturedItem } from '../../../src/domain/skill-mapping/cross-validation';
import { lexicalWeightGrid } from '../../../src/domain/skill-mapping/lexical-weight-grid';
import {
  nestedCrossValidate,
  selectByCrossValidation,
} from '../../../src/domain/skill-mapping/nested-cross-validation';
import { featuredCandidate } from '../../support/featured-candidate';
import { DEFAULT_RANKING_WEIGHTS } from '../../../src/domain/skill-mapping/score-candidates';

/**
 * Sentence i featured two ways: `informative` gives the gold skill a signal no other candidate
 * has; otherwise the gold skill sits in the middle of 12 others by lexical score and shares its
 * noisy signal with half of them, so no linear model lifts it into the top 5 every time.
 */
function sentence(i: number, informative: boolean): FeaturedItem {
  return {
    split: i % 3 === 0 ? 'house' : 'tech',
    goldUris: [`gold-${i}`],
    candidates: [
      ...Array.from({ length: 12 }, (_, j) =>
        featuredCandidate(`other-${i}-${j}`, informative ? 0 : (i + j) % 2, 0.9 - j * 0.05),
      ),
      featuredCandidate(`gold-${i}`, informative ? 1 : i % 2, 0.62),
    ],
  };
}

describe('nestedCrossValidate', () => {
  it('chooses, in every outer fold, the weights under which the sentences are separable, and scores each sentence once', () => {
    const n = 40;
    const noisy = Array.from({ length: n }, (_, i) => sentence(i, false));
    const informative = Array.from({ length: n }, (_, i) => sentence(i, true));
    const report = nestedCrossValidate([noisy, informative], 4, 13);
    expect(report.folds.map((f) => f.chosen)).toEqual([1, 1, 1, 1]);
    expect(report.pooled.items).toBe(n);
    expect(report.folds.reduce((sum, f) => sum + f.items, 0)).toBe(n);
    expect(report.pooled.rPrecisionAt5).toBe(1);
  });

  it('rejects grid points that feature different sentences', () => {
    const a = Array.from({ length: 12 }, (_, i) => sentence(i, true));
    expect(() => nestedCrossValidate([a, a.slice(1)], 3)).toThrow(RangeError);
  });
});

describe('selectByCrossValidation', () => {
  it('looks only at the sentences it is given', () => {
    // Point 0 is informative on sentences 0-19 only, point 1 on sentences 20-39 only.
    const point0 = Array.from({ length: 40 }, (_, i) => sentence(i, i < 20));
    const point1 = Array.from({ length: 40 }, (_, i) => sentence(i, i >= 20));
    const first = Array.from({ length: 20 }, (_, i) => i);
    const second = Array.from({ length: 20 }, (_, i) => i + 20);
    expect(selectByCrossValidation([point0, point1], first, 3)).toBe(0);
    expect(selectByCrossValidation([point0, point1], second, 3)).toBe(1);
  });
});

describe('lexicalWeightGrid', () => {
  it('holds 27 distinct points, the shipped defaults among them, and changes nothing else', () => {
    const grid = lexicalWeightGrid();
    expect(grid).toHaveLength(27);
    expect(new Set(grid.map((p) => p.name)).size).toBe(27);
    expect(grid.some((p) => JSON.stringify(p.weights) === JSON.stringify(DEFAULT_RANKING_WEIGHTS))).toBe(true);
    for (const point of grid)
      expect({ ...point.weights, labelCoveragePower: 0, densityPower: 0, descriptionWeight: 0 }).toEqual({
        ...DEFAULT_RANKING_WEIGHTS,
        labelCoveragePower: 0,
        densityPower: 0,
        descriptionWeight: 0,
      });
  });
});

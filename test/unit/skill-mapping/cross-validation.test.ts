import { describe, expect, it } from 'vitest';
import {
  assignFolds,
  crossSplitValidate,
  crossValidate,
  fitReranker,
  FIT_DEPTH,
  type FeaturedItem,
} from '../../../src/domain/skill-mapping/cross-validation';
import { featuredCandidate } from '../../support/featured-candidate';

/** Sentence i: the gold skill is lexically last of 8 but carries the signal feature. */
function items(n: number): FeaturedItem[] {
  return Array.from({ length: n }, (_, i) => ({
    split: i % 3 === 0 ? 'house' : 'tech',
    goldUris: [`gold-${i}`],
    candidates: [
      ...Array.from({ length: 7 }, (_, j) => featuredCandidate(`other-${i}-${j}`, 0.1 * ((i + j) % 2), 0.9 - j * 0.05)),
      featuredCandidate(`gold-${i}`, 1, 0.5),
    ],
  }));
}

describe('assignFolds', () => {
  it('deals items round-robin within each split, so every fold holds every split', () => {
    const folds = assignFolds(
      [{ split: 'a' }, { split: 'a' }, { split: 'b' }, { split: 'a' }, { split: 'b' }, { split: 'a' }],
      2,
    );
    expect(folds).toEqual([0, 1, 0, 0, 1, 1]);
  });
});

describe('crossValidate', () => {
  it('scores every item once, on a model fitted without it, and learns a signal the lexical order misses', () => {
    const data = items(30);
    const report = crossValidate(data, 5, { depth: 8, calibrationDepth: 5 });
    expect(report.folds).toHaveLength(5);
    expect(report.folds.reduce((sum, f) => sum + f.items, 0)).toBe(30);
    expect(report.pooled.items).toBe(30);
    // Lexically the gold skill is 8th (RP@5 0); the learned signal puts it first in held-out folds.
    expect(report.pooled.rPrecisionAt5).toBe(1);
    expect(report.meanMrr).toBe(1);
    expect(report.outOfFold).toHaveLength(30 * 5);
    expect(report.outOfFold.filter((s) => s.gold)).toHaveLength(30);
  });

  it('fits on the head of each lexical ranking only', () => {
    const long: FeaturedItem = {
      split: 'tech',
      goldUris: ['g'],
      candidates: [
        featuredCandidate('g', 1, 1),
        ...Array.from({ length: FIT_DEPTH + 20 }, (_, j) => featuredCandidate(`x${j}`, 0, 0.5)),
      ],
    };
    // With the tail included the base rate would be 1/51; fitted on the head it is 1/30.
    const model = fitReranker([long], { l2: 1e6, maxIterations: 50 });
    expect(1 / (1 + Math.exp(-model.bias))).toBeCloseTo(1 / FIT_DEPTH, 3);
  });

  it('refuses fewer items than folds', () => {
    expect(() => crossValidate(items(3), 5)).toThrow(RangeError);
  });
});

describe('crossSplitValidate', () => {
  it('scores each split once, on a model fitted on the other splits only', () => {
    const results = crossSplitValidate(items(30), { depth: 8 });
    expect(results.map((r) => [r.split, r.fittedOn, r.items])).toEqual([
      ['house', ['tech'], 10],
      ['tech', ['house'], 20],
    ]);
    // The signal holds in both splits, so each split's model learns it from the other.
    expect(results.every((r) => r.rPrecisionAt5 === 1 && r.mrr === 1)).toBe(true);
  });

  it('does not let a split teach its own model what only it shows', () => {
    // In "house" the gold skill is lexically last and carries the signal; in "tech" it is lexically
    // first and carries none. Fitted on "tech", the model trusts the lexical order, which puts
    // "house"'s gold last; fitted on "house", it learns the signal and distrusts the lexical order,
    // which puts "tech"'s gold last.
    const data: FeaturedItem[] = Array.from({ length: 20 }, (_, i) => {
      const house = i % 2 === 0;
      const others = Array.from({ length: 7 }, (_, j) => featuredCandidate(`other-${i}-${j}`, 0, 0.8 - j * 0.05));
      const gold = featuredCandidate(`gold-${i}`, house ? 1 : 0, house ? 0.4 : 0.9);
      return {
        split: house ? 'house' : 'tech',
        goldUris: [`gold-${i}`],
        candidates: house ? [...others, gold] : [gold, ...others],
      };
    });
    const bySplit = Object.fromEntries(crossSplitValidate(data, { depth: 8 }).map((r) => [r.split, r]));
    expect(bySplit.house!.rPrecisionAt5).toBe(0);
    expect(bySplit.tech!.rPrecisionAt5).toBe(0);
    // Folds that mix the splits find "house"'s gold, as the model has seen "house" sentences.
    const mixed = crossValidate(data, 2, { depth: 8 });
    expect(mixed.bySplit.house!.rPrecisionAt5).toBe(1);
  });

  it('refuses a single split', () => {
    expect(() => crossSplitValidate(items(30).map((item) => ({ ...item, split: 'tech' })))).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic } from '../../../src/domain/skill-mapping/logistic-model';

describe('fitLogistic', () => {
  it('recovers the maximum-likelihood probabilities of a two-group design when the penalty vanishes', () => {
    // x = 0: 1 positive of 4; x = 1: 3 of 4. The unpenalised MLE predicts exactly 0.25 and 0.75.
    const rows = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const labels = [1, 0, 0, 0, 1, 1, 1, 0];
    const model = fitLogistic(['x'], rows, labels, { l2: 1e-9, maxIterations: 100 });
    expect(predictLogistic(model, [0])).toBeCloseTo(0.25, 6);
    expect(predictLogistic(model, [1])).toBeCloseTo(0.75, 6);
  });

  it('shrinks the weight towards zero as the penalty grows (predictions move to the base rate)', () => {
    const rows = [[0], [0], [0], [0], [1], [1], [1], [1]];
    const labels = [1, 0, 0, 0, 1, 1, 1, 0];
    const weak = fitLogistic(['x'], rows, labels, { l2: 1e-9, maxIterations: 100 });
    const strong = fitLogistic(['x'], rows, labels, { l2: 1e6, maxIterations: 100 });
    expect(Math.abs(strong.weights[0]!)).toBeLessThan(1e-3);
    expect(Math.abs(weak.weights[0]!)).toBeGreaterThan(0.5);
    expect(predictLogistic(strong, [1])).toBeCloseTo(0.5, 3);
  });

  it('keeps a constant feature at weight 0 and stays finite on separable data', () => {
    const rows = [
      [1, 0],
      [1, 1],
      [1, 2],
      [1, 3],
    ];
    const labels = [0, 0, 1, 1];
    const model = fitLogistic(['constant', 'x'], rows, labels, { l2: 1, maxIterations: 50 });
    expect(model.weights[0]).toBe(0);
    expect(Number.isFinite(model.weights[1]!)).toBe(true);
    expect(predictLogistic(model, [1, 3])).toBeGreaterThan(predictLogistic(model, [1, 0]));
  });

  it('rejects mismatched or empty input', () => {
    expect(() => fitLogistic(['x'], [], [])).toThrow(RangeError);
    expect(() => fitLogistic(['x'], [[1]], [1, 0])).toThrow(RangeError);
  });
});

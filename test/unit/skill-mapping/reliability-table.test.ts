import { describe, expect, it } from 'vitest';
import { expectedCalibrationError, reliabilityTable } from '../../../src/domain/skill-mapping/reliability-table';

describe('reliabilityTable', () => {
  it('groups scores into bands with their gold share; a score of 1 falls in the last band', () => {
    const table = reliabilityTable(
      [
        { score: 0.85, gold: true },
        { score: 0.82, gold: false },
        { score: 0.81, gold: true },
        { score: 0.05, gold: false },
        { score: 1, gold: true },
      ],
      10,
    );
    expect(table).toHaveLength(10);
    expect(table[8]).toMatchObject({ from: 0.8, to: 0.9, count: 3 });
    expect(table[8]!.goldShare).toBeCloseTo(2 / 3, 10);
    expect(table[8]!.meanScore).toBeCloseTo(0.8266667, 6);
    expect(table[9]).toMatchObject({ count: 1, goldShare: 1, meanScore: 1 });
    expect(table[0]).toMatchObject({ count: 1, goldShare: 0 });
    expect(table[5]!.count).toBe(0);
    expect(Number.isNaN(table[5]!.goldShare)).toBe(true);
  });

  it('has zero calibration error when every band holds as many right answers as it promises', () => {
    const perfect = reliabilityTable([
      { score: 0.25, gold: true },
      { score: 0.25, gold: false },
      { score: 0.25, gold: false },
      { score: 0.25, gold: false },
    ]);
    expect(expectedCalibrationError(perfect)).toBeCloseTo(0, 10);
    // Scored 0.9 but right half the time: the gap is 0.4.
    const overconfident = reliabilityTable([
      { score: 0.9, gold: true },
      { score: 0.9, gold: false },
    ]);
    expect(expectedCalibrationError(overconfident)).toBeCloseTo(0.4, 10);
  });
});

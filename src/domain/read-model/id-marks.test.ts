import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdMarks } from './id-marks';

describe('IdMarks', () => {
  it('answers as a Set<number> would, for ids within and far beyond the first capacity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(100_000), { maxLength: 200 }),
        fc.array(fc.nat(100_000), { maxLength: 50 }),
        (added, probed) => {
          const marks = new IdMarks(16);
          const reference = new Set<number>();
          for (const id of added) {
            marks.add(id);
            reference.add(id);
          }
          for (const id of [...added, ...probed]) expect(marks.has(id)).toBe(reference.has(id));
        },
      ),
    );
  });

  it('refuses ids that are not whole numbers ≥ 0 instead of marking nothing', () => {
    const marks = new IdMarks();
    expect(() => marks.add(-1)).toThrow(RangeError);
    expect(() => marks.add(1.5)).toThrow(RangeError);
    expect(() => marks.has(Number.NaN)).toThrow(RangeError);
  });
});

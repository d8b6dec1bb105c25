import { describe, expect, it } from 'vitest';
import { DatesAgainstDay } from './dates-against-day';
import { Interner } from './interner';

describe('DatesAgainstDay', () => {
  it('tells each date on or before the day, or after it, as strings compare', () => {
    const dates = new Interner();
    const [early, same, late] = ['2024-01-01', '2024-06-01', '2024-06-02'].map((d) => dates.intern(d));
    const { onOrBefore, after } = new DatesAgainstDay(dates).on('2024-06-01');
    expect([onOrBefore[early!], onOrBefore[same!], onOrBefore[late!]]).toEqual([1, 1, 0]);
    expect([after[early!], after[same!], after[late!]]).toEqual([0, 0, 1]);
  });

  it('compares dates interned since the last call, and starts over for another day', () => {
    const dates = new Interner();
    const verdicts = new DatesAgainstDay(dates);
    const first = dates.intern('2024-01-01');
    expect(verdicts.on('2024-06-01').onOrBefore[first]).toBe(1);
    // Past the first capacity, so the tables grow and keep what was compared.
    const later = Array.from({ length: 100 }, (_, i) => dates.intern(`2025-01-${String(i).padStart(3, '0')}`));
    const again = verdicts.on('2024-06-01');
    expect(again.onOrBefore[first]).toBe(1);
    expect(later.every((id) => again.after[id] === 1)).toBe(true);
    const nextYear = verdicts.on('2026-01-01');
    expect(nextYear.after[first]).toBe(0);
    expect(later.every((id) => nextYear.onOrBefore[id] === 1)).toBe(true);
  });
});

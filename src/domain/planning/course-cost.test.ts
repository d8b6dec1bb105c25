import { describe, expect, it } from 'vitest';
import { courseCost, effectiveEcts, effectiveHours } from './course-cost';

const course = (hours: number | null, price: number | null, ects: number | null) => ({ hours, price, ects });

describe('courseCost', () => {
  it('uses hours, falling back to 25 h per ECTS', () => {
    expect(courseCost(course(12, null, 3), 'HOURS')).toBe(12);
    expect(courseCost(course(null, null, 3), 'HOURS')).toBe(75);
    expect(courseCost(course(null, 10, null), 'HOURS')).toBeNull();
  });

  it('uses ECTS, falling back to hours / 25', () => {
    expect(courseCost(course(12, null, 3), 'ECTS')).toBe(3);
    expect(courseCost(course(50, null, null), 'ECTS')).toBe(2);
    expect(courseCost(course(null, 10, null), 'ECTS')).toBeNull();
  });

  it('never treats a missing price as free', () => {
    expect(courseCost(course(1, 0, 1), 'PRICE')).toBe(0);
    expect(courseCost(course(1, null, 1), 'PRICE')).toBeNull();
  });

  it('counts every course as 1', () => {
    expect(courseCost(course(null, null, null), 'COUNT')).toBe(1);
  });

  it('exposes the fallbacks used for totals', () => {
    expect(effectiveHours(course(null, null, 2))).toBe(50);
    expect(effectiveEcts(course(10, null, null))).toBe(0.4);
    expect(effectiveHours(course(null, null, null))).toBeNull();
  });
});

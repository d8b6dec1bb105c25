import { describe, expect, it } from 'vitest';
import { LEAD_MARGIN, PlanningLeadTime } from './planning-lead-time';

describe('PlanningLeadTime', () => {
  it('expects no lead before it has timed a job', () => {
    expect(new PlanningLeadTime().estimate(10_000)).toBe(0);
  });

  it('scales the first measurement by candidates, with its margin', () => {
    const lead = new PlanningLeadTime();
    lead.observe(10_000, 400);
    expect(lead.estimate(5_000)).toBeCloseTo(200 * LEAD_MARGIN, 9);
    expect(lead.estimate(0)).toBe(0);
  });

  it('follows a change of load without forgetting the past at once', () => {
    const lead = new PlanningLeadTime();
    for (let i = 0; i < 30; i += 1) lead.observe(1_000, 100);
    lead.observe(1_000, 1_000);
    const afterOne = lead.estimate(1_000) / LEAD_MARGIN;
    expect(afterOne).toBeGreaterThan(100);
    expect(afterOne).toBeLessThan(1_000);
    for (let i = 0; i < 60; i += 1) lead.observe(1_000, 1_000);
    expect(lead.estimate(1_000) / LEAD_MARGIN).toBeCloseTo(1_000, 1);
  });

  it('ignores small jobs and invalid times', () => {
    const lead = new PlanningLeadTime();
    lead.observe(100, 5_000);
    lead.observe(5_000, Number.NaN);
    lead.observe(5_000, -1);
    expect(lead.estimate(5_000)).toBe(0);
  });
});

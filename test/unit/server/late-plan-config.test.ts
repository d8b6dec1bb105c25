import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config';

describe('COMPUTE_LATE_PLAN_THREADS', () => {
  it('defaults to one late-plan thread, and 0 turns the lane off', () => {
    expect(loadConfig({}).limits.computeLatePlanThreads).toBe(1);
    expect(loadConfig({ COMPUTE_LATE_PLAN_THREADS: '0' }).limits.computeLatePlanThreads).toBe(0);
  });

  it('refuses values outside 0 to 16, naming the variable', () => {
    expect(() => loadConfig({ COMPUTE_LATE_PLAN_THREADS: '-1' })).toThrow(/COMPUTE_LATE_PLAN_THREADS/);
    expect(() => loadConfig({ COMPUTE_LATE_PLAN_THREADS: '17' })).toThrow(/COMPUTE_LATE_PLAN_THREADS/);
  });
});

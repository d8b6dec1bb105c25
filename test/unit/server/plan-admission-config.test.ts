import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config';

describe('PLAN_ADMISSION_MAX and PLAN_ADMISSION_MIN', () => {
  it('default to the compute threads plus their queue, and to one', () => {
    const { limits } = loadConfig({ COMPUTE_THREADS: '3', COMPUTE_QUEUE_MAX: '10' });
    expect(limits.planAdmissionMax).toBe(13);
    expect(limits.planAdmissionMin).toBe(1);
    expect(loadConfig({ PLAN_ADMISSION_MAX: '6', PLAN_ADMISSION_MIN: '6' }).limits.planAdmissionMin).toBe(6);
  });

  it('refuses a minimum above the maximum, or a maximum below 1, naming the variable', () => {
    expect(() => loadConfig({ PLAN_ADMISSION_MAX: '4', PLAN_ADMISSION_MIN: '5' })).toThrow(
      /PLAN_ADMISSION_MIN.*\[1, 4\]/,
    );
    expect(() => loadConfig({ PLAN_ADMISSION_MAX: '0' })).toThrow(/PLAN_ADMISSION_MAX/);
  });
});

import { describe, expect, it } from 'vitest';
import { BenchUsageError, SCENARIO_NAMES, parseBenchOptions } from '../../../tools/bench/bench-options';

describe('bench options', () => {
  it('defaults the engine checks: 4 heavy plans of 200 candidates for 20 s, 1,000 mixed requests, no soak, 30 s to settle', () => {
    const options = parseBenchOptions([], '/repo');
    expect(options).toMatchObject({
      heavySeconds: 20,
      heavyConcurrency: 4,
      heavyCandidates: 200,
      probeRate: 5,
      memoryRequests: 1000,
      soakMinutes: 0,
      settleSeconds: 30,
      compareAnswers: 20,
    });
    expect(SCENARIO_NAMES).toContain('nextCourses');
  });

  it('takes the growth and prerequisite runs the issue asks for', () => {
    const options = parseBenchOptions(
      [
        '--learners',
        '250000',
        '--prerequisite-share',
        '0.2',
        '--soak-minutes',
        '10',
        '--heavy-seconds',
        '0',
        '--settle-seconds',
        '0',
      ],
      '/repo',
    );
    expect(options.settleSeconds).toBe(0);
    expect(options.learners).toBe(250_000);
    expect(options.prerequisiteShare).toBe(0.2);
    expect(options.soakMinutes).toBe(10);
    expect(options.heavySeconds).toBe(0);
  });

  it('refuses a heavy phase without heavy plans, and a negative settle time', () => {
    expect(() => parseBenchOptions(['--heavy-concurrency', '0'], '/repo')).toThrow(BenchUsageError);
    expect(() => parseBenchOptions(['--settle-seconds', '-1'], '/repo')).toThrow(BenchUsageError);
  });
});

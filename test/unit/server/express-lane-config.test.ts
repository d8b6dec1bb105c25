import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config';

describe('COMPUTE_EXPRESS_THREADS', () => {
  it('defaults to one express thread, and 0 turns the lane off', () => {
    expect(loadConfig({}).limits.computeExpressThreads).toBe(1);
    expect(loadConfig({ COMPUTE_EXPRESS_THREADS: '0' }).limits.computeExpressThreads).toBe(0);
  });

  it('refuses values outside 0 to 16, naming the variable', () => {
    expect(() => loadConfig({ COMPUTE_EXPRESS_THREADS: '-1' })).toThrow(/COMPUTE_EXPRESS_THREADS/);
    expect(() => loadConfig({ COMPUTE_EXPRESS_THREADS: '17' })).toThrow(/COMPUTE_EXPRESS_THREADS/);
  });
});

import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config';

describe('HEAP_GROWTH_PERCENT, COMPUTE_SOLVER_MEMORY_MB, COMPUTE_WORKER_HEAP_COLLECT_MB and COMPUTE_WORKER_YOUNG_GENERATION_MB', () => {
  it('default to a 30 % heap growth, solvers recycled past 48 MB and a 24 MB young generation', () => {
    const config = loadConfig({});
    expect(config.heapGrowthPercent).toBe(30);
    expect(config.limits.computeSolverMemoryMb).toBe(48);
    expect(config.limits.computeWorkerHeapCollectMb).toBe(64);
    expect(config.limits.computeWorkerYoungGenerationMb).toBe(24);
  });

  it("accept V8's own growth (0) and another solver limit", () => {
    const config = loadConfig({
      HEAP_GROWTH_PERCENT: '0',
      COMPUTE_SOLVER_MEMORY_MB: '256',
      COMPUTE_WORKER_HEAP_COLLECT_MB: '512',
      COMPUTE_WORKER_YOUNG_GENERATION_MB: '48',
    });
    expect(config.heapGrowthPercent).toBe(0);
    expect(config.limits.computeSolverMemoryMb).toBe(256);
    expect(config.limits.computeWorkerHeapCollectMb).toBe(512);
    expect(config.limits.computeWorkerYoungGenerationMb).toBe(48);
  });

  it('refuse values outside their ranges, naming the variable', () => {
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: '-5' })).toThrow(/HEAP_GROWTH_PERCENT/);
    expect(() => loadConfig({ HEAP_GROWTH_PERCENT: '1000' })).toThrow(/HEAP_GROWTH_PERCENT/);
    // Below HiGHS's own start (about 20 MB) every task would recycle its solver.
    expect(() => loadConfig({ COMPUTE_SOLVER_MEMORY_MB: '8' })).toThrow(/COMPUTE_SOLVER_MEMORY_MB/);
    // Below an idle worker's own heap every task would end in a full collection.
    expect(() => loadConfig({ COMPUTE_WORKER_HEAP_COLLECT_MB: '4' })).toThrow(/COMPUTE_WORKER_HEAP_COLLECT_MB/);
    expect(() => loadConfig({ COMPUTE_WORKER_YOUNG_GENERATION_MB: '4' })).toThrow(/COMPUTE_WORKER_YOUNG_GENERATION_MB/);
    expect(() => loadConfig({ COMPUTE_WORKER_YOUNG_GENERATION_MB: '2048' })).toThrow(
      /COMPUTE_WORKER_YOUNG_GENERATION_MB/,
    );
  });
});

/**
 * The garbage collector's settings the process applies at start, in one call, so that `npm start`
 * and the benchmark's in-process server cannot drift apart.
 */
import type { Config } from '../config/config';
import { limitHeapGrowth } from './heap-growth';
import { useParallelScavenge } from './parallel-scavenge';

/**
 * Applies `HEAP_GROWTH_PERCENT` and `GC_PARALLEL_SCAVENGE` to every heap of the process (call it
 * before the read model loads and the compute workers start).
 *
 * @example
 * applyGarbageCollectionSettings(loadConfig());
 */
export function applyGarbageCollectionSettings(config: Pick<Config, 'heapGrowthPercent' | 'gcParallelScavenge'>): void {
  limitHeapGrowth(config.heapGrowthPercent);
  useParallelScavenge(config.gcParallelScavenge);
}

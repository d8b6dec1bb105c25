/**
 * The process's heap growth: how much garbage V8 lets pile up before its next full collection.
 * V8 picks that factor itself (up to 4× what the last collection kept), fine for a small live set
 * but costly for this server, which keeps the read model and the skill and search indexes
 * (about 250 MB) live: under load the request thread reserved twice that, and kept it.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Caps the heap growth factor at `1 + percent / 100` for every heap of the process (the request
 * thread's and, created afterwards, the compute workers'). V8 reads the setting at each full
 * collection, so calling this at start, before the read model loads, is early enough. 0 leaves
 * V8's own factor.
 *
 * @example
 * limitHeapGrowth(config.heapGrowthPercent); // 30: collect once the heap is 1.3× what the last collection kept
 */
export function limitHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0)
    throw new RangeError(`heap growth must be a whole percent, got ${percent}`);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

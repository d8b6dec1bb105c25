/**
 * A full garbage collection of the calling thread's heap, on demand. Node exposes `gc` only with
 * `--expose-gc` on the command line; set at run time, the flag applies to contexts created
 * afterwards, so a new context hands the function over. A compute worker calls it after a large
 * job (see `ComputeWorkerSettings.heapCollectBytes`): V8 would keep the pages for long after.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The collector of this thread's heap (a full, synchronous mark-compact).
 *
 * @example
 * const collect = fullGarbageCollector();
 * collect(); // the heap shrinks to what is still reachable
 */
export function fullGarbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

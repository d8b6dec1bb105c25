/**
 * Full garbage collections of the calling thread's heap, on demand. Node exposes `gc` only with
 * `--expose-gc` on the command line; set at run time, the flag applies to contexts created
 * afterwards, so a new context hands the function over. A compute worker runs a plain one after a
 * large job (see `ComputeWorkerSettings.heapCollectBytes`); `npm start` runs a compacting one once,
 * before it listens (`compactHeap`). V8 would otherwise keep the pages for long after.
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

/**
 * Collects this thread's heap and moves what survives onto as few pages as it fits, so the pages
 * freed go back to the system now.
 *
 * A plain full collection frees objects but keeps every page that still holds one: after start-up
 * (the read model, the ESCO indexes and everything built and dropped on the way) the request
 * thread kept about 165 MB reserved for 87 MB live, until V8's memory reducer compacted it some
 * 10-30 s later. Compacting everything costs a pause proportional to what is live (about 0.3 s
 * for the request thread's 87 MB), so it is only for a moment when nothing waits: start-up, once
 * the compute workers are warm and before the server listens. The setting that asks for it is
 * process-wide while the collection runs, so a collection another thread starts in that window
 * compacts everything too: slower, not wrong, and not to be risked on a worker under load (a
 * worker's own collections stay plain).
 *
 * @returns how long the collection took, in milliseconds
 * @example
 * const ms = compactHeap(); // before listening: the idle server's RSS drops by about 90 MiB
 */
export function compactHeap(): number {
  const collect = fullGarbageCollector();
  const started = performance.now();
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    collect();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
  return performance.now() - started;
}

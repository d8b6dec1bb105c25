/**
 * What a compute worker holds in memory, reported with every answer so `/metrics` can show the
 * workers beside the request thread (prom-client's defaults see only the thread that renders them).
 */
import { getHeapStatistics } from 'node:v8';

/** One worker's memory after its latest task, in bytes. */
export interface WorkerMemory {
  /** Its V8 heap in use. */
  readonly heapUsedBytes: number;
  /** Its V8 heap reserved (what it holds from the operating system, used or not). */
  readonly heapTotalBytes: number;
  /** The WebAssembly memory of its HiGHS runtime (0 while none is loaded). */
  readonly solverBytes: number;
}

/** The calling thread's heap, with `solverBytes` as given. */
export function readWorkerMemory(solverBytes: number): WorkerMemory {
  const heap = getHeapStatistics();
  return { heapUsedBytes: heap.used_heap_size, heapTotalBytes: heap.total_heap_size, solverBytes };
}

/** The sum of several workers' readings (all zero for none). */
export function sumWorkerMemory(readings: Iterable<WorkerMemory>): WorkerMemory {
  let heapUsedBytes = 0;
  let heapTotalBytes = 0;
  let solverBytes = 0;
  for (const reading of readings) {
    heapUsedBytes += reading.heapUsedBytes;
    heapTotalBytes += reading.heapTotalBytes;
    solverBytes += reading.solverBytes;
  }
  return { heapUsedBytes, heapTotalBytes, solverBytes };
}

/**
 * Whether V8's young-generation collections (scavenges) split their work over helper threads.
 * They do by default, which pays on a machine with an idle core. This server's cores are seldom
 * idle: its compute workers solve plans on them. A scavenge's pause then lasts until every helper
 * that started has finished, and a helper waiting for a core stretches the pause of the request
 * thread, whose event loop stands still meanwhile. With four heavy plans running, scavenges on the
 * request thread alone cut the event-loop delay's p99 by about a tenth (33.8 → 30.2 ms, medians of
 * alternating runs; docs/benchmarks.md, seventeenth pass).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Turns parallel scavenging on or off for every heap of the process (the request thread's and,
 * created afterwards, the compute workers'). V8 reads the setting at each scavenge, so calling
 * this at start is early enough.
 *
 * @example
 * useParallelScavenge(config.gcParallelScavenge); // false: each thread scavenges its own heap alone
 */
export function useParallelScavenge(enabled: boolean): void {
  setFlagsFromString(enabled ? '--parallel-scavenge' : '--no-parallel-scavenge');
}

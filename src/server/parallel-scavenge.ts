/**
 * Whether V8's young-generation collections (scavenges) split their work over helper threads.
 * They do by default. A scavenge's pause lasts until every helper that started has finished, and
 * on cores kept busy by the compute workers a helper waiting for a core stretches the pause of the
 * request thread, whose event loop stands still meanwhile: with four heavy plans running,
 * scavenges on each thread alone lower the event-loop delay's p99 (32.3 → 25.1 ms, medians of
 * alternating runs). But the request thread then collects more slowly under load, and rankings
 * and plans at concurrency 16 serve fewer requests (rankOccupations 128-186 against 173-210 req/s,
 * recommendCourses 15-22 against 18-31 req/s, four alternating pairs). So V8's default stays, and
 * a deployment that puts the event loop first turns it off (docs/benchmarks.md, eighteenth pass).
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

/**
 * Keeps the local Neo4j of `npm start` alive. When the Java process dies without being asked to
 * (a crash, the OOM killer, a stray `kill -9`), the API could never serve again while `/health`
 * still said ok. The supervisor logs the death with the tail of the launcher's log, starts Neo4j
 * again on the same store and port (the driver's URI stays valid and reconnects), and gives up
 * after `maxRestarts` failed or repeated restarts within `windowMs`: then `onGiveUp` runs, and
 * `main.ts` exits non-zero so that an outer supervisor (systemd, Kubernetes) takes over.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { LocalNeo4jInstance, LocalNeo4jLog } from './start-local-neo4j';

/** Options of {@link superviseLocalNeo4j}. */
export interface SuperviseOptions {
  /** Starts Neo4j again (same data directory and port). */
  readonly restart: () => Promise<LocalNeo4jInstance>;
  /** Restarts allowed within `windowMs` before giving up (0: give up at the first death). */
  readonly maxRestarts: number;
  /** The window restarts are counted in (default 10 minutes). */
  readonly windowMs?: number;
  /** Pause before the n-th consecutive restart attempt: `backoffMs * 2^(n-1)` (default 1 s). */
  readonly backoffMs?: number;
  readonly log: LocalNeo4jLog;
  /** Called once when Neo4j is down for good. */
  readonly onGiveUp: (error: Error) => void;
}

/** A supervised local Neo4j. */
export interface SupervisedLocalNeo4j {
  /** The instance running now (replaced after a restart). */
  current(): LocalNeo4jInstance;
  /** Restarts done so far. */
  restarts(): number;
  /** Stops supervising and stops Neo4j. */
  stop(): Promise<void>;
}

const TAIL_LINES = 20;

/**
 * Watches `first` and restarts it when it exits unexpectedly.
 *
 * @example
 * const supervised = superviseLocalNeo4j(instance, { restart: () => startLocalNeo4j(options), maxRestarts: 3, log, onGiveUp: (e) => exit(e) });
 */
export function superviseLocalNeo4j(first: LocalNeo4jInstance, options: SuperviseOptions): SupervisedLocalNeo4j {
  const windowMs = options.windowMs ?? 10 * 60_000;
  const backoffMs = options.backoffMs ?? 1_000;
  let instance = first;
  let stopping = false;
  let gaveUp = false;
  let restartCount = 0;
  const restartTimes: number[] = [];
  let recovering: Promise<void> | undefined;

  const giveUp = (reason: string) => {
    if (gaveUp || stopping) return;
    gaveUp = true;
    options.log(`Giving up on the local Neo4j: ${reason}`);
    options.onGiveUp(new Error(`the local Neo4j is down and could not be restarted: ${reason}`));
  };

  const recover = async (dead: LocalNeo4jInstance) => {
    const tail = dead.tail().slice(-TAIL_LINES);
    options.log(
      `The local Neo4j (pid ${dead.pid}) died unexpectedly. Last lines of ${dead.logFile}:\n${tail.map((line) => `  | ${line}`).join('\n')}`,
    );
    for (let attempt = 1; !stopping; attempt += 1) {
      const now = Date.now();
      while (restartTimes.length > 0 && now - restartTimes[0]! > windowMs) restartTimes.shift();
      if (restartTimes.length >= options.maxRestarts) {
        return giveUp(
          `${restartTimes.length} restart(s) within ${Math.round(windowMs / 1000)} s already (NEO4J_LOCAL_MAX_RESTARTS=${options.maxRestarts})`,
        );
      }
      restartTimes.push(now);
      const delay = backoffMs * 2 ** (attempt - 1);
      options.log(
        `Restarting the local Neo4j in ${delay} ms (attempt ${attempt}, ${restartTimes.length} of ${options.maxRestarts} allowed in the window)`,
      );
      await sleep(delay);
      if (stopping) return;
      try {
        instance = await options.restart();
        restartCount += 1;
        options.log(`The local Neo4j is back (pid ${instance.pid}, ${instance.uri})`);
        watch(instance);
        return;
      } catch (error) {
        options.log(`Restarting the local Neo4j failed: ${(error as Error).message}`);
      }
    }
  };

  const watch = (watched: LocalNeo4jInstance) => {
    void watched.exited.then(() => {
      if (stopping || watched !== instance) return;
      recovering = recover(watched).finally(() => (recovering = undefined));
    });
  };
  watch(first);

  return {
    current: () => instance,
    restarts: () => restartCount,
    async stop() {
      stopping = true;
      await recovering;
      await instance.stop();
    },
  };
}

import { describe, expect, it } from 'vitest';
import { localNeo4jMemory, superviseLocalNeo4j, type LocalNeo4jInstance } from '../../../src/db/local-neo4j';

const GIB = 1024 ** 3;

describe('localNeo4jMemory', () => {
  it('sizes heap and page cache from total memory, within floors and caps', () => {
    expect(localNeo4jMemory(24 * GIB)).toEqual({ heap: '3072m', pageCache: '1536m' });
    expect(localNeo4jMemory(2 * GIB)).toEqual({ heap: '512m', pageCache: '256m' });
    expect(localNeo4jMemory(256 * GIB)).toEqual({ heap: '4096m', pageCache: '2048m' });
  });
});

/** A stand-in for a Java process: `die()` makes it exit as a crash would. */
function fakeInstance(pid: number): LocalNeo4jInstance & { die(): void; stopped: boolean } {
  let die!: () => void;
  const exited = new Promise<void>((resolve) => (die = resolve));
  const instance = {
    uri: 'bolt://127.0.0.1:1',
    port: 1,
    pid,
    dataDir: '/x',
    logFile: '/x/launcher.log',
    exited,
    tail: () => [`line of ${pid}`],
    stopped: false,
    die,
    async stop() {
      instance.stopped = true;
      die();
    },
  };
  return instance;
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('superviseLocalNeo4j', () => {
  it('restarts a crashed Neo4j, logging the launcher tail, and watches the new one', async () => {
    const instances = [fakeInstance(1), fakeInstance(2), fakeInstance(3)];
    let next = 1;
    const lines: string[] = [];
    const supervised = superviseLocalNeo4j(instances[0]!, {
      restart: async () => instances[next++]!,
      maxRestarts: 3,
      backoffMs: 1,
      log: (line) => lines.push(line),
      onGiveUp: () => undefined,
    });
    instances[0]!.die();
    await tick(20);
    expect(supervised.current().pid).toBe(2);
    expect(lines.join('\n')).toMatch(/pid 1\) died unexpectedly[\s\S]*\| line of 1/);
    instances[1]!.die();
    await tick(20);
    expect(supervised.current().pid).toBe(3);
    expect(supervised.restarts()).toBe(2);
    await supervised.stop();
    expect(instances[2]!.stopped).toBe(true);
  });

  it('gives up after maxRestarts failed attempts', async () => {
    const first = fakeInstance(1);
    let attempts = 0;
    let gaveUp: Error | undefined;
    superviseLocalNeo4j(first, {
      restart: async () => {
        attempts += 1;
        throw new Error('port in use');
      },
      maxRestarts: 2,
      backoffMs: 1,
      log: () => undefined,
      onGiveUp: (error) => (gaveUp = error),
    });
    first.die();
    await tick(50);
    expect(attempts).toBe(2);
    expect(gaveUp?.message).toMatch(/could not be restarted/);
  });

  it('with maxRestarts 0 gives up at the first death, and never after a requested stop', async () => {
    const crashing = fakeInstance(1);
    let gaveUp = 0;
    superviseLocalNeo4j(crashing, {
      restart: async () => fakeInstance(2),
      maxRestarts: 0,
      log: () => undefined,
      onGiveUp: () => (gaveUp += 1),
    });
    crashing.die();
    await tick();
    expect(gaveUp).toBe(1);
    const stopped = fakeInstance(3);
    const supervised = superviseLocalNeo4j(stopped, {
      restart: async () => fakeInstance(4),
      maxRestarts: 0,
      log: () => undefined,
      onGiveUp: () => (gaveUp += 1),
    });
    await supervised.stop();
    await tick();
    expect(gaveUp).toBe(1);
  });
});

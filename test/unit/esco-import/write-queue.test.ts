import { describe, expect, it } from 'vitest';
import { Batcher } from '../../../src/esco/import/batcher';
import { WriteQueue } from '../../../src/esco/import/write-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('WriteQueue', () => {
  it('keeps one batch in flight: the next submit waits for the previous commit', async () => {
    const queue = new WriteQueue(undefined);
    const first = deferred();
    const order: string[] = [];
    await queue.submit(1, async () => {
      await first.promise;
      order.push('first');
    });
    const second = queue.submit(1, async () => {
      order.push('second');
    });
    await Promise.resolve();
    expect(order).toEqual([]);
    first.resolve();
    await second;
    await queue.drain();
    expect(order).toEqual(['first', 'second']);
    expect(queue.batches).toBe(2);
  });

  it('stops between batches once the signal aborts, with the abort reason', async () => {
    const controller = new AbortController();
    const queue = new WriteQueue(controller.signal);
    await queue.submit(1, async () => undefined);
    controller.abort(new Error('stop now'));
    await expect(queue.submit(1, async () => undefined)).rejects.toThrow('stop now');
    expect(queue.batches).toBe(1);
  });

  it('rethrows a failed batch at the next submit or drain, never as an unhandled rejection', async () => {
    const queue = new WriteQueue(undefined);
    await queue.submit(1, async () => {
      throw new Error('write failed');
    });
    await expect(queue.drain()).rejects.toThrow('write failed');
    await expect(queue.settle()).resolves.toBeUndefined();
  });
});

describe('Batcher', () => {
  it('hands full batches with their row refs to the writer, and the rest on flush', async () => {
    const batches: Array<{ records: number[]; rows: number[] }> = [];
    const queue = new WriteQueue(undefined);
    const batcher = new Batcher<number>(2, queue, async (records, refs) => {
      batches.push({ records, rows: refs.map((ref) => ref.row) });
    });
    for (let i = 1; i <= 5; i += 1) await batcher.add(i * 10, { row: i });
    await batcher.flush();
    await queue.drain();
    expect(batches).toEqual([
      { records: [10, 20], rows: [1, 2] },
      { records: [30, 40], rows: [3, 4] },
      { records: [50], rows: [5] },
    ]);
  });
});

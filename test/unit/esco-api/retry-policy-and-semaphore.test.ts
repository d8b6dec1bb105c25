import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelayMs, isRetryableError, isRetryableStatus, retryAfterMs } from '../../../src/esco/api/retry-policy';
import { Semaphore } from '../../../src/esco/api/semaphore';

describe('retry policy', () => {
  it('retries 5xx, 429 and 408 only', () => {
    expect([500, 502, 503, 504, 429, 408].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 422].some(isRetryableStatus)).toBe(false);
  });

  it('retries timeouts and connection errors, also when wrapped as a cause', () => {
    expect(isRetryableError(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }))).toBe(true);
    expect(
      isRetryableError(new Error('fetch failed', { cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }) })),
    ).toBe(true);
    expect(isRetryableError(Object.assign(new Error('bad arg'), { code: 'UND_ERR_INVALID_ARG' }))).toBe(false);
    expect(isRetryableError(new Error('plain'))).toBe(false);
  });

  it('backoff grows exponentially, stays within [nominal/2, nominal] and never exceeds the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, base, max, r) => {
          const nominal = Math.min(max, base * 2 ** (attempt - 1));
          const d = backoffDelayMs(attempt, base, max, () => r);
          return d >= Math.floor(nominal / 2) && d <= Math.ceil(nominal) && d <= max;
        },
      ),
    );
    expect(backoffDelayMs(3, 100, 10_000, () => 1)).toBe(400);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});

describe('Semaphore', () => {
  it('never lets more than `permits` tasks run and serves waiters in order', async () => {
    const gate = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        gate.run(async () => {
          order.push(i);
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(gate.inUse).toBe(0);
  });

  it('returns the permit when a task throws, and releasing twice is harmless', async () => {
    const gate = new Semaphore(1);
    await expect(gate.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    const release = await gate.acquire();
    release();
    release();
    expect(gate.inUse).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import {
  GROW_SLACK_SHARE,
  LATE_MARGIN_MS,
  MAX_WAIT_SHARE,
  PlanAdmission,
  type PlanAdmissionOptions,
  type PlanPermit,
} from '../../../src/compute/plan-admission';
import { ServerBusyError } from '../../../src/domain/errors';

const TIME_LIMIT = 1_000;

/** An admission on vitest's fake clock; floor 2, so the first limit is 8 (four times the floor). */
function admission(options: Partial<PlanAdmissionOptions> = {}): PlanAdmission {
  return new PlanAdmission({
    floor: 2,
    ceiling: 20,
    maxWaiting: 4,
    retryAfterSeconds: 1,
    clock: () => Date.now(),
    ...options,
  });
}

/** A plan request made now, due a time limit from now. */
function admit(gate: PlanAdmission, signal?: AbortSignal): Promise<PlanPermit> {
  return gate.admit(Date.now() + TIME_LIMIT, TIME_LIMIT, signal);
}

/** Settles pending promise callbacks without moving the clock. */
async function flush(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

describe('PlanAdmission', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('admits up to its limit at once, then in arrival order as places free up', async () => {
    const gate = admission();
    const first = await Promise.all(Array.from({ length: 8 }, () => admit(gate)));
    const order: number[] = [];
    const waiting = [0, 1, 2].map((i) =>
      admit(gate).then((permit) => {
        order.push(i);
        return permit;
      }),
    );
    await flush();
    expect(gate.stats()).toMatchObject({ limit: 8, inFlight: 8, waiting: 3 });
    expect(order).toEqual([]);
    first[0]!.release();
    first[1]!.release();
    await flush();
    expect(order).toEqual([0, 1]);
    first[2]!.release();
    await flush();
    expect(order).toEqual([0, 1, 2]);
    expect(gate.stats()).toMatchObject({ inFlight: 8, waiting: 0 });
    // Releasing twice gives back one place, not two.
    (await waiting[0]!).release();
    (await waiting[0]!).release();
    expect(gate.stats().inFlight).toBe(7);
  });

  it('refuses at once with SERVER_BUSY and retry advice when the waiting line is full', async () => {
    const gate = admission({ maxWaiting: 2 });
    await Promise.all(Array.from({ length: 8 }, () => admit(gate)));
    const queued = [admit(gate), admit(gate)];
    const refused = admit(gate);
    await expect(refused).rejects.toBeInstanceOf(ServerBusyError);
    await expect(refused).rejects.toMatchObject({
      code: 'SERVER_BUSY',
      details: { retryAfterSeconds: 1 },
      message: expect.stringContaining('waiting line is full'),
    });
    expect(gate.stats()).toMatchObject({ waiting: 2, refused: 1 });
    for (const pending of queued) pending.catch(() => undefined);
  });

  it('refuses a plan no place came for within a quarter of its time, and not before', async () => {
    const gate = admission();
    await Promise.all(Array.from({ length: 8 }, () => admit(gate)));
    let outcome: unknown;
    admit(gate).then(
      () => (outcome = 'admitted'),
      (error: unknown) => (outcome = error),
    );
    await vi.advanceTimersByTimeAsync(TIME_LIMIT * MAX_WAIT_SHARE - 1);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toBeInstanceOf(ServerBusyError);
    expect(String((outcome as Error).message)).toContain('no place came in time');
    expect(gate.stats()).toMatchObject({ waiting: 0, refused: 1, inFlight: 8 });
  });

  it('drops a waiting plan whose request is abandoned, with the request’s reason', async () => {
    const gate = admission();
    const held = await Promise.all(Array.from({ length: 8 }, () => admit(gate)));
    const abandon = new AbortController();
    const waiting = admit(gate, abandon.signal);
    const next = admit(gate);
    await flush();
    const reason = new Error('request timed out');
    abandon.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(gate.stats().waiting).toBe(1);
    held[0]!.release();
    await expect(next).resolves.toBeDefined();
    // An already abandoned request is not admitted at all.
    const gone = new AbortController();
    gone.abort(reason);
    await expect(admit(gate, gone.signal)).rejects.toBe(reason);
  });

  it('halves its limit when a plan admitted with others in flight answers late, down to its floor', async () => {
    const gate = admission();
    const permits = await Promise.all(Array.from({ length: 8 }, () => admit(gate)));
    vi.setSystemTime(Date.now() + TIME_LIMIT + LATE_MARGIN_MS + 1);
    permits[7]!.release();
    expect(gate.stats()).toMatchObject({ limit: 4, late: 1 });
    // The others were admitted under the old limit: their lateness is already answered.
    for (const permit of permits.slice(0, 7)) permit.release();
    expect(gate.stats()).toMatchObject({ limit: 4, late: 8, inFlight: 0 });
    // Admitted under the new limit and late again: halved again, but never below its floor.
    for (let round = 0; round < 3; round += 1) {
      const crowd = await Promise.all(Array.from({ length: gate.stats().limit }, () => admit(gate)));
      vi.setSystemTime(Date.now() + TIME_LIMIT + LATE_MARGIN_MS + 1);
      for (const permit of crowd) permit.release();
    }
    expect(gate.stats().limit).toBe(2);
  });

  it('keeps its limit when a plan late was alone, or late within the margin', async () => {
    const gate = admission();
    const alone = await admit(gate);
    vi.setSystemTime(Date.now() + TIME_LIMIT + LATE_MARGIN_MS + 1);
    alone.release();
    expect(gate.stats()).toMatchObject({ limit: 8, late: 1 });
    const crowd = await Promise.all(Array.from({ length: 8 }, () => admit(gate)));
    vi.setSystemTime(Date.now() + TIME_LIMIT + LATE_MARGIN_MS);
    for (const permit of crowd) permit.release();
    expect(gate.stats()).toMatchObject({ limit: 8, late: 1 });
  });

  it('holds its limit while plans answer on time with less than a quarter of their time to spare', async () => {
    const gate = admission();
    for (let round = 0; round < 40; round += 1) {
      const crowd = await Promise.all(Array.from({ length: 8 }, () => admit(gate)));
      vi.setSystemTime(Date.now() + TIME_LIMIT * (1 - GROW_SLACK_SHARE) + 1);
      for (const permit of crowd.reverse()) permit.release();
    }
    expect(gate.stats()).toMatchObject({ limit: 8, late: 0 });
  });

  it('grows by a place per answer with time to spare until its first decrease, then by a place per limit’s worth, up to its ceiling', async () => {
    const gate = admission();
    /** Admits a full crowd and answers it at once, the last admitted first (the one the limit held back). */
    const quickRound = async () => {
      const crowd = await Promise.all(Array.from({ length: gate.stats().limit }, () => admit(gate)));
      for (const permit of crowd.reverse()) permit.release();
    };
    for (let round = 0; round < 3; round += 1) await quickRound();
    expect(gate.stats().limit).toBe(11);
    // A late crowd: halved once, and no more slow start.
    const late = await Promise.all(Array.from({ length: 11 }, () => admit(gate)));
    vi.setSystemTime(Date.now() + TIME_LIMIT + LATE_MARGIN_MS + 1);
    for (const permit of late.reverse()) permit.release();
    expect(gate.stats().limit).toBe(5);
    // 5.5 + 1/5.5 + 1/5.68 = 5.86, then 6.03.
    await quickRound();
    await quickRound();
    expect(gate.stats().limit).toBe(5);
    await quickRound();
    expect(gate.stats().limit).toBe(6);
    const capped = admission({ ceiling: 9 });
    for (let round = 0; round < 5; round += 1) {
      const crowd = await Promise.all(Array.from({ length: capped.stats().limit }, () => admit(capped)));
      for (const permit of crowd.reverse()) permit.release();
    }
    expect(capped.stats().limit).toBe(9);
  });

  it('does not grow while plans come one at a time', async () => {
    const gate = admission();
    for (let i = 0; i < 100; i += 1) (await admit(gate)).release();
    expect(gate.stats().limit).toBe(8);
  });

  it('keeps its limit between the threads and the ceiling, its line within bounds, and never leaves a place idle while plans wait', async () => {
    type Step =
      | { readonly op: 'admit' }
      | { readonly op: 'release'; readonly pick: number; readonly lateBy: number }
      | { readonly op: 'wait'; readonly ms: number };
    const step = fc.oneof(
      fc.constant<Step>({ op: 'admit' }),
      fc.record({
        op: fc.constant('release' as const),
        pick: fc.nat(1_000),
        lateBy: fc.integer({ min: -500, max: 500 }),
      }),
      fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 400 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(step, { maxLength: 120 }),
        async (floor, extra, maxWaiting, steps) => {
          vi.setSystemTime(1_000_000);
          const ceiling = floor + extra;
          const gate = admission({ floor, ceiling, maxWaiting });
          const held: { permit: PlanPermit; deadline: number }[] = [];
          let settled = 0;
          let asked = 0;
          for (const s of steps) {
            if (s.op === 'admit') {
              asked += 1;
              const deadline = Date.now() + TIME_LIMIT;
              gate.admit(deadline, TIME_LIMIT).then(
                (permit) => {
                  settled += 1;
                  held.push({ permit, deadline });
                },
                (error: unknown) => {
                  expect(error).toBeInstanceOf(ServerBusyError);
                  settled += 1;
                },
              );
            } else if (s.op === 'release' && held.length > 0) {
              const [taken] = held.splice(s.pick % held.length, 1);
              vi.setSystemTime(Math.max(Date.now(), taken!.deadline + s.lateBy));
              taken!.permit.release();
            } else if (s.op === 'wait') await vi.advanceTimersByTimeAsync(s.ms);
            await flush();
            const stats = gate.stats();
            expect(stats.limit).toBeGreaterThanOrEqual(floor);
            expect(stats.limit).toBeLessThanOrEqual(ceiling);
            expect(stats.inFlight).toBe(held.length);
            expect(stats.inFlight).toBeLessThanOrEqual(ceiling);
            expect(stats.waiting).toBeLessThanOrEqual(maxWaiting);
            if (stats.waiting > 0) expect(stats.inFlight).toBeGreaterThanOrEqual(stats.limit);
            expect(settled + stats.waiting).toBe(asked);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

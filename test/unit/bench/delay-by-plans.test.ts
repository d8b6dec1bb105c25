import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DelayByPlans, judgeLoopDelay, sampleDelayByPlans } from '../../../tools/bench/delay-by-plans';
import { loopDelayVerdictText } from '../../../tools/bench/engine-report';

const sample = fc.record({
  delayMs: fc.float({ min: 0, max: 200, noNaN: true }),
  plans: fc.integer({ min: 0, max: 6 }),
});

describe('DelayByPlans', () => {
  it('splits the samples at the plan count, with each side its own nearest-rank p99', () => {
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 400 }), fc.integer({ min: 1, max: 5 }), (samples, atLeast) => {
        const split = new DelayByPlans();
        for (const s of samples) split.record(s.delayMs, s.plans);
        const summary = split.summary(atLeast);

        const busy = samples.filter((s) => s.plans >= atLeast).map((s) => s.delayMs);
        const other = samples.filter((s) => s.plans < atLeast).map((s) => s.delayMs);
        // The 99th percentile by rank: the smallest value with at least 99 % of the samples at or below it.
        const p99 = (values: number[]) =>
          values.length === 0
            ? null
            : [...values]
                .sort((a, b) => a - b)
                .find((v, _, all) => all.filter((w) => w <= v).length >= 0.99 * all.length)!;
        expect(summary.busySamples).toBe(busy.length);
        expect(summary.busyShare).toBeCloseTo(samples.length === 0 ? 0 : busy.length / samples.length, 12);
        expect(summary.busyP99Ms).toBe(p99(busy));
        expect(summary.otherP99Ms).toBe(p99(other));
        expect(summary.busyMaxMs).toBe(busy.length === 0 ? null : Math.max(...busy));
        const counted = Object.values(summary.samplesByPlans).reduce((a, b) => a + b, 0);
        expect(counted).toBe(samples.length);
        for (const plans of new Set(samples.map((s) => s.plans))) {
          expect(summary.p99ByPlans[plans]).toBe(p99(samples.filter((s) => s.plans === plans).map((s) => s.delayMs)));
        }
      }),
    );
  });

  it('judges the target only on samples with the plans running, and only when there are enough of them', () => {
    const split = new DelayByPlans();
    for (let i = 0; i < 900; i += 1) split.record(1, 3);
    for (let i = 0; i < 99; i += 1) split.record(30, 4);
    const few = split.summary(4);
    // With fewer plans the loop is fast: the whole phase's p99 would read 30 only by the rank's chance.
    expect(few.otherP99Ms).toBe(1);
    expect(judgeLoopDelay(few, 20, 100)).toBe('not judged');
    expect(loopDelayVerdictText(few)).toContain('with 4 plans running: not judged (99 samples; at least 100');
    split.record(30, 5);
    const enough = split.summary(4);
    expect(judgeLoopDelay(enough, 20, 100)).toBe('missed');
    expect(judgeLoopDelay(enough, 30, 100)).toBe('met');
    expect(loopDelayVerdictText(enough)).toContain('with 4 plans running: missed');
    expect(judgeLoopDelay(new DelayByPlans().summary(4), 20, 0)).toBe('not judged');
    expect(loopDelayVerdictText(null)).toContain('not judged');
  });

  it('records a blocked event loop as a late sample, tagged with the plans in flight at the time', async () => {
    const split = new DelayByPlans();
    let plans = 1;
    const stop = sampleDelayByPlans(5, () => plans, split);
    await new Promise((resolve) => setTimeout(resolve, 30));
    plans = 4;
    const blockedUntil = performance.now() + 80;
    while (performance.now() < blockedUntil) {
      // holds the event loop, as a long synchronous turn of the request thread would
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    const summary = split.summary(4);
    expect(summary.busyMaxMs).toBeGreaterThanOrEqual(60);
    expect(summary.samplesByPlans[1]).toBeGreaterThan(0);
    const taken = summary.busySamples + (summary.samplesByPlans[1] ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Stopped: no sample after it.
    expect(split.summary(4).busySamples + (split.summary(4).samplesByPlans[1] ?? 0)).toBe(taken);
  });
});

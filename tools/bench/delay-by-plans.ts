/**
 * The event-loop delay split by how many heavy plans were running. Issue #12 asks for the delay
 * "while four heavy plans run", but plan admission decides how many run: after the plan scenarios
 * of a full run it often holds the phase to two or three, and the whole phase's p99 then reads
 * lower than the delay with four running (docs/benchmarks.md, thirty-sixth and thirty-eighth
 * passes). Each sample here is one late timer, tagged with the plans admission had in flight when
 * it fired, so the target is judged on the samples taken while four or more were running.
 */
import { percentile } from './latency-stats';

/** Delay samples with four (or `atLeast`) plans running, and the rest. */
export interface DelaySplit {
  /** The plans in flight the split is made at. */
  readonly atLeast: number;
  /** Samples taken while at least `atLeast` plans were in flight, and their share of all samples. */
  readonly busySamples: number;
  readonly busyShare: number;
  /** p99 and max of those samples (ms; null without any). */
  readonly busyP99Ms: number | null;
  readonly busyMaxMs: number | null;
  /** p99 of the samples taken with fewer plans in flight (ms; null without any). */
  readonly otherP99Ms: number | null;
  /** Samples by plans in flight at the time (key: the count). */
  readonly samplesByPlans: Readonly<Record<number, number>>;
  /** p99 (ms) of the samples taken at each count of plans in flight. */
  readonly p99ByPlans: Readonly<Record<number, number>>;
}

/** How {@link judgeLoopDelay} judged the split against the target. */
export type LoopDelayVerdict = 'met' | 'missed' | 'not judged';

/**
 * Delay samples (ms) by plans in flight.
 *
 * @example
 * const split = new DelayByPlans();
 * split.record(0.4, 2);
 * split.record(31, 4);
 * split.summary(4); // { busySamples: 1, busyShare: 0.5, busyP99Ms: 31, otherP99Ms: 0.4, p99ByPlans: { 2: 0.4, 4: 31 }, ... }
 */
export class DelayByPlans {
  private readonly byPlans = new Map<number, number[]>();

  /** Adds one sample: `delayMs` late, with `plansInFlight` plans admitted at the time. */
  record(delayMs: number, plansInFlight: number): void {
    const list = this.byPlans.get(plansInFlight);
    if (list) list.push(delayMs);
    else this.byPlans.set(plansInFlight, [delayMs]);
  }

  /** The split at `atLeast` plans in flight. */
  summary(atLeast: number): DelaySplit {
    const busy: number[] = [];
    const other: number[] = [];
    const samplesByPlans: Record<number, number> = {};
    const p99ByPlans: Record<number, number> = {};
    for (const [plans, delays] of this.byPlans) {
      samplesByPlans[plans] = delays.length;
      p99ByPlans[plans] = percentile(
        [...delays].sort((a, b) => a - b),
        99,
      );
      (plans >= atLeast ? busy : other).push(...delays);
    }
    busy.sort((a, b) => a - b);
    other.sort((a, b) => a - b);
    const total = busy.length + other.length;
    return {
      atLeast,
      busySamples: busy.length,
      busyShare: total === 0 ? 0 : busy.length / total,
      busyP99Ms: busy.length === 0 ? null : percentile(busy, 99),
      busyMaxMs: busy.length === 0 ? null : busy[busy.length - 1]!,
      otherP99Ms: other.length === 0 ? null : percentile(other, 99),
      samplesByPlans,
      p99ByPlans,
    };
  }
}

/**
 * The verdict on a split: judged on the samples with `split.atLeast` plans running, and only when
 * there are at least `minSamples` of them (a p99 of a few dozen samples is their maximum, and a
 * phase admission held below four plans has not measured the target).
 */
export function judgeLoopDelay(split: DelaySplit, targetMs: number, minSamples: number): LoopDelayVerdict {
  if (split.busyP99Ms === null || split.busySamples < minSamples) return 'not judged';
  return split.busyP99Ms <= targetMs ? 'met' : 'missed';
}

/**
 * Samples this thread's event-loop delay every `intervalMs` with a timer, tagging each sample with
 * `plansInFlight()` when it fires, until the returned stop function is called. A sample is how
 * much later than due the timer ran (ms), as `monitorEventLoopDelay` measures it with its own timer.
 */
export function sampleDelayByPlans(intervalMs: number, plansInFlight: () => number, into: DelayByPlans): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = performance.now() + intervalMs;
  const tick = () => {
    const now = performance.now();
    into.record(Math.max(0, now - due), plansInFlight());
    due = now + intervalMs;
    timer = setTimeout(tick, intervalMs);
  };
  timer = setTimeout(tick, intervalMs);
  return () => clearTimeout(timer);
}

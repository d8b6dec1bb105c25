/**
 * Event-loop delay while heavy plans run (issue target: p99 ≤ 20 ms with four heavy plans in
 * flight). Heavy reskillingPaths requests are kept in flight from one load worker while a second
 * sends a light request (coverage) at a low fixed rate; the probe's latency is what any other
 * user would see meanwhile.
 *
 * The delay is read twice: from the server's `/metrics` (what production exports), and
 * client-independently with `perf_hooks.monitorEventLoopDelay` in this process. The bench server
 * runs in-process, so this process's main event loop is the server's; the load generators are
 * worker threads with loops of their own and do not show in it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BenchServer } from './bench-server';
import { DelayByPlans, sampleDelayByPlans, type DelaySplit } from './delay-by-plans';
import { runLoad, type LoadRequests, type LoadResult } from './run-load';
import {
  computeTasks,
  counterDelta,
  metricValue,
  planAdmissionReading,
  scrapeMetrics,
  serverLoopDelay,
  type MetricSample,
  type PlanAdmissionReading,
  type ServerLoopDelay,
} from './server-metrics';

/**
 * Plan admission over the phase. When its limit holds the phase below its heavy plans, some are
 * refused at once and fewer run at a time, which lowers the delay measured (after the plan
 * scenarios it does so more; docs/benchmarks.md, thirty-sixth pass).
 */
export interface AdmissionSpan {
  /** The limit when the phase began. */
  readonly limitAtStart: number | null;
  /** The least and the most limit scraped during the phase. */
  readonly limitMin: number | null;
  readonly limitMax: number | null;
  /** The most plans in flight scraped during the phase. */
  readonly inFlightMax: number | null;
}

/** `span` widened by one more scrape's `reading` (null span: the phase's first, its start). */
export function widenAdmission(span: AdmissionSpan | null, reading: PlanAdmissionReading): AdmissionSpan {
  return {
    limitAtStart: span === null ? reading.limit : span.limitAtStart,
    limitMin: extreme(Math.min, span?.limitMin, reading.limit),
    limitMax: extreme(Math.max, span?.limitMax, reading.limit),
    inFlightMax: extreme(Math.max, span?.inFlightMax, reading.inFlight),
  };
}

/** `pick` of two readings where either may be missing (null only when both are). */
function extreme(
  pick: (x: number, y: number) => number,
  x: number | null | undefined,
  y: number | null,
): number | null {
  return x === null || x === undefined ? y : y === null ? x : pick(x, y);
}

/** The larger of two readings, series by series (null stays null only when both are). */
export function maxLoopDelay(a: ServerLoopDelay | null, b: ServerLoopDelay): ServerLoopDelay {
  const max = (x: number | null | undefined, y: number | null) => extreme(Math.max, x, y);
  return {
    p50Ms: max(a?.p50Ms, b.p50Ms),
    p99Ms: max(a?.p99Ms, b.p99Ms),
    maxMs: max(a?.maxMs, b.maxMs),
    nodejsP99Ms: max(a?.nodejsP99Ms, b.nodejsP99Ms),
  };
}

const RESOLUTION_MS = 10;
/** The heavy requests' operation name (the probe's requests are left out of the server figures). */
const HEAVY_OPERATION = 'ReskillingPaths';

/** What the phase measured. */
export interface LoopDelayPhase {
  readonly seconds: number;
  readonly heavyConcurrency: number;
  readonly heavyCandidates: number;
  readonly probeRate: number;
  readonly heavy: LoadResult;
  readonly probe: LoadResult;
  /** This process's main-loop delay over the phase (ms), from `monitorEventLoopDelay`. */
  readonly measured: { readonly p50Ms: number; readonly p99Ms: number; readonly maxMs: number };
  /**
   * The same delay split at `heavyConcurrency` plans in flight (null: the phase was not given the
   * server's plan count). The target is about the samples with that many running.
   */
  readonly byPlans: DelaySplit | null;
  /**
   * The server's exported delay: the largest value of each series over the scrapes taken once a
   * second during the phase and once after it (the series cover a recent interval, prom-client's
   * since the previous scrape, so one scrape at the end would see only the last moments). Null:
   * metrics not served.
   */
  readonly exported: ServerLoopDelay | null;
  /** Largest `credgraph_compute_queue_depth` scraped once a second (null: not exported). */
  readonly maxQueueDepth: number | null;
  /** Plan admission's limit and plans in flight over the phase (null: not exported). */
  readonly admission: AdmissionSpan | null;
  /** Change of `credgraph_compute_tasks_total` over the phase, by `task/outcome`. */
  readonly computeTasks: Readonly<Record<string, number>> | null;
  /** Time the server still worked after the loads ended (ms). */
  readonly drainMillis: number;
}

/** Runs the phase against `server`. */
export async function measureLoopDelayPhase(
  server: BenchServer,
  metricsToken: string,
  heavy: LoadRequests,
  probe: LoadRequests,
  options: { seconds: number; heavyConcurrency: number; heavyCandidates: number; probeRate: number },
  plansInFlight?: () => number,
): Promise<LoopDelayPhase> {
  const before = await scrapeMetrics(server.url, metricsToken);
  server.takeServerStats();
  // 10 ms resolution: finer sampling adds its own timer work to the loop it measures.
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const split = new DelayByPlans();
  const stopSampling = plansInFlight ? sampleDelayByPlans(RESOLUTION_MS, plansInFlight, split) : undefined;
  let maxQueueDepth: number | null = null;
  let exported: ServerLoopDelay | null = null;
  let admission: AdmissionSpan | null = before === null ? null : widenAdmission(null, planAdmissionReading(before));
  const record = (samples: MetricSample[] | null) => {
    if (samples === null) return;
    maxQueueDepth = extreme(Math.max, maxQueueDepth, metricValue(samples, 'credgraph_compute_queue_depth'));
    exported = maxLoopDelay(exported, serverLoopDelay(samples));
    admission = widenAdmission(admission, planAdmissionReading(samples));
  };
  let scraping = true;
  const scrapeQueue = (async () => {
    while (scraping) {
      record(await scrapeMetrics(server.url, metricsToken));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  const [heavyRun, probeRun] = await Promise.all([
    runLoad(server.url, heavy, options.heavyConcurrency, options.seconds),
    // Two connections, so one probe stuck behind a blocked loop does not stop the pacing.
    runLoad(server.url, probe, 2, options.seconds, { overallRate: options.probeRate }),
  ]);
  histogram.disable();
  stopSampling?.();
  scraping = false;
  await scrapeQueue;
  const after = await scrapeMetrics(server.url, metricsToken);
  record(after);
  const drainMillis = await server.drain();
  heavyRun.server = server.takeServerStats(HEAVY_OPERATION);
  // The histogram records whole timer intervals; the delay is what exceeds the resolution.
  const nanosToMs = (nanos: number) => Math.max(0, nanos / 1e6 - RESOLUTION_MS);
  return {
    ...options,
    heavy: heavyRun,
    probe: probeRun,
    measured: {
      p50Ms: nanosToMs(histogram.percentile(50)),
      p99Ms: nanosToMs(histogram.percentile(99)),
      maxMs: nanosToMs(histogram.max),
    },
    byPlans: stopSampling ? split.summary(options.heavyConcurrency) : null,
    exported,
    maxQueueDepth,
    admission,
    computeTasks: before === null || after === null ? null : counterDelta(computeTasks(before), computeTasks(after)),
    drainMillis,
  };
}

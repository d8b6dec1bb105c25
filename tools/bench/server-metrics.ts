/**
 * The bench server's own view of itself, read from `/metrics` (Prometheus text): event-loop delay,
 * the compute queue and its task outcomes, and any read-model series. Every figure is optional:
 * a server without the compute engine exports only prom-client's defaults, and the report then
 * says "n/a" instead of failing.
 */

/** One sample of a Prometheus text exposition. */
export interface MetricSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses the samples of a Prometheus text exposition (comments and blank lines skipped). */
export function parsePrometheusText(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const label of (match[2] ?? '').matchAll(LABEL)) labels[label[1]!] = label[2]!.replace(/\\(.)/g, '$1');
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the first sample named `name` whose labels include `labels`, or null. */
export function metricValue(
  samples: readonly MetricSample[],
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number | null {
  const found = samples.find(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
  return found === undefined || Number.isNaN(found.value) ? null : found.value;
}

/** Event-loop delay as the server exports it, in ms (null: not exported). */
export interface ServerLoopDelay {
  /** `credgraph_event_loop_delay_seconds` over the server's last interval. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
  /** prom-client's default `nodejs_eventloop_lag_p99_seconds` (since the process started). */
  readonly nodejsP99Ms: number | null;
}

const ms = (seconds: number | null) => (seconds === null ? null : seconds * 1000);

/** Reads the event-loop delay series. */
export function serverLoopDelay(samples: readonly MetricSample[]): ServerLoopDelay {
  const delay = (quantile: string) => ms(metricValue(samples, 'credgraph_event_loop_delay_seconds', { quantile }));
  return {
    p50Ms: delay('0.5'),
    p99Ms: delay('0.99'),
    maxMs: delay('max'),
    nodejsP99Ms: ms(metricValue(samples, 'nodejs_eventloop_lag_p99_seconds')),
  };
}

/** Plan admission as one scrape shows it (`credgraph_plan_admission`; null: not exported). */
export interface PlanAdmissionReading {
  /** Plans that may be in flight (the learnt limit). */
  readonly limit: number | null;
  /** Plans admitted and not yet answered. */
  readonly inFlight: number | null;
}

/** Reads plan admission's limit and plans in flight. */
export function planAdmissionReading(samples: readonly MetricSample[]): PlanAdmissionReading {
  return {
    limit: metricValue(samples, 'credgraph_plan_admission', { state: 'limit' }),
    inFlight: metricValue(samples, 'credgraph_plan_admission', { state: 'in_flight' }),
  };
}

/** `credgraph_compute_tasks_total` by `task/outcome`. */
export function computeTasks(samples: readonly MetricSample[]): Record<string, number> {
  const tasks: Record<string, number> = {};
  for (const s of samples)
    if (s.name === 'credgraph_compute_tasks_total')
      tasks[`${s.labels.task ?? '?'}/${s.labels.outcome ?? '?'}`] = s.value;
  return tasks;
}

/** `after − before` per key, keys with no change left out. */
export function counterDelta(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [key, value] of Object.entries(after)) {
    const change = value - (before[key] ?? 0);
    if (change !== 0) delta[key] = change;
  }
  return delta;
}

/** Where a server's memory sits, in MiB, as its `/metrics` says (null: not exported). */
export interface ServerMemoryBreakdown {
  /** The request thread's V8 heap: in use and reserved (prom-client's `nodejs_heap_size_*`). */
  readonly requestHeapUsedMiB: number | null;
  readonly requestHeapTotalMiB: number | null;
  /** Off-heap memory V8 knows of on the request thread (buffers, typed arrays). */
  readonly externalMiB: number | null;
  /** The compute workers' V8 heaps reserved, and their HiGHS WebAssembly memory (summed). */
  readonly workerHeapTotalMiB: number | null;
  readonly solverMiB: number | null;
  /** Times a worker recycled its solver since start. */
  readonly solverRecycles: number | null;
  /** The C allocator the server runs with (`credgraph_memory_allocator_info`), null: not exported. */
  readonly allocator: string | null;
}

/** Reads {@link ServerMemoryBreakdown} from a scrape. */
export function serverMemoryBreakdown(samples: readonly MetricSample[]): ServerMemoryBreakdown {
  const mib = (value: number | null) => (value === null ? null : value / 2 ** 20);
  const worker = (kind: string) => mib(metricValue(samples, 'credgraph_compute_worker_memory_bytes', { kind }));
  return {
    requestHeapUsedMiB: mib(metricValue(samples, 'nodejs_heap_size_used_bytes')),
    requestHeapTotalMiB: mib(metricValue(samples, 'nodejs_heap_size_total_bytes')),
    externalMiB: mib(metricValue(samples, 'nodejs_external_memory_bytes')),
    workerHeapTotalMiB: worker('heap_total'),
    solverMiB: worker('solver'),
    solverRecycles: metricValue(samples, 'credgraph_compute_solver_recycles_total'),
    allocator:
      samples.find((s) => s.name === 'credgraph_memory_allocator_info' && s.value === 1)?.labels.allocator ?? null,
  };
}

/** Samples whose name mentions the read model (load time, size), for the growth report. */
export function readModelSamples(samples: readonly MetricSample[]): MetricSample[] {
  return samples.filter((s) => /read_?model/i.test(s.name));
}

/** Fetches and parses `/metrics` of the server at `graphqlUrl`; null when it is not served. */
export async function scrapeMetrics(graphqlUrl: string, token: string): Promise<MetricSample[] | null> {
  try {
    const response = await fetch(new URL('/metrics', graphqlUrl), { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) return null;
    return parsePrometheusText(await response.text());
  } catch {
    return null;
  }
}

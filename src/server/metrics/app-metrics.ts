/**
 * Prometheus metrics of one app (its own registry, so several apps in one process, as in tests,
 * do not collide): GraphQL requests and latency by operation and outcome, Neo4j query time by
 * query file, database work in progress, rate-limit refusals, the compute tier, the read model,
 * and Node's process metrics.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ComputePoolStats } from '../../compute/compute-pool';
import type { ExecutorLoad, QueryObserver } from '../../db/neo4j-executor';
import { PLAN_CUTOFF_GRACE_MS } from '../../domain/planning';
import { currentAllocator } from '../memory-allocator';
import { BoundedLabels } from './bounded-labels';

/** What the HTTP layer reports per GraphQL request. */
export interface RequestOutcome {
  readonly operation: string;
  readonly millis: number;
  /** The first error code of the response, if any. */
  readonly code: string | undefined;
}

/** Options of {@link createAppMetrics}. */
export interface AppMetricsOptions {
  /** Reads the executor's work in progress at scrape time. */
  readonly load: () => ExecutorLoad;
  readonly maxPoolSize: number;
  /** Distinct operation names kept as labels (default 200). */
  readonly maxOperations?: number;
  /** Reads the compute tier's load at scrape time. */
  readonly compute?: () => ComputePoolStats;
  /** Reads the scoring read model's figures at scrape time (none with COMPUTE_SOURCE=database). */
  readonly readModel?: () => ReadModelFigures;
}

/** What `/metrics` shows of the read model (see `LiveReadModel`). */
export interface ReadModelFigures {
  /** Wall time of its load at start. */
  readonly loadMillis: number;
  /** Its size after that load: heap and array buffers kept, between full collections. */
  readonly bytes: number;
  /** Full reloads since start (an ESCO import, a gap in the change log). */
  readonly reloads: number;
  /** The change-log sequence it reflects; replicas of one database converge on the same number. */
  readonly changeSeq: number;
}

/** The metrics and the hooks that feed them. */
export interface AppMetrics {
  readonly contentType: string;
  render(): Promise<string>;
  observeRequest(outcome: RequestOutcome): void;
  readonly observeQuery: QueryObserver;
  rateLimited(): void;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** How often the event-loop delay is sampled. */
const LOOP_DELAY_RESOLUTION_MS = 10;

/**
 * The delay in seconds of one sample of `monitorEventLoopDelay`: Node records the whole interval
 * between two ticks of its sampling timer, so an idle loop reads the resolution itself (10 ms);
 * the delay is what exceeds it (prom-client's `nodejs_eventloop_lag_*` keep the whole interval).
 *
 * @example
 * loopDelaySeconds(10_400_000, 10); // 0.0004
 * loopDelaySeconds(Number.NaN, 10); // 0 (no sample yet)
 */
export function loopDelaySeconds(nanos: number, resolutionMs: number): number {
  return Number.isFinite(nanos) ? Math.max(0, nanos / 1e6 - resolutionMs) / 1e3 : 0;
}

/**
 * Creates the metrics.
 *
 * @example
 * const metrics = createAppMetrics({ load: () => executor.load(), maxPoolSize: 50 });
 * metrics.observeRequest({ operation: 'SearchSkills', millis: 12, code: undefined });
 * await metrics.render(); // '# HELP credgraph_graphql_requests_total ...'
 */
export function createAppMetrics(options: AppMetricsOptions): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operations = new BoundedLabels(options.maxOperations ?? 200);

  const requests = new Counter({
    name: 'credgraph_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (OK or the first error code). Names are those of documents that parsed and validated ("invalid" for the rest); names beyond the first 200 distinct ones are counted as "other".',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'credgraph_graphql_request_duration_seconds',
    help: 'GraphQL request latency from the first byte read to the response, by operation and outcome.',
    labelNames: ['operation', 'outcome'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const queryTime = new Histogram({
    name: 'credgraph_db_query_duration_seconds',
    help: 'Neo4j query time (sending the query until all records arrived) by query file, access mode and result.',
    labelNames: ['query', 'mode', 'result'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'credgraph_rate_limited_total',
    help: 'GraphQL requests refused with 429 by the per-client rate limit (this replica only).',
    registers: [registry],
  });
  new Gauge({
    name: 'credgraph_db_sessions_open',
    help: 'Neo4j sessions the API holds open: waiting for or holding a pooled connection. neo4j-driver exposes no pool metrics; this is counted by the executor and is the closest honest measure of pool demand.',
    registers: [registry],
    collect() {
      this.set(options.load().sessionsOpen);
    },
  });
  new Gauge({
    name: 'credgraph_db_transactions_running',
    help: 'Neo4j transactions whose work is running, each holding one pooled connection (counted by the executor, not read from the driver).',
    registers: [registry],
    collect() {
      this.set(options.load().transactionsRunning);
    },
  });
  new Gauge({
    name: 'credgraph_db_pool_max_connections',
    help: 'The configured maximum size of the Neo4j connection pool.',
    registers: [registry],
  }).set(options.maxPoolSize);

  // Sampled every 10 ms; each scrape reports the interval since the previous one and starts a new
  // one, so a stall shows up in the next scrape instead of being averaged away over the uptime.
  // reset() also forgets the last tick, so a stall that begins before the first 10 ms tick after a
  // scrape is not counted: a blind spot of 10 ms per scrape interval.
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  loopDelay.enable();
  new Gauge({
    name: 'credgraph_memory_allocator_info',
    help: "The C allocator of this process, as 1 on its label: jemalloc when the start script (npm start) preloaded it, system for the C library's malloc, unknown without /proc. About 100 MiB of resident memory after load depends on it (README, Memory).",
    labelNames: ['allocator'],
    registers: [registry],
    collect() {
      this.set({ allocator: currentAllocator() ?? 'unknown' }, 1);
    },
  });
  new Gauge({
    name: 'credgraph_event_loop_delay_seconds',
    help: 'Event-loop delay of the request thread since the previous scrape (how late its 10 ms sampling timer fired): quantile 0.5, 0.99 and max. Heavy work runs on compute workers, so p99 stays low while plans run.',
    labelNames: ['quantile'],
    registers: [registry],
    collect() {
      const seconds = (ns: number) => loopDelaySeconds(ns, LOOP_DELAY_RESOLUTION_MS);
      this.set({ quantile: '0.5' }, seconds(loopDelay.percentile(50)));
      this.set({ quantile: '0.99' }, seconds(loopDelay.percentile(99)));
      this.set({ quantile: 'max' }, seconds(loopDelay.max));
      loopDelay.reset();
    },
  });
  const compute = options.compute;
  if (compute !== undefined) {
    new Gauge({
      name: 'credgraph_compute_queue_depth',
      help: 'Heavy tasks (plans) waiting for a compute worker; at COMPUTE_QUEUE_MAX new ones are refused with SERVER_BUSY.',
      registers: [registry],
      collect() {
        this.set(compute().queued);
      },
    });
    new Gauge({
      name: 'credgraph_compute_tasks_running',
      help: 'Heavy tasks running on compute workers (at most COMPUTE_THREADS).',
      registers: [registry],
      collect() {
        this.set(compute().running);
      },
    });
    new Gauge({
      name: 'credgraph_compute_tasks_total',
      help: `Compute tasks finished since start, by task kind and outcome (ok, error, busy: refused with SERVER_BUSY, aborted: stopped at the request deadline, stopped: a plan at its deadline answered by its heuristic answer while its worker ends the search, runaway: such a worker stopped for not ending it within a second, late: a plan still waiting for a worker shortly before its deadline, answered by the express lane, which counts its own task kind late-planning, cutoff: a plan with no answer ${PLAN_CUTOFF_GRACE_MS} ms past its deadline, a reskilling one answered with the candidates planned by then, a single one refused with SERVER_BUSY; abandoned: a late-planning task the express lane reached only after that cutoff, dropped unplanned).`,
      labelNames: ['task', 'outcome'],
      registers: [registry],
      collect() {
        for (const [key, count] of compute().finished) {
          const [task = 'unknown', outcome = 'unknown'] = key.split(':');
          this.set({ task, outcome }, count);
        }
      },
    });
    new Gauge({
      name: 'credgraph_compute_worker_memory_bytes',
      help: 'Memory of the compute workers, summed over the live ones as each reported it after its latest task: heap_used and heap_total of their V8 heaps, solver for their HiGHS WebAssembly memory. The default nodejs_heap_* series cover the request thread only.',
      labelNames: ['kind'],
      registers: [registry],
      collect() {
        const memory = compute().workerMemory;
        this.set({ kind: 'heap_used' }, memory.heapUsedBytes);
        this.set({ kind: 'heap_total' }, memory.heapTotalBytes);
        this.set({ kind: 'solver' }, memory.solverBytes);
      },
    });
    new Gauge({
      name: 'credgraph_compute_threads_started_total',
      help: 'Compute worker threads started since start: the first ones, and each replacement of a worker stopped at a request timeout or for running away past its plan deadline (each costs its modules, HiGHS and a warm-up).',
      registers: [registry],
      collect() {
        this.set(compute().threadsStarted);
      },
    });
    new Gauge({
      name: 'credgraph_plan_admission',
      help: 'Admission of plan requests (recommendCourses, nextCourses, reskillingPaths): limit is the number the server learnt it can have in flight and still answer on time, in_flight the admitted ones not yet answered, waiting those waiting for a place.',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const admission = compute().planAdmission;
        this.set({ state: 'limit' }, admission.limit);
        this.set({ state: 'in_flight' }, admission.inFlight);
        this.set({ state: 'waiting' }, admission.waiting);
      },
    });
    new Gauge({
      name: 'credgraph_plan_requests_total',
      help: 'Plan requests since start by outcome: refused with SERVER_BUSY by admission (the waiting line full, or no place within a quarter of the time limit), late when an admitted one was answered more than 25 ms past its deadline.',
      labelNames: ['outcome'],
      registers: [registry],
      collect() {
        const admission = compute().planAdmission;
        this.set({ outcome: 'refused' }, admission.refused);
        this.set({ outcome: 'late' }, admission.late);
      },
    });
    new Gauge({
      name: 'credgraph_compute_solver_recycles_total',
      help: 'Times a compute worker dropped its HiGHS runtime after a task because its memory had grown past COMPUTE_SOLVER_MEMORY_MB (a fresh one loads in its place).',
      registers: [registry],
      collect() {
        this.set(compute().solverRecycles);
      },
    });
    new Gauge({
      name: 'credgraph_compute_heap_collections_total',
      help: 'Full garbage collections compute workers ran once idle because their reserved V8 heap had grown past COMPUTE_WORKER_HEAP_COLLECT_MB (each reported with the worker answer after it; the worker memory gauge is read after each task, before any collection).',
      registers: [registry],
      collect() {
        this.set(compute().heapCollections);
      },
    });
  }

  const readModel = options.readModel;
  if (readModel !== undefined) {
    new Gauge({
      name: 'credgraph_read_model_load_seconds',
      help: 'Wall time of the read model load at start (target 10 s for 50,000 learners).',
      registers: [registry],
      collect() {
        this.set(readModel().loadMillis / 1000);
      },
    });
    new Gauge({
      name: 'credgraph_read_model_bytes',
      help: 'Size of the read model after its load at start: heap and array buffers kept, measured between full garbage collections.',
      registers: [registry],
      collect() {
        this.set(readModel().bytes);
      },
    });
    new Gauge({
      name: 'credgraph_read_model_reloads_total',
      help: 'Full reloads of the read model since start: after an unscoped change (an ESCO import, a generated population) or a gap in the change log.',
      registers: [registry],
      collect() {
        this.set(readModel().reloads);
      },
    });
    new Gauge({
      name: 'credgraph_read_model_change_seq',
      help: "The change-log sequence the read model reflects. Replicas of one database converge on the same number; one that stays behind does not see the others' writes.",
      registers: [registry],
      collect() {
        this.set(readModel().changeSeq);
      },
    });
  }

  return {
    contentType: registry.contentType,
    render: () => registry.metrics(),
    observeRequest(outcome) {
      const labels = { operation: operations.label(outcome.operation), outcome: outcome.code ?? 'OK' };
      requests.inc(labels);
      latency.observe(labels, outcome.millis / 1000);
    },
    observeQuery(timing) {
      queryTime.observe(
        { query: timing.name, mode: timing.mode, result: timing.ok ? 'ok' : 'error' },
        timing.millis / 1000,
      );
    },
    rateLimited: () => rateLimited.inc(),
  };
}

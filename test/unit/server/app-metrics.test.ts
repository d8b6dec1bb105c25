import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppMetrics, loopDelaySeconds } from '../../../src/server/metrics/app-metrics';
import { BoundedLabels } from '../../../src/server/metrics/bounded-labels';

describe('app metrics', () => {
  it('counts requests by operation and outcome, and times queries', async () => {
    const metrics = createAppMetrics({ load: () => ({ sessionsOpen: 3, transactionsRunning: 2 }), maxPoolSize: 50 });
    metrics.observeRequest({ operation: 'SearchSkills', millis: 12, code: undefined });
    metrics.observeRequest({ operation: 'SearchSkills', millis: 30, code: 'BAD_USER_INPUT' });
    metrics.observeQuery({ name: 'esco/search-skills', mode: 'READ', millis: 4, ok: true });
    metrics.rateLimited();
    const text = await metrics.render();
    expect(text).toContain('credgraph_graphql_requests_total{operation="SearchSkills",outcome="OK"} 1');
    expect(text).toContain('credgraph_graphql_requests_total{operation="SearchSkills",outcome="BAD_USER_INPUT"} 1');
    expect(text).toContain(
      'credgraph_graphql_request_duration_seconds_bucket{le="0.025",operation="SearchSkills",outcome="OK"} 1',
    );
    expect(text).toContain(
      'credgraph_db_query_duration_seconds_count{query="esco/search-skills",mode="READ",result="ok"} 1',
    );
    expect(text).toContain('credgraph_db_sessions_open 3');
    expect(text).toContain('credgraph_db_transactions_running 2');
    expect(text).toContain('credgraph_db_pool_max_connections 50');
    expect(text).toContain('credgraph_rate_limited_total 1');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('reports the event-loop delay since the previous scrape, and the compute tier', async () => {
    const metrics = createAppMetrics({
      load: () => ({ sessionsOpen: 0, transactionsRunning: 0 }),
      maxPoolSize: 1,
      compute: () => ({
        threads: 2,
        maxQueue: 8,
        queued: 3,
        running: 2,
        finished: new Map([
          ['planning:ok', 5],
          ['planning:busy', 1],
        ]),
        workerMemory: { heapUsedBytes: 30_000_000, heapTotalBytes: 41_000_000, solverBytes: 42_467_328 },
        solverRecycles: 4,
        heapCollections: 3,
        threadsStarted: 6,
        planAdmission: { limit: 5, inFlight: 4, waiting: 2, refused: 7, late: 3 },
      }),
    });
    await metrics.render();
    // Node's reset() forgets the previous tick, so the first sample after a scrape only starts the
    // clock: let the 10 ms sampler tick before stalling, or the stall may be the unrecorded first delta.
    await new Promise((resolve) => setTimeout(resolve, 40));
    // Block the event loop for 120 ms in an I/O callback, where request work runs: the next
    // scrape's max must show it.
    await new Promise<void>((resolve) =>
      fs.readFile(__filename, () => {
        const until = performance.now() + 120;
        while (performance.now() < until) {
          // busy wait
        }
        setTimeout(resolve, 30);
      }),
    );
    const text = await metrics.render();
    const max = Number(/credgraph_event_loop_delay_seconds\{quantile="max"\} ([\d.e-]+)/.exec(text)?.[1]);
    expect(max).toBeGreaterThanOrEqual(0.1);
    expect(text).toMatch(/credgraph_event_loop_delay_seconds\{quantile="0.99"\} [\d.e-]+/);
    expect(text).toContain('credgraph_compute_queue_depth 3');
    expect(text).toContain('credgraph_compute_tasks_running 2');
    expect(text).toContain('credgraph_compute_tasks_total{task="planning",outcome="busy"} 1');
    expect(text).toContain('credgraph_compute_worker_memory_bytes{kind="heap_total"} 41000000');
    expect(text).toContain('credgraph_compute_worker_memory_bytes{kind="solver"} 42467328');
    expect(text).toContain('credgraph_compute_solver_recycles_total 4');
    expect(text).toContain('credgraph_compute_heap_collections_total 3');
    expect(text).toContain('credgraph_compute_threads_started_total 6');
    expect(text).toContain('credgraph_plan_admission{state="limit"} 5');
    expect(text).toContain('credgraph_plan_admission{state="waiting"} 2');
    expect(text).toContain('credgraph_plan_requests_total{outcome="refused"} 7');
    expect(text).toContain('credgraph_plan_requests_total{outcome="late"} 3');
    // The scrape started a new interval: without a stall the max is far below the stall.
    const quiet = await metrics.render();
    const quietMax = Number(/credgraph_event_loop_delay_seconds\{quantile="max"\} ([\d.e-]+)/.exec(quiet)?.[1]);
    expect(quietMax).toBeLessThan(0.1);
  });

  it('reports how late the sampling timer fired, not the whole sampling interval', () => {
    expect(loopDelaySeconds(10_400_000, 10)).toBeCloseTo(0.0004, 9);
    expect(loopDelaySeconds(130_000_000, 10)).toBeCloseTo(0.12, 9);
    expect(loopDelaySeconds(9_900_000, 10)).toBe(0);
    expect(loopDelaySeconds(Number.NaN, 10)).toBe(0);
  });

  it('reports the read model as it is at each scrape, and nothing of it without one', async () => {
    let figures = { loadMillis: 4_250, bytes: 45_000_000, reloads: 0, changeSeq: 17 };
    const metrics = createAppMetrics({
      load: () => ({ sessionsOpen: 0, transactionsRunning: 0 }),
      maxPoolSize: 1,
      readModel: () => figures,
    });
    let text = await metrics.render();
    expect(text).toMatch(/^credgraph_read_model_load_seconds 4\.25$/m);
    expect(text).toMatch(/^credgraph_read_model_bytes 45000000$/m);
    expect(text).toMatch(/^credgraph_read_model_reloads_total 0$/m);
    expect(text).toMatch(/^credgraph_read_model_change_seq 17$/m);
    figures = { ...figures, reloads: 1, changeSeq: 40 };
    text = await metrics.render();
    expect(text).toMatch(/^credgraph_read_model_reloads_total 1$/m);
    expect(text).toMatch(/^credgraph_read_model_change_seq 40$/m);
    const without = createAppMetrics({ load: () => ({ sessionsOpen: 0, transactionsRunning: 0 }), maxPoolSize: 1 });
    expect(await without.render()).not.toContain('credgraph_read_model');
  });

  it('keeps two apps in one process apart', async () => {
    const a = createAppMetrics({ load: () => ({ sessionsOpen: 0, transactionsRunning: 0 }), maxPoolSize: 1 });
    const b = createAppMetrics({ load: () => ({ sessionsOpen: 0, transactionsRunning: 0 }), maxPoolSize: 1 });
    a.observeRequest({ operation: 'X', millis: 1, code: undefined });
    expect(await b.render()).not.toContain('operation="X"');
  });

  it('folds client-chosen operation names beyond the bound into "other"', () => {
    const labels = new BoundedLabels(2);
    expect(['a', 'b', 'c', 'a', 'd'].map((v) => labels.label(v))).toEqual(['a', 'b', 'other', 'a', 'other']);
  });
});

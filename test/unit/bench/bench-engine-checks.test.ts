import { describe, expect, it } from 'vitest';
import { firstDifference, normaliseAnswer, timeLimitOf } from '../../../tools/bench/answer-equality';
import { PLAN_CUT_OFF_REASON } from '../../../src/domain/planning/planning-job';
import { maxLoopDelay, widenAdmission } from '../../../tools/bench/loop-delay-phase';
import { summariseSamples, slope } from '../../../tools/bench/memory-readings';
import {
  computeTasks,
  counterDelta,
  metricValue,
  parsePrometheusText,
  planAdmissionReading,
  readModelSamples,
  serverLoopDelay,
  serverMemoryBreakdown,
} from '../../../tools/bench/server-metrics';
import { formatTargetTable, markdownTargetTable, rowVerdict, targetRows } from '../../../tools/bench/target-table';
import type { ScenarioResult } from '../../../tools/bench/bench-report';
import type { LoadResult } from '../../../tools/bench/run-load';

const EXPOSITION = `# HELP credgraph_event_loop_delay_seconds Event-loop delay over the last interval.
# TYPE credgraph_event_loop_delay_seconds gauge
credgraph_event_loop_delay_seconds{quantile="0.5"} 0.0012
credgraph_event_loop_delay_seconds{quantile="0.99"} 0.018
credgraph_event_loop_delay_seconds{quantile="max"} 0.05
nodejs_eventloop_lag_p99_seconds 0.0201
credgraph_compute_queue_depth 3
credgraph_compute_tasks_total{task="plan",outcome="ok"} 12
credgraph_compute_tasks_total{task="plan",outcome="timeout"} 1
credgraph_read_model_load_seconds 4.5
`;

describe('server metrics', () => {
  const samples = parsePrometheusText(EXPOSITION);

  it('reads the event-loop delay quantiles in ms', () => {
    const delay = serverLoopDelay(samples);
    expect(delay.p50Ms).toBeCloseTo(1.2);
    expect(delay.p99Ms).toBeCloseTo(18);
    expect(delay.maxMs).toBeCloseTo(50);
    expect(delay.nodejsP99Ms).toBeCloseTo(20.1);
  });

  it('says null for series the server does not export', () => {
    const defaultsOnly = parsePrometheusText('nodejs_eventloop_lag_p99_seconds 0.011\n');
    expect(serverLoopDelay(defaultsOnly).p99Ms).toBeNull();
    expect(metricValue(defaultsOnly, 'credgraph_compute_queue_depth')).toBeNull();
    expect(computeTasks(defaultsOnly)).toEqual({});
  });

  it('counts compute tasks by task and outcome, and their change', () => {
    const before = { 'plan/ok': 10 };
    expect(computeTasks(samples)).toEqual({ 'plan/ok': 12, 'plan/timeout': 1 });
    expect(counterDelta(before, computeTasks(samples))).toEqual({ 'plan/ok': 2, 'plan/timeout': 1 });
    expect(readModelSamples(samples).map((s) => s.value)).toEqual([4.5]);
  });

  it("reads where the server's memory sits, in MiB", () => {
    const memory = serverMemoryBreakdown(
      parsePrometheusText(
        [
          'nodejs_heap_size_used_bytes 209715200',
          'nodejs_heap_size_total_bytes 314572800',
          'credgraph_compute_worker_memory_bytes{kind="heap_total"} 83886080',
          'credgraph_compute_worker_memory_bytes{kind="solver"} 44040192',
          'credgraph_compute_solver_recycles_total 7',
          'credgraph_memory_allocator_info{allocator="jemalloc"} 1',
        ].join('\n'),
      ),
    );
    expect(memory).toEqual({
      requestHeapUsedMiB: 200,
      requestHeapTotalMiB: 300,
      externalMiB: null,
      workerHeapTotalMiB: 80,
      solverMiB: 42,
      solverRecycles: 7,
      allocator: 'jemalloc',
    });
    expect(serverMemoryBreakdown(parsePrometheusText('nodejs_heap_size_used_bytes 1\n')).allocator).toBeNull();
  });
});

describe('answer equality', () => {
  it('ignores solveMillis and the steps of plans, not their objective or coverage', () => {
    const plan = (objectiveValue: number, steps: string[], solveMillis: number, score = 1) => ({
      recommendCourses: {
        objectiveValue,
        optimal: true,
        solveMillis,
        coverageAfter: { score },
        steps: steps.map((id) => ({ credential: { id } })),
      },
    });
    expect(firstDifference(normaliseAnswer(plan(30, ['a', 'b'], 5)), normaliseAnswer(plan(30, ['c'], 900)))).toBeNull();
    expect(firstDifference(normaliseAnswer(plan(30, ['a'], 5)), normaliseAnswer(plan(31, ['a'], 5)))).toBe(
      'recommendCourses.objectiveValue',
    );
    expect(firstDifference(normaliseAnswer(plan(30, ['a'], 5)), normaliseAnswer(plan(30, ['a'], 5, 0.9)))).toBe(
      'recommendCourses.coverageAfter.score',
    );
  });

  it('finds the first differing element of a ranking, tolerating rounding only', () => {
    const ranking = (scores: number[]) => ({ nodes: scores.map((score, i) => ({ uri: `o${i}`, score })) });
    expect(firstDifference(ranking([0.5, 0.25]), ranking([0.5 + 1e-12, 0.25]))).toBeNull();
    expect(firstDifference(ranking([0.5, 0.25]), ranking([0.5, 0.2501]))).toBe('nodes[1].score');
    expect(firstDifference(ranking([0.5]), ranking([0.5, 0.25]))).toBe('nodes.length');
  });
});

describe('time-limited answers', () => {
  const options = { reskillingPaths: [{ plan: { optimal: true, objectiveValue: 40 } }] };

  it('names an unproven plan on either side first, then a partial answer on either side', () => {
    const unproven = { reskillingPaths: [{ plan: { optimal: false, objectiveValue: 40 } }] };
    expect(timeLimitOf({ data: options, warnings: [] }, { data: unproven, warnings: ['PARTIAL_RESULT'] })).toBe(
      'unproven plan',
    );
    expect(
      timeLimitOf({ data: options, warnings: [] }, { data: { reskillingPaths: [] }, warnings: ['PARTIAL_RESULT'] }),
    ).toBe('partial answer');
    expect(
      timeLimitOf({ data: { reskillingPaths: [] }, warnings: ['PARTIAL_RESULT'] }, { data: options, warnings: [] }),
    ).toBe('partial answer');
  });

  it('names a plan refused at its cutoff, and no other refusal', () => {
    const cutOff = {
      data: null,
      warnings: [],
      errors: [
        {
          message: 'busy',
          extensions: { code: 'SERVER_BUSY', details: { reason: PLAN_CUT_OFF_REASON } },
        },
      ],
    };
    expect(timeLimitOf({ data: options, warnings: [] }, cutOff)).toBe('cut off');
    // Refused by admission (no room), or any other error: not a time limit.
    const busy = { data: null, warnings: [], errors: [{ message: 'busy', extensions: { code: 'SERVER_BUSY' } }] };
    expect(timeLimitOf({ data: options, warnings: [] }, busy)).toBe(null);
    const failed = {
      data: null,
      warnings: [],
      errors: [
        { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR', details: { reason: PLAN_CUT_OFF_REASON } } },
      ],
    };
    expect(timeLimitOf(failed, { data: options, warnings: [] })).toBe(null);
  });

  it('is null when both answers are whole and every plan proven, whatever other warnings say', () => {
    expect(
      timeLimitOf({ data: options, warnings: [] }, { data: { reskillingPaths: [] }, warnings: ['DEPRECATED'] }),
    ).toBe(null);
  });
});

describe('memory readings', () => {
  it('fits the slope of a straight line', () => {
    expect(
      slope([
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 5 },
      ]),
    ).toBeCloseTo(2);
    expect(slope([{ x: 1, y: 3 }])).toBeNull();
  });

  it('summarises samples with the last minute slope in MiB per minute', () => {
    const samples = [0, 30, 60, 90, 120].map((atSeconds) => ({ atSeconds, rssMiB: 200 + atSeconds / 6 }));
    const summary = summariseSamples(samples);
    expect(summary.minMiB).toBe(200);
    expect(summary.maxMiB).toBe(220);
    expect(summary.medianMiB).toBe(210);
    // 10 MiB per 60 s over the last minute's three samples.
    expect(summary.lastMinuteSlopeMiBPerMinute).toBeCloseTo(10);
  });
});

describe('target table', () => {
  const run = (concurrency: number, medianMs: number, throughput: number, p99Ms = medianMs * 2): LoadResult => ({
    concurrency,
    seconds: 10,
    requests: 100,
    throughput,
    meanMs: medianMs,
    medianMs,
    p95Ms: p99Ms,
    p99Ms,
    maxMs: p99Ms,
    non2xx: 0,
    refused: 0,
    refusedMedianMs: Number.NaN,
    cutOff: 0,
    graphqlErrors: 0,
    errors: 0,
    timeouts: 0,
    maxSolveMillis: Number.NaN,
    plans: { optimal: 0, unproven: 0, partial: 0, nonePlanned: 0 },
  });
  const scenario = (name: string, runs: LoadResult[]): ScenarioResult => ({
    scenario: name,
    poolSize: 100,
    roundTrips: [3, 3],
    sampleMillis: [],
    targetMedianMs: null,
    runs,
  });

  it('judges medians at concurrency 1 and throughput at 16 against the issue targets', () => {
    const rows = targetRows(
      [
        scenario('coverage', [run(1, 2.5, 300), run(16, 20, 650)]),
        scenario('rankOccupations', [run(1, 9, 100), run(16, 50, 250)]),
        scenario('recommendCourses', [run(1, 30, 20, 300), run(16, 400, 35)]),
        scenario('browse', [run(1, 5, 200), run(16, 50, 300)]),
      ],
      { '1': 1.6, '16': 1.4 },
    );
    const verdict = Object.fromEntries(rows.map((r) => [r.operation, rowVerdict(r)]));
    expect(verdict.coverage).toBe('met');
    expect(verdict.rankOccupations).toBe('missed');
    expect(verdict.recommendCourses).toBe('missed'); // p99 300 > 250
    expect(verdict.rankCandidates).toBe('n/a');
    expect(verdict['browse (occupation + skills + courses)']).toBe('missed'); // 3 round trips, 1.4× at c16
    expect(formatTargetTable(rows)).toContain('11 ms, 151 req/s');
    expect(markdownTargetTable(rows)).toContain(
      '| coverage | 11 ms, 151 req/s | ≤ 3 ms, ≥ 600 req/s | median c1 2.5 ms, c16 650 req/s | met |',
    );
  });

  it("counts browse's round trips cold (the first probes) as well as warm (the server over the run)", () => {
    const warm = { ...run(1, 2, 400), server: { requests: 100, maxRoundTrips: 0 } as LoadResult['server'] };
    const browseRow = (probes: number[]) =>
      targetRows([{ ...scenario('browse', [warm, run(16, 20, 500)]), roundTrips: probes }], {
        '1': 3,
        '16': 2,
      }).find((r) => r.operation.startsWith('browse'))!;
    expect(rowVerdict(browseRow([3, 1, 1]))).toBe('missed');
    expect(browseRow([3, 1, 1]).checks[0]!.measured).toBe(3);
    expect(rowVerdict(browseRow([1, 1]))).toBe('met');
    expect(browseRow([]).checks[0]!.measured).toBe(0);
  });

  it('is partial when only some figures were measured and none missed', () => {
    const rows = targetRows([scenario('coverage', [run(1, 2, 0)])], null);
    expect(rowVerdict(rows[0]!)).toBe('partial');
  });
});

describe('event-loop delay over several scrapes', () => {
  it('keeps the largest reading of each series, and null only where nothing was exported', () => {
    const first = maxLoopDelay(null, { p50Ms: 1, p99Ms: 30, maxMs: null, nodejsP99Ms: 12 });
    const both = maxLoopDelay(first, { p50Ms: 2, p99Ms: 10, maxMs: null, nodejsP99Ms: 40 });
    expect(both).toEqual({ p50Ms: 2, p99Ms: 30, maxMs: null, nodejsP99Ms: 40 });
  });
});

describe('plan admission over the event-loop phase', () => {
  it('reads the limit and the plans in flight, null where not exported', () => {
    const scrape = parsePrometheusText(
      [
        'credgraph_plan_admission{state="limit"} 2',
        'credgraph_plan_admission{state="in_flight"} 1',
        'credgraph_plan_admission{state="waiting"} 3',
      ].join('\n'),
    );
    expect(planAdmissionReading(scrape)).toEqual({ limit: 2, inFlight: 1 });
    expect(planAdmissionReading(parsePrometheusText('nodejs_eventloop_lag_p99_seconds 0.011\n'))).toEqual({
      limit: null,
      inFlight: null,
    });
  });

  it('keeps the limit it started with, the range of the limit and the most plans in flight', () => {
    const start = widenAdmission(null, { limit: 2, inFlight: 0 });
    const later = [
      { limit: 3, inFlight: 3 },
      { limit: null, inFlight: null },
      { limit: 1, inFlight: 2 },
    ].reduce(widenAdmission, start);
    expect(later).toEqual({ limitAtStart: 2, limitMin: 1, limitMax: 3, inFlightMax: 3 });
    // A phase whose first scrape had no admission series starts from nothing, not from zero.
    expect(widenAdmission(widenAdmission(null, { limit: null, inFlight: null }), { limit: 4, inFlight: 4 })).toEqual({
      limitAtStart: null,
      limitMin: 4,
      limitMax: 4,
      inFlightMax: 4,
    });
  });
});

/**
 * The compute engine's target table (issue #12, item 5): per operation the baseline ("now
 * (main)", measured on main before the engine: full ESCO, 20,000 credentials, 50,000 learners, 2
 * cores, one run), the target, and this run's measurement, each row met or missed. Medians are at
 * concurrency 1, throughput at concurrency 16, as the issue defines them.
 */
import type { ScenarioResult } from './bench-report';
import type { LoadResult } from './run-load';

/** One measured figure against its bound. */
export interface TargetCheck {
  /** e.g. "median c1". */
  readonly what: string;
  readonly unit: 'ms' | 'req/s' | '×' | 'round trips';
  readonly measured: number | null;
  readonly bound: number;
  /** True: the measurement must be ≤ bound; false: ≥ bound. */
  readonly atMost: boolean;
}

/** One row of the table. */
export interface TargetRow {
  readonly operation: string;
  /** The baseline figures, quoted. */
  readonly now: string;
  readonly target: string;
  readonly checks: readonly TargetCheck[];
}

/** met when every check is met; missed when one is missed; n/a when nothing was measured. */
export type TargetVerdict = 'met' | 'missed' | 'n/a' | 'partial';

/** The baseline and targets, by operation (figures quoted from issue #12). */
const ROWS: readonly {
  operation: string;
  scenario: string;
  now: string;
  target: string;
  medianC1?: number;
  p99C1?: number;
  throughputC16?: number;
}[] = [
  {
    operation: 'coverage',
    scenario: 'coverage',
    now: '11 ms, 151 req/s',
    target: '≤ 3 ms, ≥ 600 req/s',
    medianC1: 3,
    throughputC16: 600,
  },
  {
    operation: 'rankOccupations',
    scenario: 'rankOccupations',
    now: '28 ms, 45 req/s',
    target: '≤ 8 ms, ≥ 200 req/s',
    medianC1: 8,
    throughputC16: 200,
  },
  {
    operation: 'rankCandidates',
    scenario: 'rankCandidates',
    now: '466 ms, 1.8 req/s',
    target: '≤ 30 ms, ≥ 40 req/s',
    medianC1: 30,
    throughputC16: 40,
  },
  {
    operation: 'recommendCourses',
    scenario: 'recommendCourses',
    now: '222 ms (p95 660), 5.8 req/s',
    target: '≤ 40 ms, p99 ≤ 250 ms, ≥ 30 req/s',
    medianC1: 40,
    p99C1: 250,
    throughputC16: 30,
  },
  {
    operation: 'reskillingPaths (20 candidates)',
    scenario: 'reskillingPaths',
    now: '1,362 ms, 0.6 req/s',
    target: '≤ 300 ms',
    medianC1: 300,
  },
];

const BROWSE_NOW = '14 ms, 3 round trips; 1.10× / 0.86× @neo4j/graphql at c1 / c16';
const BROWSE_TARGET = 'one round trip; ≥ 1.5× @neo4j/graphql at both';

const runAt = (scenario: ScenarioResult | undefined, concurrency: number): LoadResult | undefined =>
  scenario?.runs.find((r) => r.concurrency === concurrency);

const finite = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? null : value);

/** The rows, measured from a run's scenarios and its @neo4j/graphql ratio (null: not run). */
export function targetRows(
  scenarios: readonly ScenarioResult[],
  throughputRatio: Readonly<Record<string, number>> | null,
): TargetRow[] {
  const byName = new Map(scenarios.map((s) => [s.scenario, s]));
  const rows: TargetRow[] = ROWS.map((row) => {
    const scenario = byName.get(row.scenario);
    const c1 = runAt(scenario, 1);
    const c16 = runAt(scenario, 16);
    const checks: TargetCheck[] = [];
    if (row.medianC1 !== undefined)
      checks.push({ what: 'median c1', unit: 'ms', measured: finite(c1?.medianMs), bound: row.medianC1, atMost: true });
    if (row.p99C1 !== undefined)
      checks.push({ what: 'p99 c1', unit: 'ms', measured: finite(c1?.p99Ms), bound: row.p99C1, atMost: true });
    if (row.throughputC16 !== undefined)
      checks.push({
        what: 'c16',
        unit: 'req/s',
        measured: finite(c16?.throughput),
        bound: row.throughputC16,
        atMost: false,
      });
    return { operation: row.operation, now: row.now, target: row.target, checks };
  });
  const browse = byName.get('browse');
  const browseRun = runAt(browse, 1) ?? browse?.runs[0];
  // The most of the server's own count over the whole run (warm caches) and of the sequential
  // probes before it (each the first browse of its occupation: cold caches).
  const counted = [
    ...(browseRun?.server && browseRun.server.requests > 0 ? [browseRun.server.maxRoundTrips] : []),
    ...(browse?.roundTrips ?? []),
  ];
  const roundTrips = counted.length > 0 ? Math.max(...counted) : null;
  rows.push({
    operation: 'browse (occupation + skills + courses)',
    now: BROWSE_NOW,
    target: BROWSE_TARGET,
    checks: [
      { what: 'round trips', unit: 'round trips', measured: roundTrips, bound: 1, atMost: true },
      { what: 'c1', unit: '×', measured: finite(throughputRatio?.['1']), bound: 1.5, atMost: false },
      { what: 'c16', unit: '×', measured: finite(throughputRatio?.['16']), bound: 1.5, atMost: false },
    ],
  });
  return rows;
}

/** The verdict of one check (null: not measured). */
export function checkMet(check: TargetCheck): boolean | null {
  if (check.measured === null) return null;
  return check.atMost ? check.measured <= check.bound : check.measured >= check.bound;
}

/** A row's verdict; `partial` when some checks were not measured and none missed. */
export function rowVerdict(row: TargetRow): TargetVerdict {
  const met = row.checks.map(checkMet);
  if (met.includes(false)) return 'missed';
  if (met.every((m) => m === null)) return 'n/a';
  return met.includes(null) ? 'partial' : 'met';
}

const figure = (check: TargetCheck): string => {
  if (check.measured === null) return `${check.what} n/a`;
  const v = check.measured;
  const text =
    check.unit === 'ms'
      ? `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`
      : check.unit === 'req/s'
        ? `${v < 10 ? v.toFixed(1) : v.toFixed(0)} req/s`
        : check.unit === '×'
          ? `${v.toFixed(2)}×`
          : `${v} round trip${v === 1 ? '' : 's'}`;
  const label = check.unit === 'round trips' ? '' : `${check.what} `;
  return `${label}${text}${checkMet(check) === false ? ' ✗' : ''}`;
};

/** The measured column of a row. */
export function measuredText(row: TargetRow): string {
  return row.checks.map(figure).join(', ');
}

/** The table as aligned text for the terminal. */
export function formatTargetTable(rows: readonly TargetRow[]): string {
  const header = ['operation', 'now (main)', 'target', 'measured', 'verdict'];
  const cells = rows.map((r) => [r.operation, r.now, r.target, measuredText(r), rowVerdict(r)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** The table in Markdown. */
export function markdownTargetTable(rows: readonly TargetRow[]): string {
  return [
    '| operation | now (main) | target | measured | verdict |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.operation} | ${r.now} | ${r.target} | ${measuredText(r)} | ${rowVerdict(r) === 'missed' ? '**missed**' : rowVerdict(r)} |`,
    ),
  ].join('\n');
}

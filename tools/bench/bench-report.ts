/** The benchmark's results: a table for the terminal and a JSON record under `.bench/`. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadResult } from './run-load';
import type { BrowseComparison } from './compare-browse';
import type { PlanQuality } from './plan-quality';
import type { BenchOptions } from './bench-options';
import type { BenchPopulation } from './bench-population';
import type { EngineResults } from './engine-report';

/** One scenario's measurements. */
export interface ScenarioResult {
  readonly scenario: string;
  readonly poolSize: number;
  /** `x-db-round-trips` of the sampled requests (credgraph only). */
  readonly roundTrips: readonly number[];
  /** Sequential latency of the sampled requests (ms), a cold-ish first look. */
  readonly sampleMillis: readonly number[];
  readonly targetMedianMs: number | null;
  readonly runs: readonly LoadResult[];
}

/** Everything one run measured. */
export interface BenchResults {
  readonly startedAt: string;
  readonly label: string;
  readonly options: BenchOptions;
  readonly machine: {
    readonly cpus: number;
    readonly memoryGiB: number;
    readonly node: string;
    readonly loadAverageAtStart: readonly number[];
    readonly loadAverageAtEnd: readonly number[];
  };
  readonly setup: {
    readonly neo4jStartMillis: number;
    readonly escoImportMillis: number | null;
    readonly population: BenchPopulation;
  };
  readonly scenarios: readonly ScenarioResult[];
  readonly neo4jGraphql: {
    readonly comparison: BrowseComparison;
    /** credgraph browse throughput / @neo4j/graphql browse throughput, per concurrency. */
    readonly throughputRatio: Readonly<Record<string, number>>;
  } | null;
  readonly planQuality: PlanQuality | null;
  /** The compute engine's figures (issue #12): targets, event-loop delay, equality, memory. */
  readonly engine: EngineResults;
  readonly totalMillis: number;
}

const fixed = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);

/** `min` or `min–max` of the round-trip samples. */
export function roundTripText(values: readonly number[]): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return '-';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  return min === max ? String(min) : `${min}–${max}`;
}

/** The results table (one row per scenario and concurrency). */
export function formatTable(results: BenchResults): string {
  const header = [
    'scenario',
    'conc',
    'requests',
    'req/s',
    'median ms',
    'p95 ms',
    'p99 ms',
    'server ms',
    'Cypher ms',
    'round trips',
    'target',
    'refused',
    'errors',
  ];
  const rows: string[][] = [];
  for (const s of results.scenarios) {
    for (const run of s.runs) {
      const atTarget = s.targetMedianMs !== null && run.concurrency === 16;
      const verdict = atTarget ? `≤${s.targetMedianMs} ${run.medianMs <= s.targetMedianMs! ? 'met' : 'MISSED'}` : '';
      rows.push([
        s.scenario,
        String(run.concurrency),
        String(run.requests),
        fixed(run.throughput),
        fixed(run.medianMs),
        fixed(run.p95Ms),
        fixed(run.p99Ms),
        fixed(run.server?.meanServerMs),
        fixed(run.server?.meanDbMs),
        run.server && run.server.requests > 0
          ? roundTripText([run.server.minRoundTrips, run.server.maxRoundTrips])
          : roundTripText(s.roundTrips),
        verdict,
        String(run.refused),
        String(run.non2xx - run.refused + run.graphqlErrors + run.errors),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 9 || i === 10 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The summary lines after the table: side-by-side and plan quality. */
export function formatExtras(results: BenchResults): string {
  const out: string[] = [];
  if (results.neo4jGraphql) {
    const { comparison: c, throughputRatio } = results.neo4jGraphql;
    out.push(
      `@neo4j/graphql browse check: ${c.identical}/${c.occupations} identical (same order), ${c.sameAsSets}/${c.occupations} same as sets, ${c.nonEmpty} non-empty`,
      `throughput ratio credgraph / @neo4j/graphql (browse): ${Object.entries(throughputRatio)
        .map(([conc, r]) => `c${conc} ${r.toFixed(2)}×`)
        .join(', ')} (target ≥ 1.5×)`,
    );
  }
  const q = results.planQuality;
  if (q) {
    out.push(
      `recommendCourses quality over ${q.pairs} learner/occupation pairs (${q.planned} with something to plan; median gap ${q.medianGapSkills} skills, ${q.medianCourses} candidate courses): ` +
        `optimal ${(q.optimalShare * 100).toFixed(1)}%; mean relative gap on the rest ${q.meanRelativeGapNonOptimal === null ? '-' : (q.meanRelativeGapNonOptimal * 100).toFixed(2) + '%'}; ` +
        `greedy excess mean ${q.meanGreedyExcess === null ? '-' : (q.meanGreedyExcess * 100).toFixed(2) + '%'}, max ${q.maxGreedyExcess === null ? '-' : (q.maxGreedyExcess * 100).toFixed(1) + '%'}, ` +
        `greedy as cheap in ${q.greedyAsGoodShare === null ? '-' : (q.greedyAsGoodShare * 100).toFixed(1) + '%'} of ${q.comparedWithGreedy}; mean solve ${q.meanSolveMillis.toFixed(1)} ms; solvers ${JSON.stringify(q.solvers)}`,
    );
  }
  return out.join('\n');
}

/** Writes `<outDir>/results-<timestamp>.json`; returns its path. */
export function writeResults(results: BenchResults, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `results-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  return file;
}

/** Facts about the machine, for reading figures later. */
export function machineFacts(): { cpus: number; memoryGiB: number; node: string } {
  return { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

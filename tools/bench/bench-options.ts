/**
 * Command-line options of `npm run bench`. Defaults give the full suite (20,000 credentials,
 * 50,000 learners, 5,000 postings, concurrency 1 and 16, 10 s per run) in well under 20 minutes
 * on a 2-core machine once the store exists.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PREREQUISITE_SHARE } from '../../src/generate/population-options';

/** Every scenario the suite knows, in run order. */
export const SCENARIO_NAMES = [
  'browse',
  'searchSkills',
  'coverage',
  'rankOccupations',
  'rankCandidates',
  'recommendCourses',
  'nextCourses',
  'reskillingPaths',
] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Parsed options. */
export interface BenchOptions {
  readonly credentials: number;
  readonly learners: number;
  readonly postings: number;
  readonly seed: number;
  /** Share of credentials with prerequisites (generator option). */
  readonly prerequisiteShare: number;
  /** Neo4j store; reused (with its ESCO import and population) when it exists. */
  readonly dataDir: string;
  /** Use a temporary store, deleted at the end, instead of `dataDir`. */
  readonly fresh: boolean;
  readonly heap: string;
  readonly pageCache: string;
  readonly escoDir: string;
  /** Seconds of measured load per scenario and concurrency. */
  readonly durationSeconds: number;
  /** Seconds of unmeasured load per scenario before the measured runs. */
  readonly warmupSeconds: number;
  readonly concurrencies: readonly number[];
  readonly scenarios: readonly ScenarioName[];
  /** Distinct requests per scenario pool. */
  readonly poolSize: number;
  /** Learner/occupation pairs of the plan quality measurement (0: skip). */
  readonly qualityPairs: number;
  /** Occupations compared between credgraph and @neo4j/graphql (0 with `neo4jGraphql` off). */
  readonly compareOccupations: number;
  /** Run the @neo4j/graphql side-by-side. */
  readonly neo4jGraphql: boolean;
  /** Where the JSON results go. */
  readonly outDir: string;
  /** Free text stored with the results (e.g. "before index change"). */
  readonly label: string;
  /** Scenarios whose highest-concurrency run is CPU-profiled (`<out>/<scenario>-c<n>.cpuprofile`). */
  readonly profile: readonly string[];
  /** Seconds of the event-loop phase: heavy plans in parallel with a paced light probe (0: skip). */
  readonly heavySeconds: number;
  /** Heavy plans in flight during that phase. */
  readonly heavyConcurrency: number;
  /** `candidates` of the heavy reskillingPaths. */
  readonly heavyCandidates: number;
  /** Requests per second of the light probe (coverage). */
  readonly probeRate: number;
  /** Mixed heavy requests before the second memory reading (0: skip). */
  readonly memoryRequests: number;
  /** Minutes of the memory soak at concurrency 8 (0: skip). */
  readonly soakMinutes: number;
  /** Seconds without requests after the memory phase's load before its last reading (0: skip it). */
  readonly settleSeconds: number;
  /** Requests per scenario answered by both engines and compared (0: skip the reference server). */
  readonly compareAnswers: number;
}

/** Thrown for unusable command-line options. */
export class BenchUsageError extends Error {}

export const BENCH_USAGE = `usage: bench [--learners 50000] [--credentials 20000] [--postings 5000] [--seed 1] [--prerequisite-share 0.01]
             [--data-dir .data/bench-neo4j | --fresh] [--heap 4g] [--pagecache 2g] [--esco ../shared/data/esco]
             [--duration 10] [--warmup 2] [--concurrency 1,16] [--scenarios browse,coverage,...]
             [--pool 100] [--quality 100] [--compare 20] [--no-neo4j-graphql] [--out .bench] [--label text]
             [--profile browse,coverage] (CPU profile of those scenarios' highest-concurrency run)
             [--heavy-seconds 20] [--heavy-concurrency 4] [--heavy-candidates 200] [--probe-rate 5]
             [--memory-requests 1000] [--soak-minutes 0] [--settle-seconds 30] [--compare-answers 20]`;

function share(raw: string): number {
  const value = Number(raw);
  if (!(raw.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 1))
    throw new BenchUsageError(`--prerequisite-share must be a number in [0, 1], got "${raw}"`);
  return value;
}

function whole(name: string, raw: string, min: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min)
    throw new BenchUsageError(`--${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return Number(raw);
}

/** Parses `argv` (without node and script); `root` is the repository folder. */
export function parseBenchOptions(argv: readonly string[], root: string): BenchOptions {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        credentials: { type: 'string', default: '20000' },
        learners: { type: 'string', default: '50000' },
        postings: { type: 'string', default: '5000' },
        seed: { type: 'string', default: '1' },
        'prerequisite-share': { type: 'string', default: String(DEFAULT_PREREQUISITE_SHARE) },
        'data-dir': { type: 'string', default: '.data/bench-neo4j' },
        fresh: { type: 'boolean', default: false },
        heap: { type: 'string', default: '4g' },
        pagecache: { type: 'string', default: '2g' },
        esco: { type: 'string', default: path.join('..', 'shared', 'data', 'esco') },
        duration: { type: 'string', default: '10' },
        warmup: { type: 'string', default: '2' },
        concurrency: { type: 'string', default: '1,16' },
        scenarios: { type: 'string', default: SCENARIO_NAMES.join(',') },
        pool: { type: 'string', default: '100' },
        quality: { type: 'string', default: '100' },
        compare: { type: 'string', default: '20' },
        'no-neo4j-graphql': { type: 'boolean', default: false },
        out: { type: 'string', default: '.bench' },
        label: { type: 'string', default: '' },
        profile: { type: 'string', default: '' },
        'heavy-seconds': { type: 'string', default: '20' },
        'heavy-concurrency': { type: 'string', default: '4' },
        'heavy-candidates': { type: 'string', default: '200' },
        'probe-rate': { type: 'string', default: '5' },
        'memory-requests': { type: 'string', default: '1000' },
        'soak-minutes': { type: 'string', default: '0' },
        'settle-seconds': { type: 'string', default: '30' },
        'compare-answers': { type: 'string', default: '20' },
      },
    }).values;
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  const scenarios = values.scenarios
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scenarios.filter((s) => !(SCENARIO_NAMES as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new BenchUsageError(`unknown scenario(s) ${unknown.join(', ')}; known: ${SCENARIO_NAMES.join(', ')}`);
  const concurrencies = values.concurrency.split(',').map((c) => whole('concurrency', c.trim(), 1));
  const neo4jGraphql = !values['no-neo4j-graphql'];
  return {
    credentials: whole('credentials', values.credentials, 1),
    learners: whole('learners', values.learners, 1),
    postings: whole('postings', values.postings, 1),
    seed: whole('seed', values.seed, 0),
    prerequisiteShare: share(values['prerequisite-share']),
    dataDir: path.resolve(root, values['data-dir']),
    fresh: values.fresh,
    heap: values.heap,
    pageCache: values.pagecache,
    escoDir: path.resolve(root, values.esco),
    durationSeconds: whole('duration', values.duration, 1),
    warmupSeconds: whole('warmup', values.warmup, 0),
    concurrencies,
    scenarios: scenarios as ScenarioName[],
    poolSize: whole('pool', values.pool, 1),
    qualityPairs: whole('quality', values.quality, 0),
    compareOccupations: neo4jGraphql ? whole('compare', values.compare, 0) : 0,
    neo4jGraphql,
    outDir: path.resolve(root, values.out),
    label: values.label,
    profile: values.profile
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    heavySeconds: whole('heavy-seconds', values['heavy-seconds'], 0),
    heavyConcurrency: whole('heavy-concurrency', values['heavy-concurrency'], 1),
    heavyCandidates: whole('heavy-candidates', values['heavy-candidates'], 1),
    probeRate: whole('probe-rate', values['probe-rate'], 1),
    memoryRequests: whole('memory-requests', values['memory-requests'], 0),
    soakMinutes: whole('soak-minutes', values['soak-minutes'], 0),
    settleSeconds: whole('settle-seconds', values['settle-seconds'], 0),
    compareAnswers: whole('compare-answers', values['compare-answers'], 0),
  };
}

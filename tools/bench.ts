/**
 * `npm run bench -- [--learners 50000] [--credentials 20000] [--postings 5000] [--duration 10]
 * [--concurrency 1,16] [--scenarios …] [--fresh] [--no-neo4j-graphql] …` (`node dist/tools/bench.js`;
 * `--help` lists every flag): the API's latency and throughput under load on a generated population.
 *
 * Sequence: start (or reuse) the bench Neo4j on `.data/bench-neo4j` (`--fresh`: a temporary
 * store), import ESCO if the store lacks it, make the population match the flags (reuse, resize
 * the learners, or generate), start credgraph in-process via `createApp` on a free port and, for
 * the side-by-side, @neo4j/graphql on another; then per scenario: a few sequential requests (their
 * `x-db-round-trips` and errors are checked), an unmeasured warm-up, and an autocannon load per
 * concurrency from a worker thread. Then the browse comparison with @neo4j/graphql, the plan
 * quality measurement; then the compute engine's checks (issue #12): an event-loop phase with heavy
 * plans in flight and a paced light probe, the RSS of `npm start`'s entry run as a child process
 * idle, after mixed heavy requests and across an optional soak, and the engine's answers against a reference app computing from the database
 * (`COMPUTE_SOURCE=database`). A table on stdout, the issue's target table, the JSON and a
 * Markdown report under `.bench/`.
 *
 * The store keeps ESCO and the population between runs, so a second run starts measuring within
 * a minute; changing only `--learners` grows or shrinks the learners in place. The app under test
 * takes `COMPUTE_*`, `PLAN_TIME_LIMIT_MS`, `HEAP_GROWTH_PERCENT`, `GC_PARALLEL_SCAVENGE` and
 * `REQUEST_THREAD_YOUNG_GENERATION_MB` from the benchmark's own environment (e.g.
 * `COMPUTE_EXPRESS_THREADS=0 npm run bench -- …` to compare without the lane).
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Neo4jExecutor } from '../src/db/neo4j-executor';
import { hotReadQueryWarmUps } from '../src/db/plan-warm-up/hot-read-queries';
import { warmQueryPlans } from '../src/db/plan-warm-up/warm-query-plans';
import { defaultCypherDir } from '../src/db/cypher-registry';
import { loadConfig } from '../src/config/config';
import { applyGarbageCollectionSettings } from '../src/server/garbage-collection-settings';
import { createApp } from '../src/server/create-app';
import { createLogger } from '../src/server/logger';
import { currentAllocator } from '../src/server/memory-allocator';
import { compactHeap } from '../src/compute/full-garbage-collection';
import { PopulationRepository, loadSampleSpace } from '../src/generate';
import { Random } from '../src/generate/random';
import { populationIds } from '../src/generate/population-options';
import { BENCH_USAGE, BenchUsageError, parseBenchOptions, type BenchOptions } from './bench/bench-options';
import { openBenchDatabase } from './bench/bench-database';
import { ensureBenchPopulation } from './bench/bench-population';
import {
  MIXED_HEAVY_SCENARIOS,
  buildHeavyPlanScenario,
  buildScenario,
  sampleOccupationUris,
  type PoolSource,
  type Scenario,
} from './bench/scenarios';
import { graphqlBody, postGraphql } from './bench/post-graphql';
import { runLoad, type LoadRequests, type LoadResult } from './bench/run-load';
import { BenchTokens } from './bench/bench-tokens';
import { startBenchServer, type BenchServer } from './bench/bench-server';
import { withCpuProfile } from './bench/cpu-profile';
import {
  NEO4J_GRAPHQL_BROWSE_QUERY,
  startNeo4jGraphqlServer,
  type Neo4jGraphqlServer,
} from './bench/neo4j-graphql-server';
import { compareBrowse } from './bench/compare-browse';
import { measurePlanQuality } from './bench/plan-quality';
import {
  formatExtras,
  formatTable,
  machineFacts,
  writeResults,
  type BenchResults,
  type ScenarioResult,
} from './bench/bench-report';
import { measureLoopDelayPhase, type LoopDelayPhase } from './bench/loop-delay-phase';
import { compareAnswers, type AnswerEquality } from './bench/answer-equality';
import { rssMiB, runMixedRequests, soak, type SoakSummary } from './bench/memory-readings';
import {
  metricValue,
  readModelSamples,
  scrapeMetrics,
  serverMemoryBreakdown,
  type ServerMemoryBreakdown,
} from './bench/server-metrics';
import { targetRows } from './bench/target-table';
import {
  formatEngine,
  writeMarkdownReport,
  type EngineResults,
  type PlanDeadlines,
  type ServerProcessMemory,
} from './bench/engine-report';
import { startChildServer } from './bench/child-server';
import type { ScenarioName } from './bench/bench-options';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Requests sent one by one before loading a scenario: round trips, errors, a first latency. */
const SAMPLE_REQUESTS = 5;

/** A scenario's pool as HTTP requests. */
async function loadRequests(scenario: Scenario, tokens: BenchTokens): Promise<LoadRequests> {
  return {
    bodies: scenario.pool.map((request) => graphqlBody(scenario.query, request.variables, scenario.operationName)),
    authorizations: await tokens.headers(scenario.pool),
  };
}

/** Sends the first requests of a pool one at a time; fails on any GraphQL error. */
async function sampleRequests(
  url: string,
  scenario: Scenario,
  requests: LoadRequests,
): Promise<{ roundTrips: number[]; millis: number[] }> {
  const roundTrips: number[] = [];
  const millis: number[] = [];
  for (let i = 0; i < Math.min(SAMPLE_REQUESTS, requests.bodies.length); i += 1) {
    const reply = await postGraphql(url, requests.bodies[i]!, requests.authorizations[i]);
    if (reply.status !== 200 || reply.errors) {
      throw new Error(
        `${scenario.name} request ${JSON.stringify(scenario.pool[i]!.variables)} failed (HTTP ${reply.status}): ${JSON.stringify(reply.errors ?? reply.data).slice(0, 500)}`,
      );
    }
    roundTrips.push(reply.roundTrips);
    millis.push(reply.millis);
  }
  return { roundTrips, millis };
}

/** Waits until the server has finished every accepted request; logs long waits. */
async function drain(server: BenchServer, name: string): Promise<void> {
  const waited = await server.drain();
  if (waited > 1_000) log(`${name}: waited ${(waited / 1000).toFixed(1)} s for requests still in flight after the run`);
}

/** Warm-up, then one measured load per concurrency, draining the server after each. */
async function loadScenario(
  server: BenchServer,
  requests: LoadRequests,
  options: BenchOptions,
  name: string,
  metricsToken: string,
): Promise<LoadResult[]> {
  const threadsStarted = async () =>
    metricValue((await scrapeMetrics(url, metricsToken)) ?? [], 'credgraph_compute_threads_started_total');
  const url = server.url;
  if (options.warmupSeconds > 0) {
    await runLoad(url, requests, Math.min(4, Math.max(...options.concurrencies)), options.warmupSeconds);
    await drain(server, name);
  }
  const runs: LoadResult[] = [];
  for (const concurrency of options.concurrencies) {
    server.takeServerStats();
    const threadsBefore = await threadsStarted();
    const profiled = options.profile.includes(name) && concurrency === Math.max(...options.concurrencies);
    const measure = () => runLoad(url, requests, concurrency, options.durationSeconds);
    const profileFile = path.join(options.outDir, `${name}-c${concurrency}.cpuprofile`);
    const run = profiled ? await withCpuProfile(profileFile, measure) : await measure();
    if (profiled) log(`${name}: CPU profile of the c${concurrency} run in ${profileFile}`);
    await drain(server, name);
    run.server = server.takeServerStats();
    const threadsAfter = await threadsStarted();
    // A worker stopped (request timeout, runaway plan) is replaced: its modules, HiGHS and warm-up
    // cost a fraction of a core-second each.
    const replaced =
      threadsBefore !== null && threadsAfter !== null && threadsAfter > threadsBefore
        ? `, ${threadsAfter - threadsBefore} compute threads started`
        : '';
    log(
      `${name} c${concurrency}: ${run.requests} requests, ${run.throughput.toFixed(1)} req/s, median ${run.medianMs.toFixed(1)} ms, p95 ${run.p95Ms.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms; ` +
        `server ${run.server.meanServerMs.toFixed(1)} ms of which Cypher ${run.server.meanDbMs.toFixed(1)} ms, ${run.server.meanRoundTrips.toFixed(1)} round trips${replaced}` +
        (run.refused > 0
          ? `; ${run.refused} refused as busy (${(run.refused / run.seconds).toFixed(1)}/s, median ${run.refusedMedianMs.toFixed(1)} ms)`
          : '') +
        (run.non2xx - run.refused + run.graphqlErrors + run.errors > 0
          ? `, ${run.non2xx - run.refused} other non-2xx, ${run.graphqlErrors} with errors, ${run.errors} connection errors`
          : ''),
    );
    runs.push(run);
  }
  return runs;
}

/** The planning scenarios whose answers are checked against the plan deadline. */
const PLAN_SCENARIOS: readonly string[] = ['recommendCourses', 'nextCourses', 'reskillingPaths'];

/** The scenarios whose answers the engine and the reference must agree on. */
const COMPARED_SCENARIOS: readonly ScenarioName[] = [
  'coverage',
  'rankOccupations',
  'rankCandidates',
  'recommendCourses',
  'nextCourses',
  'reskillingPaths',
];

/** Concurrency of the memory soak (issue #12: "a 10-minute soak at concurrency 8"). */
const SOAK_CONCURRENCY = 8;

/**
 * Prefixes of the app settings the benchmark passes from its own environment to the app under
 * test (in-process and the memory phase's child server); every other setting is the benchmark's.
 * The allocator's settings (`MALLOC_*`, jemalloc's `MALLOC_CONF`, `MEMORY_ALLOCATOR`, `JEMALLOC_PATH`)
 * and `REQUEST_THREAD_YOUNG_GENERATION_MB` take effect only in the child server, which starts
 * through `tools/start-with-allocator.sh` as `npm start` does: both are chosen when a process
 * starts. `npm run bench` runs this process through the same script, so the in-process server has
 * the same allocator and young generation.
 */
const FORWARDED_SETTINGS: readonly string[] = [
  'COMPUTE_',
  'PLAN_TIME_LIMIT_MS',
  'HEAP_GROWTH_PERCENT',
  'GC_PARALLEL_SCAVENGE',
  'REQUEST_THREAD_YOUNG_GENERATION_MB',
  'MALLOC_',
  'MEMORY_ALLOCATOR',
  'JEMALLOC_PATH',
];

/** Interleaves pools (a, b, c, a, b, c, …) so a load of them mixes the operations. */
function interleave(pools: readonly LoadRequests[]): LoadRequests {
  const bodies: string[] = [];
  const authorizations: string[] = [];
  const longest = Math.max(...pools.map((p) => p.bodies.length));
  for (let i = 0; i < longest; i += 1)
    for (const pool of pools)
      if (i < pool.bodies.length) {
        bodies.push(pool.bodies[i]!);
        authorizations.push(pool.authorizations[i]!);
      }
  return { bodies, authorizations };
}

/**
 * The app's logger during start-up: info lines about the read model and the compute pool are
 * kept (the engine logs its load time there), everything else dropped; {@link quiet} then
 * raises the level so request logs cost nothing during the measurements.
 */
function startUpLogger(): { logger: pino.Logger; lines: string[]; quiet: () => void } {
  const lines: string[] = [];
  const logger = pino(
    { level: 'info', base: { service: 'credgraph' } },
    {
      write(line: string) {
        if (/read.?model|compute|worker|pool/i.test(line)) lines.push(line.trim());
      },
    },
  );
  return { logger, lines, quiet: () => (logger.level = 'warn') };
}

/** A load time in ms from captured log lines about the read model (null: none found). */
function readModelLoadMillis(lines: readonly string[]): number | null {
  for (const line of lines) {
    if (!/read.?model/i.test(line)) continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const [key, value] of Object.entries(record)) {
      if (typeof value !== 'number') continue;
      if (/(millis|Ms)$/.test(key)) return value;
      if (/seconds$/i.test(key)) return value * 1000;
    }
  }
  return null;
}

/**
 * Polls `/ready` until it answers 200 (an engine may hold readiness until its read model is
 * loaded); returns false after `maxMillis`.
 */
async function waitReady(graphqlUrl: string, maxMillis = 300_000): Promise<boolean> {
  const started = performance.now();
  while (performance.now() - started < maxMillis) {
    const status = await fetch(new URL('/ready', graphqlUrl)).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(BENCH_USAGE + '\n');
    return 0;
  }
  let options: BenchOptions;
  try {
    // The repository root holds cypher/ (found the way the query registry finds it), wherever dist is.
    options = parseBenchOptions(argv, path.dirname(defaultCypherDir()));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`${error.message}\n${BENCH_USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadAverageAtStart = os.loadavg();
  const db = await openBenchDatabase(options, log);
  let credgraph: { close(): Promise<void> } | undefined;
  let neo: Neo4jGraphqlServer | undefined;
  try {
    const population = await ensureBenchPopulation(db.executor, options, log);
    const space = await loadSampleSpace(new PopulationRepository(db.executor), options.seed);

    // The application exactly as `npm start` wires it in production, but silent, without rate
    // limiting, and with a secret of this run to sign the callers' tokens.
    // Metrics on behind a per-run token, as production serves them: the event-loop phase reads them.
    const tokens = new BenchTokens();
    const metricsToken = crypto.randomBytes(24).toString('hex');
    const appEnv = (computeSource: 'memory' | 'database') => ({
      // The compute tier's and the plans' settings from the benchmark's own environment, so a
      // setting can be compared run against run (COMPUTE_EXPRESS_THREADS=0, PLAN_TIME_LIMIT_MS=…).
      ...forwardedSettings(process.env),
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      NEO4J_URI: db.uri,
      RATE_LIMIT_PER_MINUTE: '10000000',
      JWT_SECRET: tokens.secret,
      METRICS_TOKEN: metricsToken,
      COMPUTE_SOURCE: computeSource,
    });
    const config = loadConfig(appEnv('memory'));
    // As `npm start` does: the in-process app's figures are measured with the same heap settings.
    applyGarbageCollectionSettings(config);
    const planDeadlineMs = config.limits.planTimeLimitMs + 100;
    const beforeAppMiB = rssMiB();
    const startUpLog = startUpLogger();
    const appStarted = performance.now();
    const executor = new Neo4jExecutor(db.driver, db.registry);
    const app = await createApp(config, startUpLog.logger, executor, db.driver);
    const createAppMillis = performance.now() - appStarted;
    // As `npm start` does before it listens: the workers' solvers compiled, the express lane's
    // planning code warmed, the request path's queries planned by Neo4j.
    const queryPlans = warmQueryPlans(executor, hotReadQueryWarmUps(), {
      onFailure: (warmUp, error) => log(`planning ${warmUp.name} at start failed: ${String(error)}`),
    });
    await app.compute.warmUp().catch((error: unknown) => log(`compute warm-up failed: ${String(error)}`));
    const planWarmUp = await queryPlans;
    startUpLog.quiet();
    const running = await startBenchServer(app.deps, planDeadlineMs);
    credgraph = {
      close: async () => {
        await running.close();
        await app.stop();
      },
    };
    if (!(await waitReady(running.url))) log('the server did not report ready within 300 s; measuring anyway');
    const readyMillis = performance.now() - appStarted;
    // As `npm start` does once its start-up work is done (here: once the read model is ready).
    const compactionMillis = compactHeap();
    const computeSource = (config as { computeSource?: unknown }).computeSource;
    log(
      `credgraph serving at ${running.url} (createApp ${(createAppMillis / 1000).toFixed(2)} s, ready ${(readyMillis / 1000).toFixed(2)} s, query plans warmed ${planWarmUp.planned} of ${planWarmUp.planned + planWarmUp.failed + planWarmUp.skipped} in ${(planWarmUp.millis / 1000).toFixed(2)} s, heap compacted in ${compactionMillis.toFixed(0)} ms, COMPUTE_SOURCE ${typeof computeSource === 'string' ? computeSource : 'unknown to this config'})`,
    );
    // Let start-up work settle (a read model loading in the background) before the idle reading.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleMiB = rssMiB();
    const startMetrics = await scrapeMetrics(running.url, metricsToken);

    const source: PoolSource = {
      space,
      prefix: population.prefix,
      learners: options.learners,
      postings: options.postings,
      seed: options.seed,
      size: options.poolSize,
    };
    const scenarios: ScenarioResult[] = [];
    let browse: { scenario: Scenario; requests: LoadRequests } | undefined;
    for (const name of options.scenarios) {
      const scenario = buildScenario(name, source);
      const requests = await loadRequests(scenario, tokens);
      const sample = await sampleRequests(running.url, scenario, requests);
      log(
        `${name}: round trips ${sample.roundTrips.join(', ')}; sequential ${sample.millis.map((m) => m.toFixed(0)).join(', ')} ms`,
      );
      if (name === 'browse') browse = { scenario, requests };
      const runs = await loadScenario(running, requests, options, name, metricsToken);
      scenarios.push({
        scenario: name,
        poolSize: requests.bodies.length,
        roundTrips: sample.roundTrips,
        sampleMillis: sample.millis,
        targetMedianMs: scenario.targetMedianMs,
        runs,
      });
    }

    let neo4jGraphql: BenchResults['neo4jGraphql'] = null;
    if (options.neo4jGraphql) {
      neo = await startNeo4jGraphqlServer(db.uri);
      log(`@neo4j/graphql serving at ${neo.url}`);
      const compareUris = sampleOccupationUris(space, new Random(options.seed + 17), options.compareOccupations);
      const comparison = await compareBrowse(running.url, neo.url, compareUris);
      log(
        `browse check: ${comparison.identical}/${comparison.occupations} identical, ${comparison.sameAsSets} same as sets`,
      );
      for (const difference of comparison.differences)
        log(
          `  differs for ${difference.uri}:\n    credgraph      ${difference.credgraph}\n    @neo4j/graphql ${difference.neo4jGraphql}`,
        );
      if (browse === undefined) {
        const scenario = buildScenario('browse', source);
        browse = { scenario, requests: await loadRequests(scenario, tokens) };
      }
      const neoScenario: Scenario = {
        ...browse.scenario,
        name: 'browse@neo4j-graphql',
        query: NEO4J_GRAPHQL_BROWSE_QUERY,
        targetMedianMs: null,
      };
      const neoRequests = await loadRequests(neoScenario, tokens);
      const neoSample = await sampleRequests(neo.url, neoScenario, neoRequests);
      // Alternate the two servers per concurrency so drifting machine load hits both alike.
      const ours: LoadResult[] = [];
      const theirs: LoadResult[] = [];
      if (options.warmupSeconds > 0) await runLoad(neo.url, neoRequests, 4, options.warmupSeconds);
      for (const concurrency of options.concurrencies) {
        theirs.push(await runLoad(neo.url, neoRequests, concurrency, options.durationSeconds));
        running.takeServerStats();
        const run = await runLoad(running.url, browse.requests, concurrency, options.durationSeconds);
        await drain(running, 'browse');
        run.server = running.takeServerStats();
        ours.push(run);
        log(
          `browse c${concurrency}: credgraph ${ours.at(-1)!.throughput.toFixed(1)} req/s (median ${ours.at(-1)!.medianMs.toFixed(1)} ms) vs @neo4j/graphql ${theirs.at(-1)!.throughput.toFixed(1)} req/s (median ${theirs.at(-1)!.medianMs.toFixed(1)} ms)`,
        );
      }
      scenarios.push({
        scenario: 'browse (paired with @neo4j/graphql)',
        poolSize: browse.requests.bodies.length,
        roundTrips: [],
        sampleMillis: [],
        targetMedianMs: null,
        runs: ours,
      });
      scenarios.push({
        scenario: 'browse@neo4j-graphql',
        poolSize: neoRequests.bodies.length,
        roundTrips: [],
        sampleMillis: neoSample.millis,
        targetMedianMs: null,
        runs: theirs,
      });
      const throughputRatio: Record<string, number> = {};
      options.concurrencies.forEach((concurrency, i) => {
        throughputRatio[String(concurrency)] = ours[i]!.throughput / theirs[i]!.throughput;
      });
      neo4jGraphql = { comparison, throughputRatio };
    }

    let planQuality: BenchResults['planQuality'] = null;
    if (options.qualityPairs > 0) {
      const random = new Random(options.seed + 31);
      const uris = sampleOccupationUris(space, random, options.qualityPairs);
      const pairs = uris.map((occupationUri) => ({
        learnerId: populationIds.learner(population.prefix, random.int(0, options.learners - 1)),
        occupationUri,
      }));
      log(`measuring plan quality on ${pairs.length} learner/occupation pairs ...`);
      planQuality = await measurePlanQuality(app.services, pairs);
    }

    const afterScenariosMiB = rssMiB();
    let loopDelay: LoopDelayPhase | null = null;
    if (options.heavySeconds > 0) {
      const heavy = buildHeavyPlanScenario(options.heavyCandidates, source);
      const probe = buildScenario('coverage', source);
      log(
        `event-loop phase: ${options.heavyConcurrency} × reskillingPaths(candidates: ${options.heavyCandidates}) in flight with coverage at ${options.probeRate}/s for ${options.heavySeconds} s ...`,
      );
      loopDelay = await measureLoopDelayPhase(
        running,
        metricsToken,
        await loadRequests(heavy, tokens),
        await loadRequests(probe, tokens),
        {
          seconds: options.heavySeconds,
          heavyConcurrency: options.heavyConcurrency,
          heavyCandidates: options.heavyCandidates,
          probeRate: options.probeRate,
        },
        () => app.compute.stats().planAdmission.inFlight,
      );
    }

    // Memory of a server process on its own: `npm start`'s entry in a child process, idle, after
    // the mixed heavy requests and across the soak. The in-process app stays idle meanwhile.
    let serverProcess: ServerProcessMemory | null = null;
    const childLogLines: string[] = [];
    if (options.memoryRequests > 0 || options.soakMinutes > 0) {
      const mixed = interleave(
        await Promise.all(MIXED_HEAVY_SCENARIOS.map((name) => loadRequests(buildScenario(name, source), tokens))),
      );
      const child = await startChildServer({ ...appEnv('memory'), SEED_ON_EMPTY: 'false' });
      try {
        log(
          `memory: child server (pid ${child.pid}) serving at ${child.url} after ${(child.startMillis / 1000).toFixed(1)} s`,
        );
        await waitReady(child.url);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        const idle = child.rssMiB();
        const breakdown = async () => {
          const samples = await scrapeMetrics(child.url, metricsToken);
          return samples === null ? null : serverMemoryBreakdown(samples);
        };
        const idleBreakdown = await breakdown();
        let afterMixedBreakdown: ServerMemoryBreakdown | null = null;
        let afterSoakBreakdown: ServerMemoryBreakdown | null = null;
        let afterMixedMiB: number | null = null;
        let mixedLoad: LoadResult | null = null;
        if (options.memoryRequests > 0) {
          log(
            `memory: ${options.memoryRequests} mixed heavy requests (${MIXED_HEAVY_SCENARIOS.join(', ')}) at concurrency ${SOAK_CONCURRENCY} ...`,
          );
          mixedLoad = await runMixedRequests(child.url, mixed, options.memoryRequests, SOAK_CONCURRENCY);
          afterMixedMiB = child.rssMiB();
          afterMixedBreakdown = await breakdown();
        }
        let soakSummary: SoakSummary | null = null;
        if (options.soakMinutes > 0) {
          log(`memory soak: ${options.soakMinutes} min at concurrency ${SOAK_CONCURRENCY}, RSS every 10 s ...`);
          soakSummary = await soak(child.url, () => child.rssMiB(), mixed, options.soakMinutes, SOAK_CONCURRENCY);
          afterSoakBreakdown = await breakdown();
        }
        // Whether the memory under load is kept or handed back once the load stops (V8's memory
        // reducer and jemalloc's decay both act after some seconds of quiet).
        let settledMiB: number | null = null;
        let settledBreakdown: ServerMemoryBreakdown | null = null;
        if (options.settleSeconds > 0) {
          log(`memory: ${options.settleSeconds} s without requests ...`);
          await new Promise((resolve) => setTimeout(resolve, options.settleSeconds * 1_000));
          settledMiB = child.rssMiB();
          settledBreakdown = await breakdown();
        }
        serverProcess = {
          pid: child.pid,
          startMillis: child.startMillis,
          idleMiB: idle,
          mixedRequests: options.memoryRequests,
          afterMixedMiB,
          mixedLoad,
          soak: soakSummary,
          settleSeconds: options.settleSeconds,
          settledMiB,
          breakdown: {
            idle: idleBreakdown,
            afterMixed: afterMixedBreakdown,
            afterSoak: afterSoakBreakdown,
            settled: settledBreakdown,
          },
        };
      } finally {
        childLogLines.push(...child.logLines);
        await child.stop();
      }
    }

    let equality: AnswerEquality | null = null;
    if (options.compareAnswers > 0) {
      // The reference computes from Neo4j on the same database; it exists only for this check so
      // it weighs on neither the measurements nor the memory readings.
      const referenceApp = await createApp(
        loadConfig(appEnv('database')),
        createLogger('silent'),
        new Neo4jExecutor(db.driver, db.registry),
        db.driver,
      );
      const reference = await startBenchServer(referenceApp.deps);
      try {
        const compared = [];
        for (const name of COMPARED_SCENARIOS) {
          const scenario = buildScenario(name, source);
          compared.push({ name, pool: scenario.pool, ...(await loadRequests(scenario, tokens)) });
        }
        log(`comparing the answers of ${options.compareAnswers} requests per scenario with the reference ...`);
        equality = await compareAnswers(running.url, reference.url, compared, options.compareAnswers);
      } finally {
        await reference.close();
        await referenceApp.stop();
      }
    }

    const planScenarios: Record<string, PlanDeadlines['byScenario'][string]> = {};
    const addPlans = (name: string, run: LoadResult) => {
      const entry = planScenarios[name] ?? {
        requests: 0,
        refused: 0,
        cutOff: 0,
        overDeadline: 0,
        refusedOverDeadline: 0,
        maxServerMs: 0,
        maxSolveMillis: Number.NaN,
        plans: { optimal: 0, unproven: 0, partial: 0, nonePlanned: 0 },
      };
      planScenarios[name] = {
        plans: {
          optimal: (entry.plans?.optimal ?? 0) + run.plans.optimal,
          unproven: (entry.plans?.unproven ?? 0) + run.plans.unproven,
          partial: (entry.plans?.partial ?? 0) + run.plans.partial,
          nonePlanned: (entry.plans?.nonePlanned ?? 0) + run.plans.nonePlanned,
        },
        requests: entry.requests + (run.server?.requests ?? 0),
        refused: (entry.refused ?? 0) + (run.server?.refused ?? 0),
        cutOff: (entry.cutOff ?? 0) + run.cutOff,
        overDeadline: entry.overDeadline + (run.server?.slowRequests ?? 0),
        refusedOverDeadline: (entry.refusedOverDeadline ?? 0) + (run.server?.slowRefusals ?? 0),
        maxServerMs: Math.max(entry.maxServerMs, run.server?.maxServerMs ?? 0),
        maxSolveMillis: Number.isNaN(entry.maxSolveMillis)
          ? run.maxSolveMillis
          : Math.max(entry.maxSolveMillis, Number.isNaN(run.maxSolveMillis) ? 0 : run.maxSolveMillis),
      };
    };
    for (const s of scenarios)
      if (PLAN_SCENARIOS.includes(s.scenario))
        for (const run of s.runs) addPlans(`${s.scenario} c${run.concurrency}`, run);
    if (loopDelay) addPlans(`reskillingPaths(candidates: ${loopDelay.heavyCandidates})`, loopDelay.heavy);
    const engine: EngineResults = {
      targets: targetRows(scenarios, neo4jGraphql?.throughputRatio ?? null),
      loopDelay,
      equality,
      memory: { serverProcess, beforeAppMiB, idleMiB, afterScenariosMiB, allocator: currentAllocator() },
      startUp: {
        computeSource: typeof computeSource === 'string' ? computeSource : null,
        createAppMillis,
        readyMillis,
        readModelLoadMillis: readModelLoadMillis([...startUpLog.lines, ...childLogLines]),
        logLines: [...startUpLog.lines, ...childLogLines],
        readModelMetrics: startMetrics === null ? [] : readModelSamples(startMetrics),
      },
      planDeadlines: { limitMs: planDeadlineMs, byScenario: planScenarios },
    };

    const results: BenchResults = {
      startedAt,
      label: options.label,
      options,
      machine: { ...machineFacts(), loadAverageAtStart, loadAverageAtEnd: os.loadavg() },
      setup: { neo4jStartMillis: db.startMillis, escoImportMillis: db.escoImportMillis, population },
      scenarios,
      neo4jGraphql,
      planQuality,
      engine,
      totalMillis: performance.now() - started,
    };
    const file = writeResults(results, options.outDir);
    const populationLine = `${population.counts.credentials} credentials, ${population.counts.learners} learners, ${population.counts.postings} postings (seed ${options.seed}, prerequisite share ${options.prerequisiteShare}; population ${population.action}, full load ${(population.fullLoadMillis / 1000).toFixed(1)} s)`;
    const report = writeMarkdownReport(
      engine,
      {
        startedAt,
        population: populationLine,
        machine: `${results.machine.cpus} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, load average ${loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')} → ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}; ${options.durationSeconds} s per run`,
        resultsFile: file,
      },
      options.outDir,
    );
    process.stdout.write(
      `\ncredgraph benchmark — ${population.counts.credentials} credentials, ${population.counts.learners} learners, ${population.counts.postings} postings ` +
        `(population ${population.action}${population.millis > 0 ? ` in ${(population.millis / 1000).toFixed(1)} s` : ''}; full load ${(population.fullLoadMillis / 1000).toFixed(1)} s); ` +
        `${options.durationSeconds} s per run; load average ${loadAverageAtStart.map((l) => l.toFixed(1)).join(' ')} → ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}\n\n`,
    );
    process.stdout.write(
      formatTable(results) +
        '\n\n' +
        formatExtras(results) +
        '\n\n' +
        formatEngine(engine) +
        `\n\nresults: ${file}, ${report} (${(results.totalMillis / 1000).toFixed(0)} s in all)\n`,
    );
    return 0;
  } finally {
    await neo?.close().catch(() => undefined);
    await credgraph?.close().catch(() => undefined);
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);

/** Settings of the app under test taken from the benchmark's environment: see {@link FORWARDED_SETTINGS}. */
function forwardedSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && FORWARDED_SETTINGS.some((prefix) => entry[0].startsWith(prefix)),
    ),
  );
}

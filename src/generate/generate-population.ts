/**
 * Generates a synthetic population (providers, micro-credentials, learners, job postings) over
 * the full ESCO import and writes it in UNWIND batches, one transaction per batch.
 *
 * Every entity is sampled from its own seeded stream (see `random.ts`), so a population is fully
 * determined by its options: same seed, sizes, prefix and reference date → the same rows, the
 * same ids, the same relationships. Timestamps are the reference date too, for the same reason.
 * A completed run leaves a GraphMeta record (`population:<prefix>`) naming its options, which
 * lets the benchmark reuse a population instead of generating it again.
 */
import type { Neo4jExecutor } from '../db/neo4j-executor';
import { silentGenerateProgress, type GenerateProgress } from './generate-progress';
import type { PopulationOptions } from './population-options';
import { PopulationRepository, type PopulationCounts, type PopulationMeta } from './population-repository';
import { sampleCredential } from './sample-credential';
import { indexCredentials, sampleLearner } from './sample-learner';
import { samplePosting } from './sample-posting';
import { sampleProvider } from './sample-provider';
import { buildSampleSpace, type SampleSpace } from './sample-space';

/**
 * Version of the sampling rules, recorded with every population: change it whenever a sampler
 * changes what it draws, so a stored population from older rules is never taken for a current one.
 */
export const GENERATOR_VERSION = 3;

/** Rows per write transaction unless told otherwise (measured: see docs/benchmarks.md). */
export const DEFAULT_GENERATE_BATCH_SIZE = 2_000;

/** Nodes deleted per wipe transaction and kind. */
const WIPE_BATCH = 5_000;

/** Why a generation cannot run. */
export type GenerateErrorCode = 'ESCO_MISSING' | 'POPULATION_EXISTS' | 'COUNT_MISMATCH';

/** A generation that cannot run or did not write what it should have. */
export class GenerateError extends Error {
  override readonly name = 'GenerateError';
  constructor(
    readonly code: GenerateErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** How to run a generation. */
export interface GenerateRunOptions {
  /** Delete an existing population with the same prefix first (else its presence is an error). */
  readonly wipe?: boolean;
  /** Rows per transaction; default {@link DEFAULT_GENERATE_BATCH_SIZE}. */
  readonly batchSize?: number;
  readonly progress?: GenerateProgress;
  /** Aborts between batches; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/** What a generation did and how long each part took. */
export interface GenerateSummary {
  readonly options: PopulationOptions;
  readonly counts: PopulationCounts;
  /** Nodes removed by the wipe, all kinds together. */
  readonly wipedNodes: number;
  readonly millis: {
    readonly wipe: number;
    readonly sampleSpace: number;
    readonly providers: number;
    readonly credentials: number;
    readonly learners: number;
    readonly postings: number;
    readonly total: number;
  };
}

/**
 * Deletes every provider, credential, learner and posting whose id starts with `prefix`, and the
 * generation record; returns the number of nodes deleted.
 */
export async function wipePopulation(executor: Neo4jExecutor, prefix: string, signal?: AbortSignal): Promise<number> {
  const repo = new PopulationRepository(executor);
  await repo.deletePopulationMeta(prefix);
  let deleted = 0;
  for (;;) {
    signal?.throwIfAborted();
    const batch = await repo.deletePopulationBatch(prefix, WIPE_BATCH);
    const n = batch.learners + batch.postings + batch.credentials + batch.providers;
    deleted += n;
    if (n === 0) return deleted;
  }
}

/** Fails unless the graph holds a full ESCO import (the demo seed is too small to sample from). */
export async function assertEscoLoaded(repo: PopulationRepository): Promise<void> {
  const status = await repo.getEscoStatus();
  if (status.version === null || status.source === 'demo-seed' || status.occupations === 0) {
    const what =
      status.version === null
        ? 'no ESCO import is recorded'
        : status.source === 'demo-seed'
          ? 'only the ESCO demo seed is loaded'
          : 'no occupation has requirements';
    throw new GenerateError(
      'ESCO_MISSING',
      `Cannot generate a population: ${what} (${status.occupations} occupations with requirements, ${status.skills} skills). ` +
        'Import the full ESCO release first: npm run esco:import -- ../shared/data/esco',
    );
  }
}

/** Reads the ESCO sample space for a seed. */
export async function loadSampleSpace(repo: PopulationRepository, seed: number): Promise<SampleSpace> {
  const [occupations, links, labels] = await Promise.all([
    repo.getOccupationRequirements(),
    repo.getSkillLinks(),
    repo.getSkillLabels(),
  ]);
  return buildSampleSpace(seed, occupations, links, labels);
}

/** Where and how {@link writeInBatches} writes. */
interface BatchRun {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly batchSize: number;
  readonly progress: GenerateProgress;
  readonly signal: AbortSignal | undefined;
}

/** Samples rows [from, to) and writes them in batches (one transaction each); returns the milliseconds. */
async function writeInBatches<T>(
  batch: BatchRun,
  sample: (index: number) => T,
  write: (rows: T[]) => Promise<void>,
): Promise<number> {
  const { name, from, to, batchSize, progress, signal } = batch;
  const at = performance.now();
  progress.startPhase(name, to - from);
  for (let start = from; start < to; start += batchSize) {
    signal?.throwIfAborted();
    const rows: T[] = [];
    for (let i = start; i < Math.min(to, start + batchSize); i += 1) rows.push(sample(i));
    await write(rows);
    progress.advance(name, Math.min(to, start + batchSize) - from);
  }
  const millis = performance.now() - at;
  progress.finishPhase(name, to - from, millis);
  return millis;
}

/** The expected node totals of a population with these options. */
function expectedNodes(
  options: PopulationOptions,
): Pick<PopulationCounts, 'providers' | 'credentials' | 'learners' | 'postings'> {
  return {
    providers: options.credentials > 0 ? options.providers : 0,
    credentials: options.credentials,
    learners: options.learners,
    postings: options.postings,
  };
}

/**
 * Generates and writes a population.
 *
 * @throws GenerateError `ESCO_MISSING` without a full ESCO import, `POPULATION_EXISTS` when the
 *   prefix already has data and `wipe` is off, `COUNT_MISMATCH` when the graph afterwards does
 *   not hold what was generated (say, a skill URI vanished during the run).
 * @example
 * const summary = await generatePopulation(executor, resolvePopulationOptions({ credentials: 50, learners: 100, postings: 10, seed: 3 }), { wipe: true });
 */
export async function generatePopulation(
  executor: Neo4jExecutor,
  options: PopulationOptions,
  run: GenerateRunOptions = {},
): Promise<GenerateSummary> {
  const started = performance.now();
  const repo = new PopulationRepository(executor);
  const progress = run.progress ?? silentGenerateProgress;
  const batchSize = Math.max(1, Math.floor(run.batchSize ?? DEFAULT_GENERATE_BATCH_SIZE));
  const { prefix, seed } = options;
  const now = `${options.referenceDate}T00:00:00.000Z`;
  const timed = async (work: () => Promise<void>) => {
    const at = performance.now();
    await work();
    return performance.now() - at;
  };

  await assertEscoLoaded(repo);
  let wipedNodes = 0;
  const wipeMillis = await timed(async () => {
    const existing = await repo.countPopulation(prefix);
    const present = existing.providers + existing.credentials + existing.learners + existing.postings;
    if (present === 0) return;
    if (!run.wipe) {
      throw new GenerateError(
        'POPULATION_EXISTS',
        `The graph already holds generated data with the prefix "${prefix}" (${existing.credentials} credentials, ${existing.learners} learners, ` +
          `${existing.postings} postings, ${existing.providers} providers). Pass --wipe to replace it, or choose another --prefix.`,
      );
    }
    wipedNodes = await wipePopulation(executor, prefix, run.signal);
  });
  await repo.deletePopulationMeta(prefix);

  let space: SampleSpace | undefined;
  const spaceMillis = await timed(async () => {
    space = await loadSampleSpace(repo, seed);
  });
  const sampleSpace = space!;

  const phase = <T>(name: string, total: number, sample: (index: number) => T, write: (rows: T[]) => Promise<void>) =>
    writeInBatches({ name, from: 0, to: total, batchSize, progress, signal: run.signal }, sample, write);

  try {
    const providerCount = expectedNodes(options).providers;
    const providers = Array.from({ length: providerCount }, (_, i) => sampleProvider(seed, prefix, i));
    const providersMillis = await phase(
      'providers',
      providerCount,
      (i) => providers[i]!,
      (rows) => repo.createProviders(rows, now),
    );

    const occupationOfCredential = new Int32Array(options.credentials);
    const credentialsMillis = await phase(
      'credentials',
      options.credentials,
      (i) => {
        const credential = sampleCredential(seed, prefix, i, sampleSpace, providers, options.prerequisiteShare);
        occupationOfCredential[i] = credential.occupationIndex;
        return credential;
      },
      (rows) => repo.createCredentials(rows, now),
    );

    const credentialIndex = indexCredentials(prefix, occupationOfCredential);
    const learnersMillis = await phase(
      'learners',
      options.learners,
      (i) => sampleLearner(seed, prefix, i, sampleSpace, credentialIndex, options.referenceDate),
      (rows) => repo.createLearners(rows, now),
    );
    const postingsMillis = await phase(
      'postings',
      options.postings,
      (i) => samplePosting(seed, prefix, i, sampleSpace),
      (rows) => repo.createPostings(rows, now),
    );

    // The recorded load time leaves out the wipe: it is what loading this population costs.
    const counts = await verifyAndRecord(repo, options, Math.round(performance.now() - started - wipeMillis));
    return {
      options,
      counts,
      wipedNodes,
      millis: {
        wipe: wipeMillis,
        sampleSpace: spaceMillis,
        providers: providersMillis,
        credentials: credentialsMillis,
        learners: learnersMillis,
        postings: postingsMillis,
        total: performance.now() - started,
      },
    };
  } finally {
    progress.stop();
  }
}

/** Checks the node totals against the options, then records the completed population. */
async function verifyAndRecord(
  repo: PopulationRepository,
  options: PopulationOptions,
  loadMillis: number,
): Promise<PopulationCounts> {
  const counts = await repo.countPopulation(options.prefix);
  const expected = expectedNodes(options);
  const wrong = (Object.keys(expected) as (keyof typeof expected)[]).filter((key) => counts[key] !== expected[key]);
  if (wrong.length > 0) {
    throw new GenerateError(
      'COUNT_MISMATCH',
      `The graph holds ${wrong.map((key) => `${counts[key]} ${key} instead of ${expected[key]}`).join(', ')} after generating; the population is incomplete.`,
    );
  }
  const meta: PopulationMeta = {
    generatorVersion: GENERATOR_VERSION,
    seed: options.seed,
    credentials: options.credentials,
    learners: options.learners,
    postings: options.postings,
    providers: expected.providers,
    referenceDate: options.referenceDate,
    prerequisiteShare: options.prerequisiteShare,
    generatedAt: new Date().toISOString(),
    loadMillis,
  };
  await repo.recordPopulationMeta(options.prefix, meta);
  return counts;
}

/** What {@link resizeLearners} did. */
export interface ResizeSummary {
  readonly options: PopulationOptions;
  readonly counts: PopulationCounts;
  readonly previousLearners: number;
  readonly millis: number;
}

/**
 * Grows or shrinks the learners of a completed population to `learners`, leaving everything else
 * as it is. Learner i does not depend on the learner count, so the result is exactly the
 * population a fresh generation with the new count would write (same seed, sizes and reference
 * date as recorded). Much faster than regenerating when only the number of learners changes.
 *
 * @throws GenerateError `COUNT_MISMATCH` when the population under
 *   the prefix has no completion record or ends up with other totals.
 */
export async function resizeLearners(
  executor: Neo4jExecutor,
  prefix: string,
  learners: number,
  run: GenerateRunOptions = {},
): Promise<ResizeSummary> {
  const started = performance.now();
  const repo = new PopulationRepository(executor);
  const meta = await repo.getPopulationMeta(prefix);
  if (meta === null || meta.generatorVersion !== GENERATOR_VERSION) {
    throw new GenerateError(
      'COUNT_MISMATCH',
      `No completed population of the current generator version with the prefix "${prefix}" to resize; generate one first.`,
    );
  }
  const previous: PopulationOptions = {
    prefix,
    seed: meta.seed,
    credentials: meta.credentials,
    learners: meta.learners,
    postings: meta.postings,
    providers: meta.providers,
    referenceDate: meta.referenceDate,
    prerequisiteShare: meta.prerequisiteShare,
  };
  const options: PopulationOptions = { ...previous, learners };
  const progress = run.progress ?? silentGenerateProgress;
  const batchSize = Math.max(1, Math.floor(run.batchSize ?? DEFAULT_GENERATE_BATCH_SIZE));
  // Without the record, an interrupted resize is never mistaken for a complete population.
  await repo.deletePopulationMeta(prefix);
  try {
    if (learners < previous.learners) {
      progress.startPhase('learners', previous.learners - learners);
      let deleted = 0;
      for (;;) {
        run.signal?.throwIfAborted();
        const n = await repo.deleteLearnersFrom(prefix, learners + 1, WIPE_BATCH);
        if (n === 0) break;
        deleted += n;
        progress.advance('learners', deleted);
      }
      progress.finishPhase('learners', deleted, performance.now() - started);
    } else if (learners > previous.learners) {
      const space = await loadSampleSpace(repo, options.seed);
      const providers = Array.from({ length: options.providers }, (_, i) => sampleProvider(options.seed, prefix, i));
      const occupations = Int32Array.from(
        { length: options.credentials },
        (_, i) =>
          sampleCredential(options.seed, prefix, i, space, providers, options.prerequisiteShare).occupationIndex,
      );
      const credentialIndex = indexCredentials(prefix, occupations);
      await writeInBatches(
        { name: 'learners', from: previous.learners, to: learners, batchSize, progress, signal: run.signal },
        (i) => sampleLearner(options.seed, prefix, i, space, credentialIndex, options.referenceDate),
        (rows) => repo.createLearners(rows, `${options.referenceDate}T00:00:00.000Z`),
      );
    }
    const counts = await verifyAndRecord(repo, options, meta.loadMillis);
    return { options, counts, previousLearners: previous.learners, millis: performance.now() - started };
  } finally {
    progress.stop();
  }
}

/**
 * Makes the bench store hold the requested population: reuses a completed one with the same
 * options, grows or shrinks its learners when only their number differs (learner i is the same
 * for any count), and generates from scratch otherwise.
 */
import type { Neo4jExecutor } from '../../src/db/neo4j-executor';
import {
  DEFAULT_PREFIX,
  GENERATOR_VERSION,
  PopulationRepository,
  consoleGenerateProgress,
  generatePopulation,
  resizeLearners,
  resolvePopulationOptions,
  type PopulationCounts,
} from '../../src/generate';
import { formatGenerateSummary } from '../../src/generate/format-generate-summary';

/** What had to be done to get the population. */
export interface BenchPopulation {
  readonly action: 'reused' | 'resized' | 'generated';
  readonly prefix: string;
  readonly referenceDate: string;
  readonly counts: PopulationCounts;
  /** Time of this run's generation or resize (0 when reused). */
  readonly millis: number;
  /** Time the full generation took when it was made (recorded with the population). */
  readonly fullLoadMillis: number;
}

/** Ensures the population `wanted` under the default prefix. */
export async function ensureBenchPopulation(
  executor: Neo4jExecutor,
  wanted: { credentials: number; learners: number; postings: number; seed: number; prerequisiteShare: number },
  log: (line: string) => void,
): Promise<BenchPopulation> {
  const prefix = DEFAULT_PREFIX;
  const repo = new PopulationRepository(executor);
  const meta = await repo.getPopulationMeta(prefix);
  const sameCatalog =
    meta !== null &&
    meta.generatorVersion === GENERATOR_VERSION &&
    meta.seed === wanted.seed &&
    meta.prerequisiteShare === wanted.prerequisiteShare &&
    meta.credentials === wanted.credentials &&
    meta.postings === wanted.postings;
  if (sameCatalog && meta.learners === wanted.learners) {
    log(
      `Reusing the population "${prefix}" generated ${meta.generatedAt} (load took ${(meta.loadMillis / 1000).toFixed(1)} s)`,
    );
    return {
      action: 'reused',
      prefix,
      referenceDate: meta.referenceDate,
      counts: await repo.countPopulation(prefix),
      millis: 0,
      fullLoadMillis: meta.loadMillis,
    };
  }
  const progress = consoleGenerateProgress(process.stderr);
  if (sameCatalog) {
    log(`Resizing the learners of population "${prefix}" from ${meta.learners} to ${wanted.learners} ...`);
    const resized = await resizeLearners(executor, prefix, wanted.learners, { progress });
    log(`Resized in ${(resized.millis / 1000).toFixed(1)} s`);
    return {
      action: 'resized',
      prefix,
      referenceDate: resized.options.referenceDate,
      counts: resized.counts,
      millis: resized.millis,
      fullLoadMillis: meta.loadMillis,
    };
  }
  log(
    `Generating population "${prefix}": ${wanted.credentials} credentials, ${wanted.learners} learners, ${wanted.postings} postings, seed ${wanted.seed}, prerequisite share ${wanted.prerequisiteShare} ...`,
  );
  const { credentials, learners, postings, seed, prerequisiteShare } = wanted;
  const summary = await generatePopulation(
    executor,
    resolvePopulationOptions({ credentials, learners, postings, seed, prerequisiteShare, prefix }),
    { wipe: true, progress },
  );
  log(formatGenerateSummary(summary));
  return {
    action: 'generated',
    prefix,
    referenceDate: summary.options.referenceDate,
    counts: summary.counts,
    millis: summary.millis.total,
    fullLoadMillis: summary.millis.total - summary.millis.wipe,
  };
}

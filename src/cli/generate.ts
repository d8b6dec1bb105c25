/**
 * `npm run generate -- [--credentials 20000] [--learners 50000] [--postings 5000] [--providers N]
 * [--seed 1] [--prefix gen-] [--reference-date YYYY-MM-DD] [--prerequisite-share 0.01] [--batch-size 2000]
 * [--wipe] [--wipe-only]`
 * (`node dist/src/cli/generate.js …`): generates a synthetic population over the full ESCO import
 * in the configured database (NEO4J_URI, else the local Neo4j) and prints what it wrote and how
 * long it took. Same options → same population. Exit status: 0 done, 1 failure (e.g. ESCO not
 * imported, prefix already used without --wipe), 2 bad usage, 130 on Ctrl-C (the partial
 * population has no completion record; run again with --wipe).
 */
import { parseArgs } from 'node:util';
import { terminalText } from '../domain/text/terminal-text';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open-database';
import {
  DEFAULT_GENERATE_BATCH_SIZE,
  DEFAULT_PREFIX,
  GenerateError,
  PopulationOptionsError,
  consoleGenerateProgress,
  generatePopulation,
  resolvePopulationOptions,
  wipePopulation,
} from '../generate';
import { formatGenerateSummary } from '../generate/format-generate-summary';

const USAGE =
  'usage: generate [--credentials 20000] [--learners 50000] [--postings 5000] [--providers N] [--seed 1] [--prefix gen-]\n' +
  '                [--reference-date YYYY-MM-DD] [--prerequisite-share 0.01] [--batch-size 2000] [--wipe] [--wipe-only]';

/** A whole-number flag, or undefined when absent. */
function count(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw new PopulationOptionsError(`--${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        credentials: { type: 'string' },
        learners: { type: 'string' },
        postings: { type: 'string' },
        providers: { type: 'string' },
        seed: { type: 'string' },
        prefix: { type: 'string' },
        'reference-date': { type: 'string' },
        'prerequisite-share': { type: 'string' },
        'batch-size': { type: 'string' },
        wipe: { type: 'boolean', default: false },
        'wipe-only': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  let options;
  let batchSize;
  try {
    options = resolvePopulationOptions({
      credentials: count('credentials', values.credentials) ?? 20_000,
      learners: count('learners', values.learners) ?? 50_000,
      postings: count('postings', values.postings) ?? 5_000,
      providers: count('providers', values.providers),
      seed: count('seed', values.seed),
      prefix: values.prefix ?? DEFAULT_PREFIX,
      referenceDate: values['reference-date'],
      prerequisiteShare: values['prerequisite-share'] === undefined ? undefined : Number(values['prerequisite-share']),
    });
    batchSize = count('batch-size', values['batch-size']) ?? DEFAULT_GENERATE_BATCH_SIZE;
    if (batchSize < 1) throw new PopulationOptionsError('--batch-size must be at least 1');
  } catch (error) {
    if (!(error instanceof PopulationOptionsError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }

  const config = loadConfig();
  const db = await openDatabase(config, { info: (message) => process.stderr.write(message + '\n') });
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write(
      '\nstopping after the batch in flight (the partial population stays; run again with --wipe)\n',
    );
    controller.abort(Object.assign(new Error('interrupted'), { name: 'AbortError' }));
  };
  process.once('SIGINT', onSigint);
  try {
    if (values['wipe-only']) {
      const started = performance.now();
      const deleted = await wipePopulation(db.executor, options.prefix, controller.signal);
      process.stdout.write(
        `wiped ${deleted} nodes with the prefix "${terminalText(options.prefix)}" in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
      return 0;
    }
    const summary = await generatePopulation(db.executor, options, {
      wipe: values.wipe,
      batchSize,
      progress: consoleGenerateProgress(),
      signal: controller.signal,
    });
    process.stdout.write(formatGenerateSummary(summary) + '\n');
    return 0;
  } catch (error) {
    if (controller.signal.aborted) return 130;
    if (error instanceof GenerateError) {
      process.stderr.write(`generate: ${terminalText(error.message)}\n`);
      return 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`generate failed: ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 1;
  },
);

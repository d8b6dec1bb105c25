/**
 * `npm run esco:import -- <dir> [--strict] [--version v1.1.1] [--batch-size 5000]`
 * (`node dist/src/cli/esco-import.js …`): imports an ESCO CSV release folder into the configured
 * database (NEO4J_URI, else the local Neo4j) and prints the summary. Exit status: 0 when the
 * import completed (bad rows, if any, are listed), 1 on failure, 2 on bad usage, 130 on Ctrl-C.
 * Ctrl-C stops after the batch in flight; running the command again completes the import.
 * A folder holding only label files of another language (`skills_de.csv`, ...) is imported as a
 * translation of the English graph already there.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { openDatabase } from '../db/open-database';
import { consoleProgress } from '../esco/import/console-progress';
import { resolveEscoFiles } from '../esco/import/esco-files';
import { EscoGraphRepository } from '../esco/import/esco-graph-repository';
import { importEscoCsv } from '../esco/import/import-esco-csv';
import { detectTranslationLanguage, importEscoTranslations } from '../esco/import/import-esco-translations';
import fs from 'node:fs';
import { formatImportSummary } from '../esco/import/import-summary';
import { runCli } from './run-cli';

const USAGE = 'usage: esco-import <dir> [--strict] [--version v1.1.1] [--batch-size 5000]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        strict: { type: 'boolean', default: false },
        version: { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
    process.stderr.write(`--batch-size must be a positive whole number\n${USAGE}\n`);
    return 2;
  }

  const entries = fs.existsSync(positionals[0]!) ? fs.readdirSync(positionals[0]!) : [];
  const translation = entries.some((entry) => /^skills_en\.csv$/i.test(entry))
    ? null
    : detectTranslationLanguage(entries);
  if (translation) {
    const db = await openDatabase(loadConfig(), { info: (message) => process.stderr.write(message + '\n') });
    try {
      const summary = await importEscoTranslations(
        db.executor,
        positionals[0]!,
        batchSize === undefined ? {} : { batchSize },
      );
      for (const file of summary.files)
        process.stdout.write(
          `${file.file}: ${file.rows} rows, ${file.stored} stored, ${file.unknown} unknown concepts\n`,
        );
      for (const issue of summary.issues) process.stdout.write(`  ${issue}\n`);
      return 0;
    } finally {
      await db.close();
    }
  }
  // Check the folder before starting or connecting to a database, so a typo fails at once.
  resolveEscoFiles(positionals[0]!);
  const config = loadConfig();
  const db = await openDatabase(config, { info: (message) => process.stderr.write(message + '\n') });
  const controller = new AbortController();
  const onSigint = () => {
    process.stderr.write('\nstopping after the batch in flight (run the import again to complete it)\n');
    controller.abort(Object.assign(new Error('interrupted'), { name: 'AbortError' }));
  };
  process.once('SIGINT', onSigint);
  try {
    const summary = await importEscoCsv(db.executor, positionals[0]!, {
      strict: values.strict,
      version: values.version ?? config.esco.version,
      ...(batchSize === undefined ? {} : { batchSize }),
      progress: consoleProgress(),
      signal: controller.signal,
    });
    process.stdout.write(formatImportSummary(summary) + '\n');
    const counts = await new EscoGraphRepository(db.executor).countEscoGraph();
    process.stdout.write(
      `graph now holds: ${Object.entries(counts)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ')}\n`,
    );
    return 0;
  } catch (error) {
    if (controller.signal.aborted) return 130;
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
    await db.close();
  }
}

runCli(
  'esco-import',
  main,
  `${USAGE}\n\nImports an ESCO CSV release (v1.1.x or v1.2.x file names) into the configured database. Idempotent;\nbad rows are reported with file and row.`,
);

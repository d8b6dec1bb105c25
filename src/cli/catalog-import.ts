/**
 * `npm run catalog:import -- <csv> [--mapping <json>] [--provider-id <id>] [--provider-name <name>]
 *  [--min-confidence 0.6] [--limit N] [--batch-size 50] [--top-unmapped 20] [--dry-run] [--json]`
 * (`node dist/src/cli/catalog-import.js …`): imports a course catalogue CSV into the configured
 * database (NEO4J_URI, else the local Neo4j): providers and micro-credentials, with ESCO skills
 * mapped from each course's tags (and from its description when the tags say too little) at the
 * given confidence or above. Without --mapping, `tools/catalog-mappings/<csv name>.json` is used
 * when it exists, else columns named like the fields (title, provider, url, skills, ...).
 * Prints a summary: rows imported and skipped (with reasons), and the most frequent tags it could
 * not map; bad rows (unreadable records, oversized cells, invalid fields) are listed with their row
 * and line and skipped. The summary is printed even when the run stops early (exit status 1).
 * --dry-run validates and maps without writing. Exit status: 0 when the import completed, 1 on failure, 2 on bad usage.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config';
import { repoPath } from '../config/repo-root';
import { openDatabase } from '../db/open-database';
import { CatalogRepository } from '../db/repositories/catalog-repository';
import { parseCatalogMapping, type CatalogMapping } from '../catalog-import/catalog-mapping';
import { CatalogImportAbortedError, CatalogImporter } from '../catalog-import/import-catalog';
import { formatCatalogImportSummary } from '../catalog-import/catalog-import-summary';
import { SkillSuggestionService } from '../services/skill-suggestion/skill-suggestion-service';
import { runCli } from './run-cli';
import { createImportProgress } from './import-progress';

const USAGE =
  'usage: catalog-import <csv> [--mapping <json>] [--provider-id <id>] [--provider-name <name>] [--min-confidence 0.6] [--limit N] [--batch-size 50] [--top-unmapped 20] [--dry-run] [--json]';

/** The mapping named on the command line, else the shipped one for this CSV, else automatic columns. */
function loadMapping(csv: string, file: string | undefined): CatalogMapping {
  const candidate =
    file ?? repoPath('tools', 'catalog-mappings', `${path.basename(csv, path.extname(csv)).replace(/_/g, '-')}.json`);
  if (file === undefined && !fs.existsSync(candidate)) return parseCatalogMapping({}, 'columns by name');
  return parseCatalogMapping(JSON.parse(fs.readFileSync(candidate, 'utf8')), path.basename(candidate, '.json'));
}

function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, got "${value}"`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  let options;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        mapping: { type: 'string' },
        'provider-id': { type: 'string' },
        'provider-name': { type: 'string' },
        'min-confidence': { type: 'string', default: '0.6' },
        limit: { type: 'string' },
        'batch-size': { type: 'string' },
        'top-unmapped': { type: 'string' },
        json: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (parsed.values.help) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new Error('expected exactly one CSV file');
    const minConfidence = Number(parsed.values['min-confidence']);
    if (!(minConfidence >= 0 && minConfidence <= 1))
      throw new Error(`--min-confidence must lie in [0, 1], got "${parsed.values['min-confidence']}"`);
    const csv = parsed.positionals[0]!;
    if (!fs.existsSync(csv)) throw new Error(`no such file: ${csv}`);
    const limit = positiveInteger('limit', parsed.values.limit);
    const batchSize = positiveInteger('batch-size', parsed.values['batch-size']);
    const topUnmapped = positiveInteger('top-unmapped', parsed.values['top-unmapped']);
    options = {
      csv,
      mapping: loadMapping(csv, parsed.values.mapping),
      minConfidence,
      dryRun: parsed.values['dry-run'],
      ...(parsed.values['provider-id'] === undefined ? {} : { providerId: parsed.values['provider-id'] }),
      ...(parsed.values['provider-name'] === undefined ? {} : { providerName: parsed.values['provider-name'] }),
      ...(limit === undefined ? {} : { limit }),
      ...(batchSize === undefined ? {} : { batchSize }),
      ...(topUnmapped === undefined ? {} : { topUnmapped }),
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const db = await openDatabase(loadConfig(), { info: (message) => process.stderr.write(message + '\n') });
  try {
    const suggestions = new SkillSuggestionService(db.executor);
    const importer = new CatalogImporter(db.executor, new CatalogRepository(db.executor), async (text, first) =>
      (await suggestions.suggestSkills(text, first)).map((s) => ({
        uri: s.skill.uri,
        score: s.score,
        matchedLabel: s.matchedLabel,
      })),
    );
    // The size is the file's bytes, or the rows of --limit (which may end the run long before).
    const total =
      options.limit !== undefined
        ? { unit: 'rows' as const, size: options.limit }
        : { unit: 'bytes' as const, size: fs.statSync(options.csv).size };
    const progress = createImportProgress(process.stderr, total);
    let summary;
    try {
      summary = await importer.importFile(options.csv, {
        ...options,
        onProgress: (rows, bytes) => progress.update(rows, bytes),
      });
    } catch (error) {
      // What was written before the failure is still reported.
      if (!(error instanceof CatalogImportAbortedError)) throw error;
      summary = error.summary;
    } finally {
      progress.stop();
    }
    if (parsed.values.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else process.stdout.write(formatCatalogImportSummary(summary) + '\n');
    return summary.aborted === null ? 0 : 1;
  } finally {
    await db.close();
  }
}

runCli(
  'catalog-import',
  main,
  `${USAGE}\n\nImports a course catalogue CSV: maps columns (a mapping JSON, else the shipped one for the file, else\ncolumns by name) and free-text skill tags to ESCO skills, and writes the courses. A progress bar with\npercentage and time left shows on a terminal; plain progress lines otherwise.`,
);

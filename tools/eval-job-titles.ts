/**
 * `npm run eval:titles -- [--folds 5] [--esco <dir>] [--titles <csv>] [--baseline] [--limit N] [--json] [--write-titles <file>]`
 * (`node dist/tools/eval-job-titles.js …`): scores `searchOccupations` on real job-ad titles
 * labelled with ESCO occupations (`../shared/data/job_titles/`, the validation split of the
 * JobBERT normalisation set) with accuracy@1 and MRR@10.
 *
 * The occupation index is built in memory from the ESCO CSV release (`../shared/data/esco`), as the
 * server builds it from the graph. Titles are dealt to k folds by their text; for each fold the
 * index learns the titles of the other folds (as the shipped index learns the whole file) and is
 * scored on the held-out fold. Printed: per fold and mean ± spread of
 * - `labels only`: ESCO labels without learned titles (nothing fitted),
 * - `labels + titles`: the shipped method (titles learned on the other folds),
 * - with `--baseline`, today's Lucene full-text search over the graph at NEO4J_URI (the
 *   `searchOccupations` of before this index), on the same folds;
 * plus median / p95 latency per query of the in-memory search. `--write-titles <file>` writes all
 * labelled titles as the occupation index learns them (`seed/job-titles/job-titles.csv` is made so).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run-cli';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/open-database';
import { EscoRepository } from '../src/db/repositories/esco-repository';
import { labelKey, toFullTextQuery } from '../src/domain/search/full-text-query';
import {
  meanAndSpread,
  MRR_DEPTH,
  scoreTitles,
  titleFolds,
  type TitleScores,
} from '../src/domain/search/job-title-evaluation';
import { LabelSearchIndex } from '../src/domain/search/label-search-index';
import { withTitles } from '../src/domain/search/occupation-titles';
import { readEscoOccupations, readLabelledTitles, writeJobTitleFile } from '../src/services/search/search-files';

const USAGE =
  'usage: eval-job-titles [--folds 5] [--esco <dir>] [--titles <csv>] [--baseline] [--limit N] [--json] [--write-titles <file>]';

function repositoryRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i += 1) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

const f3 = (x: number) => x.toFixed(3);

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

interface MethodReport {
  readonly name: string;
  readonly folds: TitleScores[];
  readonly accuracyAt1: { mean: number; sd: number };
  readonly mrrAt10: { mean: number; sd: number };
  readonly pooled: TitleScores;
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        folds: { type: 'string', default: '5' },
        esco: { type: 'string' },
        titles: { type: 'string' },
        baseline: { type: 'boolean', default: false },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        'write-titles': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const k = Number(values.folds);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (!(Number.isInteger(k) && k >= 2 && k <= 20) || (limit !== undefined && !(Number.isInteger(limit) && limit > 0))) {
    process.stderr.write(`--folds must lie in 2..20 and --limit be a positive whole number\n${USAGE}\n`);
    return 2;
  }
  const root = repositoryRoot();
  const escoDir = values.esco ?? path.resolve(root, '../shared/data/esco');
  const titlesFile = values.titles ?? path.resolve(root, '../shared/data/job_titles/jobbert_titles_validation.csv');
  const occupations = readEscoOccupations(escoDir);
  const known = new Set(occupations.map((o) => o.uri));
  const all = readLabelledTitles(titlesFile).filter((t) => known.has(t.occupationUri));
  const items = limit === undefined ? all : all.slice(0, limit);
  if (values['write-titles'] !== undefined) {
    // The shipped file: every labelled title (what the cross-validation below judges).
    writeJobTitleFile(values['write-titles'], all);
    process.stderr.write(
      `wrote the titles of ${new Set(all.map((t) => t.occupationUri)).size} occupations to ${values['write-titles']}\n`,
    );
  }
  const folds = titleFolds(
    items.map((t) => t.title),
    k,
  );
  const gold = items.map((t) => t.occupationUri);
  const byFold = (fold: number) => items.map((_, i) => i).filter((i) => folds[i] === fold);

  const reports: MethodReport[] = [];
  const latencies: number[] = [];
  // CPU time too: on a shared machine wall time includes waiting for a core.
  const cpuTimes: number[] = [];

  // Labels only: no titles learned, one index for all folds.
  const started = performance.now();
  const labelsOnly = LabelSearchIndex.build(occupations);
  const buildMs = performance.now() - started;
  reports.push(
    evaluate('labels only (nothing fitted)', k, byFold, gold, (i) =>
      labelsOnly.search(items[i]!.title, MRR_DEPTH).map((h) => h.uri),
    ),
  );

  // Labels + titles learned on the other folds (the shipped method, cross-validated).
  const perFoldIndex = Array.from({ length: k }, (_, fold) =>
    LabelSearchIndex.build(
      withTitles(
        occupations,
        items.filter((_, i) => folds[i] !== fold),
      ),
    ),
  );
  // Warm the JIT before timing (a server is long-running).
  for (const item of items.slice(0, 200)) perFoldIndex[0]!.search(item.title, MRR_DEPTH);
  reports.push(
    evaluate('labels + learned titles (shipped)', k, byFold, gold, (i) => {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const ranked = perFoldIndex[folds[i]!]!.search(items[i]!.title, MRR_DEPTH).map((h) => h.uri);
      const cpu = process.cpuUsage(c0);
      latencies.push(performance.now() - t0);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      return ranked;
    }),
  );
  latencies.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const shippedIndex = LabelSearchIndex.build(withTitles(occupations, items));

  if (values.baseline) {
    const db = await openDatabase(loadConfig(), { info: (message) => process.stderr.write(message + '\n') });
    try {
      const esco = new EscoRepository(db.executor);
      const rankings = new Map<number, string[]>();
      for (let i = 0; i < items.length; i += 1) {
        const text = items[i]!.title;
        let ranked: string[] = [];
        try {
          ranked = (await esco.searchOccupations(toFullTextQuery(text), labelKey(text), MRR_DEPTH)).map(
            (hit) => hit.item.uri,
          );
        } catch {
          // A title without a searchable word finds nothing, as the API answers it.
        }
        rankings.set(i, ranked);
      }
      reports.unshift(evaluate('before: Lucene full-text search', k, byFold, gold, (i) => rankings.get(i)!));
    } finally {
      await db.close();
    }
  }

  const summary = {
    titles: items.length,
    folds: k,
    occupations: occupations.length,
    methods: reports,
    latencyMs: { median: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), max: latencies.at(-1) },
    cpuMs: { median: quantile(cpuTimes, 0.5), p95: quantile(cpuTimes, 0.95) },
    index: {
      buildMs: Math.round(buildMs),
      labels: labelsOnly.labelCount,
      labelsWithAllTitles: shippedIndex.labelCount,
    },
  };
  if (!values.json) {
    const lines = [
      `searchOccupations on ${items.length} labelled job titles, ${k} folds (dealt by title text), ${occupations.length} ESCO occupations`,
    ];
    for (const report of reports) {
      lines.push(`\n${report.name}`);
      lines.push(`  ${'fold'.padEnd(10)} ${'titles'.padStart(6)}  ${'acc@1'.padStart(6)}  ${'MRR@10'.padStart(6)}`);
      report.folds.forEach((s, fold) => {
        lines.push(
          `  ${`fold ${fold + 1}`.padEnd(10)} ${String(s.titles).padStart(6)}  ${f3(s.accuracyAt1).padStart(6)}  ${f3(s.mrrAt10).padStart(6)}`,
        );
      });
      lines.push(
        `  mean ± sd over folds: accuracy@1 ${f3(report.accuracyAt1.mean)} ± ${f3(report.accuracyAt1.sd)}, MRR@10 ${f3(report.mrrAt10.mean)} ± ${f3(report.mrrAt10.sd)}`,
      );
      lines.push(
        `  all titles (pooled): accuracy@1 ${f3(report.pooled.accuracyAt1)}, MRR@10 ${f3(report.pooled.mrrAt10)}`,
      );
    }
    lines.push(
      `\nlatency of the in-memory search, one title at a time: median ${quantile(latencies, 0.5).toFixed(2)} ms, p95 ${quantile(latencies, 0.95).toFixed(2)} ms, max ${latencies.at(-1)!.toFixed(2)} ms`,
    );
    lines.push(
      `CPU time per title: median ${quantile(cpuTimes, 0.5).toFixed(2)} ms, p95 ${quantile(cpuTimes, 0.95).toFixed(2)} ms; load average at the end ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
    );
    lines.push(
      `index of ESCO labels built in ${Math.round(buildMs)} ms (${labelsOnly.labelCount} labels; ${shippedIndex.labelCount} with all titles learned)`,
    );
    process.stdout.write(lines.join('\n') + '\n');
  }
  process.stdout.write(JSON.stringify(summary) + '\n');
  return 0;
}

function evaluate(
  name: string,
  k: number,
  byFold: (fold: number) => number[],
  gold: readonly string[],
  rank: (i: number) => string[],
): MethodReport {
  const folds: TitleScores[] = [];
  const pooledRankings: string[][] = [];
  const pooledGold: string[] = [];
  for (let fold = 0; fold < k; fold += 1) {
    const ids = byFold(fold);
    const rankings = ids.map(rank);
    folds.push(
      scoreTitles(
        rankings,
        ids.map((i) => gold[i]!),
      ),
    );
    pooledRankings.push(...rankings);
    pooledGold.push(...ids.map((i) => gold[i]!));
  }
  return {
    name,
    folds,
    accuracyAt1: meanAndSpread(folds.map((f) => f.accuracyAt1)),
    mrrAt10: meanAndSpread(folds.map((f) => f.mrrAt10)),
    pooled: scoreTitles(pooledRankings, pooledGold),
  };
}

runCli(
  'eval-job-titles',
  main,
  USAGE + '\n\nScores searchOccupations on labelled job-ad titles (5-fold cross-validated accuracy@1 and MRR@10).',
);

/**
 * `npm run eval:skills -- [--limit N] [--splits tech_validation,house_validation] [--ranker suggest|baseline]
 *  [--folds 5] [--depth 20] [--dir <eval dir>] [--json] [--details] [--print-model] [--skip-nested]`
 * (`node dist/tools/eval-skill-mapping.js …`): scores `suggestSkills` on the annotated job-ad
 * sentences of `../shared/data/esco_skill_extraction_eval/` (validation splits) with the
 * benchmark's metrics, R-Precision@5 and MRR over ESCO URIs.
 *
 * The learned re-ranking is judged by k-fold cross-validation: fitted on k-1 folds, scored on the
 * held-out fold; the tool prints each fold, the mean and spread, the reliability table of the
 * held-out scores and the latency of `suggestSkills` (one sentence at a time). Each split is also
 * scored by a fit on the other splits alone (leave-one-split-out): how the fit carries to text of
 * another kind. The lexical weights
 * are chosen from a grid too, so a nested cross-validation (`--skip-nested` leaves it out; it
 * takes about a minute) scores the whole procedure: weights chosen and re-ranker fitted on the
 * outer training folds only. Figures on all
 * sentences (the lexical ranking alone, a fit on all sentences scored on the same sentences, and
 * the shipped model) are printed beside them for comparison; only the cross-validated ones say how
 * the method does on unseen text. `--print-model` prints the fit on all sentences, the model to
 * ship in `src/domain/skill-mapping/reranker-model.ts`. `--ranker baseline` scores the plain
 * `searchSkills` full-text query instead. Runs against the database every command uses
 * (NEO4J_URI, else the local Neo4j).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config';
import { repoPath } from '../src/config/repo-root';
import { openDatabase } from '../src/db/open-database';
import { EscoRepository } from '../src/db/repositories/esco-repository';
import { labelKey, toFullTextQuery } from '../src/domain/search/full-text-query';
import {
  crossSplitValidate,
  crossValidate,
  evaluateModel,
  fitReranker,
  type FeaturedItem,
} from '../src/domain/skill-mapping/cross-validation';
import { lexicalWeightGrid } from '../src/domain/skill-mapping/lexical-weight-grid';
import { nestedCrossValidate, selectByCrossValidation } from '../src/domain/skill-mapping/nested-cross-validation';
import type { MetricSummary } from '../src/domain/skill-mapping/ranking-metrics';
import { expectedCalibrationError, reliabilityTable } from '../src/domain/skill-mapping/reliability-table';
import { evaluateSkillMapping } from '../src/services/skill-suggestion/evaluate-skill-mapping';
import { loadEvaluationSet, VALIDATION_SPLITS } from '../src/services/skill-suggestion/evaluation-files';
import { SkillSuggestionService } from '../src/services/skill-suggestion/skill-suggestion-service';
import { scoreRanking } from '../src/domain/skill-mapping/ranking-metrics';
import { runCli } from '../src/cli/run-cli';

const USAGE =
  'usage: eval-skill-mapping [--limit N] [--splits a,b] [--ranker suggest|baseline] [--folds 5] [--depth 20] [--dir <eval dir>] [--json] [--details] [--print-model] [--skip-nested]';

const f4 = (x: number) => x.toFixed(4);

function summaryLine(name: string, s: MetricSummary): string {
  return `  ${name.padEnd(34)} ${String(s.items).padStart(5)}  ${f4(s.rPrecisionAt5)}  ${f4(s.mrr)}`;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        limit: { type: 'string' },
        splits: { type: 'string' },
        ranker: { type: 'string', default: 'suggest' },
        folds: { type: 'string', default: '5' },
        depth: { type: 'string', default: '20' },
        dir: { type: 'string' },
        json: { type: 'boolean', default: false },
        details: { type: 'boolean', default: false },
        'print-model': { type: 'boolean', default: false },
        'skip-nested': { type: 'boolean', default: false },
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
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const depth = Number(values.depth);
  const k = Number(values.folds);
  if (
    (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) ||
    !(Number.isInteger(depth) && depth > 0 && depth <= 100) ||
    !(Number.isInteger(k) && k >= 2 && k <= 20)
  ) {
    process.stderr.write(
      `--limit must be a positive whole number, --depth lie in 1..100 and --folds in 2..20\n${USAGE}\n`,
    );
    return 2;
  }
  if (values.ranker !== 'suggest' && values.ranker !== 'baseline') {
    process.stderr.write(`--ranker must be suggest or baseline\n${USAGE}\n`);
    return 2;
  }
  const dir = values.dir ?? repoPath('..', 'shared', 'data', 'esco_skill_extraction_eval');
  const splits = values.splits
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? [...VALIDATION_SPLITS];
  const set = loadEvaluationSet(dir, splits);
  const items = limit === undefined ? set.items : set.items.slice(0, limit);
  if (set.unknownLabels.length > 0)
    process.stderr.write(`warning: gold labels without a URI (ignored): ${set.unknownLabels.join(', ')}\n`);

  const db = await openDatabase(loadConfig(), { info: (message) => process.stderr.write(message + '\n') });
  try {
    if (values.ranker === 'baseline') {
      const esco = new EscoRepository(db.executor);
      const report = await evaluateSkillMapping(
        items,
        async (text, first) =>
          (await esco.searchSkills(toFullTextQuery(text), labelKey(text), first)).map((hit) => hit.item.uri),
        { depth },
      );
      process.stdout.write(
        `ranker baseline (searchSkills full-text), ${report.overall.items} sentences\n${summaryLine('all sentences', report.overall)}\n`,
      );
      process.stdout.write(
        JSON.stringify({ ranker: 'baseline', splits, depth, overall: report.overall, bySplit: report.bySplit }) + '\n',
      );
      return 0;
    }

    const service = new SkillSuggestionService(db.executor);
    const warmStarted = performance.now();
    await service.warmUp();
    const warmUpMs = performance.now() - warmStarted;
    // Latency: one sentence at a time, through the public method, after an untimed pass over 20
    // sentences (a server is long-running; the first calls measure the JIT compiler, not the method).
    for (const item of items.slice(0, 20)) await service.suggestSkills(item.sentence, depth);
    const latencies: number[] = [];
    const shipped: { split: string; rPrecisionAt5: number; reciprocalRank: number }[] = [];
    const featured: FeaturedItem[] = [];
    let goldFound = 0;
    let goldTotal = 0;
    for (const item of items) {
      const started = performance.now();
      const suggestions = await service.suggestSkills(item.sentence, depth);
      latencies.push(performance.now() - started);
      const gold = new Set(item.goldUris);
      const scores = scoreRanking(
        suggestions.map((s) => s.skill.uri),
        gold,
      );
      shipped.push({ split: item.split, ...scores });
      const candidates = await service.featuredCandidates(item.sentence);
      goldTotal += gold.size;
      goldFound += candidates.filter((c) => gold.has(c.lexical.uri)).length;
      featured.push({ split: item.split, goldUris: item.goldUris, candidates });
      if (values.details && scores.rPrecisionAt5 < 1) {
        process.stdout.write(
          `  RP@5 ${scores.rPrecisionAt5.toFixed(2)} RR ${scores.reciprocalRank.toFixed(2)} | ${item.sentence.slice(0, 120)} | gold: ${item.goldLabels.join('; ')}\n`,
        );
      }
    }
    latencies.sort((a, b) => a - b);

    const cv = crossValidate(featured, k, { depth });
    // Each split scored by a fit on the other alone: text of another kind than the fit's.
    const crossSplit =
      new Set(featured.map((item) => item.split)).size > 1 ? crossSplitValidate(featured, { depth }) : undefined;
    // The lexical weights are chosen from a grid as well: nested cross-validation scores the whole
    // procedure (choose weights, fit the re-ranker) on sentences that took part in neither.
    const grid = lexicalWeightGrid();
    let nested: ReturnType<typeof nestedCrossValidate> | undefined;
    let selectedOnAll: number | undefined;
    if (!values['skip-nested']) {
      const byPoint: FeaturedItem[][] = [];
      for (const point of grid) {
        const rows: FeaturedItem[] = [];
        for (const item of items)
          rows.push({
            split: item.split,
            goldUris: item.goldUris,
            candidates: await service.featuredCandidates(item.sentence, point.weights),
          });
        byPoint.push(rows);
      }
      nested = nestedCrossValidate(byPoint, k, depth);
      selectedOnAll = selectByCrossValidation(
        byPoint,
        items.map((_, i) => i),
        k,
      );
    }
    const lexical = evaluateModel(featured, null, depth);
    const fullModel = fitReranker(featured);
    const inSample = evaluateModel(featured, fullModel, depth);
    const shippedSummary = evaluateShipped(shipped);
    const table = reliabilityTable(cv.outOfFold, 10);
    const ece = expectedCalibrationError(table);

    const summary = {
      ranker: 'suggest',
      splits,
      depth,
      folds: k,
      sentences: items.length,
      sentencesWithoutSkills: set.sentencesWithoutSkills,
      candidateRecall: goldFound / goldTotal,
      crossValidated: {
        folds: cv.folds,
        meanRPrecisionAt5: cv.meanRPrecisionAt5,
        sdRPrecisionAt5: cv.sdRPrecisionAt5,
        meanMrr: cv.meanMrr,
        sdMrr: cv.sdMrr,
        pooled: cv.pooled,
        bySplit: cv.bySplit,
      },
      leaveOneSplitOut: crossSplit,
      lexicalOnly: lexical,
      fittedOnAllScoredOnAll: inSample,
      shippedModel: shippedSummary,
      latencyMs: {
        median: quantile(latencies, 0.5),
        p95: quantile(latencies, 0.95),
        max: latencies.at(-1),
        warmUp: warmUpMs,
      },
      calibration: { table, expectedCalibrationError: ece },
      nestedCrossValidated: nested && {
        folds: nested.folds.map((f) => ({ ...f, chosen: grid[f.chosen]!.name })),
        meanRPrecisionAt5: nested.meanRPrecisionAt5,
        sdRPrecisionAt5: nested.sdRPrecisionAt5,
        meanMrr: nested.meanMrr,
        sdMrr: nested.sdMrr,
        pooled: nested.pooled,
        bySplit: nested.bySplit,
        selectedOnAllSentences: grid[selectedOnAll!]!.name,
      },
    };
    if (!values.json) {
      const lines = [
        `suggestSkills on ${items.length} annotated sentences (${splits.join(', ')}), ${depth} suggestions each`,
      ];
      lines.push(`  gold skills among the candidates (recall of the look-up): ${f4(goldFound / goldTotal)}`);
      lines.push(`\n${k}-fold cross-validation (re-ranker fitted on ${k - 1} folds, scored on the held-out fold)`);
      lines.push(`  ${'fold'.padEnd(34)} ${'items'.padStart(5)}  ${'RP@5'.padStart(6)}  ${'MRR'.padStart(6)}`);
      for (const fold of cv.folds) lines.push(summaryLine(`fold ${fold.fold + 1}`, fold));
      lines.push(
        `  mean ± sd over folds                     RP@5 ${f4(cv.meanRPrecisionAt5)} ± ${f4(cv.sdRPrecisionAt5)}   MRR ${f4(cv.meanMrr)} ± ${f4(cv.sdMrr)}`,
      );
      lines.push(summaryLine('pooled held-out sentences', cv.pooled));
      for (const [split, s] of Object.entries(cv.bySplit)) lines.push(summaryLine(`  ${split} (held out)`, s));
      if (crossSplit) {
        lines.push('\nleave-one-split-out (re-ranker fitted on the other splits only: text of another kind)');
        for (const result of crossSplit)
          lines.push(`${summaryLine(`  ${result.split}`, result)}   fitted on: ${result.fittedOn.join(', ')}`);
      }
      if (nested) {
        lines.push(
          `\nnested ${k}-fold cross-validation (lexical weights chosen from ${grid.length} grid points by an inner ${k - 1}-fold cross-validation, re-ranker fitted, on the other folds only)`,
        );
        for (const fold of nested.folds)
          lines.push(`${summaryLine(`fold ${fold.fold + 1}`, fold)}   weights: ${grid[fold.chosen]!.name}`);
        lines.push(
          `  mean ± sd over folds                     RP@5 ${f4(nested.meanRPrecisionAt5)} ± ${f4(nested.sdRPrecisionAt5)}   MRR ${f4(nested.meanMrr)} ± ${f4(nested.sdMrr)}`,
        );
        lines.push(summaryLine('pooled held-out sentences', nested.pooled));
        for (const [split, s] of Object.entries(nested.bySplit)) lines.push(summaryLine(`  ${split} (held out)`, s));
        lines.push(
          `  weights the same selection picks on all sentences (the ones to ship): ${grid[selectedOnAll!]!.name}`,
        );
      }
      lines.push('\nfigures on all sentences (for comparison; not a measure of unseen text)');
      lines.push(summaryLine('lexical ranking alone (no fit)', lexical));
      for (const [split, s] of Object.entries(lexical.bySplit)) lines.push(summaryLine(`  ${split}`, s));
      lines.push(summaryLine('re-ranker fitted and scored on all', inSample));
      lines.push(summaryLine('shipped model (suggestSkills)', shippedSummary));
      lines.push(
        `\nlatency of suggestSkills, one sentence at a time: median ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms (index built in ${(warmUpMs / 1000).toFixed(1)} s at start)`,
      );
      lines.push(
        `\nreliability of held-out scores (top 5 suggestions of every held-out sentence; expected calibration error ${f4(ece)})`,
      );
      lines.push(
        `  ${'score'.padEnd(10)} ${'count'.padStart(6)}  ${'mean score'.padStart(10)}  ${'gold share'.padStart(10)}`,
      );
      for (const bin of table)
        lines.push(
          `  ${`${bin.from.toFixed(1)}-${bin.to.toFixed(1)}`.padEnd(10)} ${String(bin.count).padStart(6)}  ${(Number.isNaN(bin.meanScore) ? '-' : bin.meanScore.toFixed(3)).padStart(10)}  ${(Number.isNaN(bin.goldShare) ? '-' : bin.goldShare.toFixed(3)).padStart(10)}`,
        );
      process.stdout.write(lines.join('\n') + '\n');
    }
    if (values['print-model']) process.stdout.write(`model fitted on all sentences: ${JSON.stringify(fullModel)}\n`);
    process.stdout.write(JSON.stringify(summary) + '\n');
    return 0;
  } finally {
    await db.close();
  }
}

function evaluateShipped(
  scores: readonly { split: string; rPrecisionAt5: number; reciprocalRank: number }[],
): MetricSummary {
  const n = scores.length;
  return {
    items: n,
    rPrecisionAt5: scores.reduce((a, s) => a + s.rPrecisionAt5, 0) / n,
    mrr: scores.reduce((a, s) => a + s.reciprocalRank, 0) / n,
  };
}

runCli(
  'eval-skill-mapping',
  main,
  USAGE +
    '\n\nScores suggestSkills on the annotated skill-extraction benchmark (cross-validated R-Precision@5 and MRR).',
);

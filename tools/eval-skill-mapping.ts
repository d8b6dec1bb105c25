/**
 * `npm run eval:skills -- [--limit N] [--splits tech_validation,house_validation] [--ranker suggest|baseline]
 *  [--depth 20] [--dir <eval dir>] [--json] [--details]`
 * (`node dist/tools/eval-skill-mapping.js …`): scores `suggestSkills` on the annotated job-ad
 * sentences of `../shared/data/esco_skill_extraction_eval/` (validation splits) with the
 * benchmark's metrics, R-Precision@5 and MRR over ESCO URIs, and prints the figures and a JSON
 * summary. `--ranker baseline` scores the plain `searchSkills` full-text query instead, for
 * comparison. Runs against the database every command uses (NEO4J_URI, else the local Neo4j).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/config';
import { openDatabase } from '../src/db/open-database';
import { EscoRepository } from '../src/db/repositories/esco-repository';
import { labelKey, toFullTextQuery } from '../src/domain/search/full-text-query';
import { evaluateSkillMapping, type EvaluationReport, type RankSkills } from '../src/services/skill-suggestion/evaluate-skill-mapping';
import { loadEvaluationSet, VALIDATION_SPLITS } from '../src/services/skill-suggestion/evaluation-files';
import { SkillSuggestionService } from '../src/services/skill-suggestion/skill-suggestion-service';
import { runCli } from '../src/cli/run-cli';

const USAGE =
  'usage: eval-skill-mapping [--limit N] [--splits a,b] [--ranker suggest|baseline] [--depth 20] [--dir <eval dir>] [--json] [--details]';

function repositoryRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i += 1) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

function formatReport(report: EvaluationReport, ranker: string): string {
  const pct = (x: number) => x.toFixed(4);
  const lines = [`ranker ${ranker}, ${report.overall.items} sentences, ${report.depth} suggestions each, ${(report.durationMs / 1000).toFixed(1)} s`];
  lines.push(`  ${'split'.padEnd(18)} ${'items'.padStart(5)}  ${'RP@5'.padStart(6)}  ${'MRR'.padStart(6)}`);
  for (const [split, s] of [...Object.entries(report.bySplit), ['overall', report.overall] as const]) {
    lines.push(`  ${split.padEnd(18)} ${String(s.items).padStart(5)}  ${pct(s.rPrecisionAt5)}  ${pct(s.mrr)}`);
  }
  return lines.join('\n');
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
        depth: { type: 'string', default: '20' },
        dir: { type: 'string' },
        json: { type: 'boolean', default: false },
        details: { type: 'boolean', default: false },
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
  if ((limit !== undefined && !(Number.isInteger(limit) && limit > 0)) || !(Number.isInteger(depth) && depth > 0 && depth <= 100)) {
    process.stderr.write(`--limit must be a positive whole number and --depth lie in 1..100\n${USAGE}\n`);
    return 2;
  }
  if (values.ranker !== 'suggest' && values.ranker !== 'baseline') {
    process.stderr.write(`--ranker must be suggest or baseline\n${USAGE}\n`);
    return 2;
  }
  const dir = values.dir ?? path.resolve(repositoryRoot(), '../shared/data/esco_skill_extraction_eval');
  const splits = values.splits?.split(',').map((s) => s.trim()).filter(Boolean) ?? [...VALIDATION_SPLITS];
  const set = loadEvaluationSet(dir, splits);
  const items = limit === undefined ? set.items : set.items.slice(0, limit);
  if (set.unknownLabels.length > 0) process.stderr.write(`warning: gold labels without a URI (ignored): ${set.unknownLabels.join(', ')}\n`);

  const db = await openDatabase(loadConfig(), { info: (message) => process.stderr.write(message + '\n') });
  try {
    let rank: RankSkills;
    if (values.ranker === 'baseline') {
      const esco = new EscoRepository(db.executor);
      rank = async (text, first) => (await esco.searchSkills(toFullTextQuery(text), labelKey(text), first)).map((hit) => hit.item.uri);
    } else {
      const service = new SkillSuggestionService(db.executor);
      rank = async (text, first) => (await service.suggestSkills(text, first)).map((s) => s.skill.uri);
    }
    const report = await evaluateSkillMapping(items, rank, { depth });
    const summary = { ranker: values.ranker, splits, depth, sentencesWithoutSkills: set.sentencesWithoutSkills, overall: report.overall, bySplit: report.bySplit };
    if (!values.json) {
      process.stdout.write(formatReport(report, values.ranker) + '\n');
      if (values.details) {
        for (const item of report.items) {
          if (item.rPrecisionAt5 < 1) process.stdout.write(`  RP@5 ${item.rPrecisionAt5.toFixed(2)} RR ${item.reciprocalRank.toFixed(2)} | ${item.sentence.slice(0, 120)} | gold: ${item.goldLabels.join('; ')}\n`);
        }
      }
    }
    process.stdout.write(JSON.stringify(summary) + '\n');
    return 0;
  } finally {
    await db.close();
  }
}

runCli('eval-skill-mapping', main);

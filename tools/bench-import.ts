/**
 * `npm run bench:import -- [dir] [--batch-size 5000] [--rounds 2] [--heap 2g] [--pagecache 1g] [--keep] [-v] [--reference-first]`
 * (`node dist/tools/bench-import.js`): times the ESCO CSV importer against a plain Neo4j bulk load
 * of the same files (`LOAD CSV … CALL { … } IN TRANSACTIONS`, queries `tools/cypher/esco-import/bench-*`)
 * on a fresh local Neo4j in a temporary folder, and prints both times and their ratio (target:
 * importer ≤ 1.5 × reference). `-v` prints the time of every file in both loads.
 *
 * Sequence: importer on the empty store (cold JVM, printed, not compared; `--reference-first`
 * runs the reference there instead, to see its cold cost), then per round: wipe → reference →
 * wipe → importer. The ratio compares the medians of the rounds, which run under the
 * same conditions (warm JVM, store after a wipe). Graph counts of every load are compared with
 * the first import, so a load that silently writes less cannot look fast.
 *
 * LOAD CSV reads `file:///<absolute path>` here: the embedded launcher leaves
 * `dbms.security.allow_csv_import_from_file_urls` at its default (true) and sets no import
 * directory root, so absolute file URLs resolve as they are; nothing extra is configured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { applyMigrations } from '../src/db/apply-migrations';
import { createDriver } from '../src/db/create-driver';
import { CypherRegistry, defaultCypherDir, toolsCypherDir } from '../src/db/cypher-registry';
import { Neo4jExecutor } from '../src/db/neo4j-executor';
import { startLocalNeo4j, type LocalNeo4jInstance } from '../src/db/local-neo4j';
import { resolveEscoFiles, type EscoFileKey, type ResolvedEscoFiles } from '../src/esco/import/esco-files';
import { EscoGraphRepository, type EscoGraphCounts } from '../src/esco/import/esco-graph-repository';
import { DEFAULT_BATCH_SIZE, importEscoCsv } from '../src/esco/import/import-esco-csv';
import { silentProgress } from '../src/esco/import/import-progress';
import { LineProgress } from '../src/esco/import/line-progress';
import neo4jDriver, { type Driver } from 'neo4j-driver';
import { runCli } from '../src/cli/run-cli';

/** Runs a `CALL { } IN TRANSACTIONS` query, which needs an auto-commit transaction. */
async function runAutoCommit(
  driver: Driver,
  registry: CypherRegistry,
  name: string,
  params: Record<string, unknown>,
): Promise<void> {
  // The executor only offers managed transactions, in which IN TRANSACTIONS is refused; this
  // benchmark-only path runs the registered query text in an implicit transaction instead.
  const session = driver.session();
  try {
    await session.run(registry.get(name).text, params);
  } finally {
    await session.close();
  }
}

/** The reference bulk load: LOAD CSV per file, in the importer's order. */
async function referenceLoad(
  driver: Driver,
  registry: CypherRegistry,
  files: ResolvedEscoFiles,
  batchSize: number,
  verbose: boolean,
): Promise<void> {
  const url = (key: EscoFileKey) => {
    const file = files.files.get(key);
    return file ? pathToFileURL(file.path).href : undefined;
  };
  const load = async (name: string, key: EscoFileKey, extra: Record<string, unknown> = {}) => {
    const fileUrl = url(key);
    if (fileUrl === undefined) return;
    const started = performance.now();
    await runAutoCommit(driver, registry, `esco-import/${name}`, {
      url: fileUrl,
      batchSize: neo4jDriver.int(batchSize),
      ...extra,
    });
    if (verbose)
      process.stdout.write(
        `  ${name} ${files.files.get(key)!.name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
      );
  };
  await load('bench-load-isco-groups', 'iscoGroups');
  await load('bench-load-skill-groups', 'skillGroups');
  await load('bench-load-hierarchy-groups', 'skillsHierarchy');
  await load('bench-load-skills', 'skills');
  for (const [key, collection] of [
    ['transversalSkills', 'transversal'],
    ['digitalSkills', 'digital'],
    ['greenSkills', 'green'],
    ['languageSkills', 'language'],
    ['digCompSkills', 'digcomp'],
    ['researchSkills', 'research'],
  ] as const) {
    await load('bench-load-skill-collection', key, { collection });
  }
  await load('bench-load-occupations', 'occupations');
  await load('bench-load-research-occupations', 'researchOccupations');
  await load('bench-load-skill-pillar', 'skillPillarRelations');
  await load('bench-load-occupation-pillar', 'occupationPillarRelations');
  await load('bench-load-skill-relations', 'skillSkillRelations');
  await load('bench-load-occupation-skills', 'occupationSkillRelations');
}

async function timed(label: string, work: () => Promise<void>): Promise<number> {
  process.stdout.write(`${label} …\n`);
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${label}: ${seconds.toFixed(1)} s\n`);
  return seconds;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function sameCounts(a: EscoGraphCounts, b: EscoGraphCounts): string[] {
  return (Object.keys(a) as Array<keyof EscoGraphCounts>)
    .filter((key) => a[key] !== b[key])
    .map((key) => `${key} ${a[key]} vs ${b[key]}`);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
      heap: { type: 'string', default: '2g' },
      pagecache: { type: 'string', default: '1g' },
      rounds: { type: 'string', default: '2' },
      keep: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
      'reference-first': { type: 'boolean', default: false },
    },
  });
  const rounds = Math.max(1, Number(values.rounds));
  const dir = path.resolve(
    positionals[0] ?? path.join(path.dirname(defaultCypherDir()), '..', 'shared', 'data', 'esco'),
  );
  const batchSize = Number(values['batch-size']);
  const files = resolveEscoFiles(dir);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-bench-import-'));
  process.stdout.write(
    `ESCO folder ${dir}; Neo4j store ${home}; heap ${values.heap}, page cache ${values.pagecache}; batch ${batchSize}\n`,
  );

  let neo4j: LocalNeo4jInstance | undefined;
  let driver: Driver | undefined;
  try {
    neo4j = await startLocalNeo4j({ dataDir: home, heap: values.heap, pageCache: values.pagecache });
    const registry = CypherRegistry.load();
    // The reference loads and the wipe are benchmark-only queries, kept out of the app's cypher/.
    const benchQueries = CypherRegistry.load(toolsCypherDir());
    driver = createDriver({ uri: neo4j.uri, user: 'neo4j', password: '' });
    const executor = new Neo4jExecutor(driver, registry, { transactionTimeoutMs: 600_000 });
    const repo = new EscoGraphRepository(executor);
    await applyMigrations(executor, registry);
    const db = driver;
    const wipe = () =>
      runAutoCommit(db, benchQueries, 'esco-import/delete-concepts-by-uri-prefix', {
        prefix: '',
        batchSize: neo4jDriver.int(10_000),
      });
    const importer = async () => {
      const summary = await importEscoCsv(executor, dir, {
        batchSize,
        progress: values.verbose ? new LineProgress(process.stdout, 60_000) : silentProgress,
      });
      process.stdout.write(`  ${summary.batches} batches, ${summary.issueCount} issues\n`);
    };
    const reference = async () => {
      await referenceLoad(db, benchQueries, files, batchSize, values.verbose);
      // Same bookkeeping as the importer's last steps, so both end with the same graph.
      await repo.updateOccupationCounts();
      await repo.mergeGraphMeta({ version: 'bench', importedAt: new Date().toISOString(), source: 'bench-reference' });
    };

    // The first run warms the JVM and the store; each round then times both loads after a wipe,
    // alternating, so load from other processes on a shared machine hits both alike.
    const coldLabel = values['reference-first'] ? 'reference' : 'importer';
    const cold = await timed(`${coldLabel} (cold, warm-up)`, values['reference-first'] ? reference : importer);
    const ours = await repo.countEscoGraph();
    const oursTimes: number[] = [];
    const refTimes: number[] = [];
    const differences: string[] = [];
    for (let round = 1; round <= rounds; round += 1) {
      await wipe();
      refTimes.push(await timed(`round ${round}: reference LOAD CSV`, reference));
      differences.push(...sameCounts(ours, await repo.countEscoGraph()).map((d) => `reference: ${d}`));
      await wipe();
      oursTimes.push(await timed(`round ${round}: importer`, importer));
      differences.push(...sameCounts(ours, await repo.countEscoGraph()).map((d) => `importer: ${d}`));
    }

    process.stdout.write(
      `\ngraph: ${Object.entries(ours)
        .map(([key, n]) => `${key} ${n}`)
        .join(', ')}\n`,
    );
    if (differences.length > 0) process.stdout.write(`WARNING: loads differ: ${differences.join('; ')}\n`);
    const warm = median(oursTimes);
    const ref = median(refTimes);
    const ratio = warm / ref;
    process.stdout.write(
      `\nimporter ${warm.toFixed(1)} s (runs ${oursTimes.map((t) => t.toFixed(1)).join(', ')}), ` +
        `reference ${ref.toFixed(1)} s (runs ${refTimes.map((t) => t.toFixed(1)).join(', ')}), ${coldLabel} on the cold store ${cold.toFixed(1)} s: ` +
        `ratio ${ratio.toFixed(2)}; ` +
        `target ≤ 1.50 ${ratio <= 1.5 ? 'met' : 'NOT met'}\n`,
    );
  } finally {
    await driver?.close();
    await neo4j?.stop();
    if (!values.keep) fs.rmSync(home, { recursive: true, force: true });
  }
}

runCli(
  'bench-import',
  main,
  'usage: bench-import [dir] [--batch-size 5000] [--rounds 2] [--heap 2g] [--pagecache 1g] [--keep] [-v] [--reference-first]\n\nTimes the ESCO CSV importer against a plain Neo4j bulk load of the same files on a fresh local Neo4j.',
);

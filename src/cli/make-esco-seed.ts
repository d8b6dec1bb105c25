/**
 * `npm run esco:seed -- [sourceDir] [--out seed/esco]` (`node dist/src/cli/make-esco-seed.js`):
 * cuts the demo seed out of the full ESCO CSV release (default `<repo>/../shared/data/esco`).
 * See `src/esco/import/seed-selection.ts` for what is chosen. The output has the release's file
 * names and columns, rows in release order, so the regular importer loads it and a regeneration
 * from the same release is byte-identical.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoPath } from '../config/repo-root';
import { openCsvFile, readCsvRows } from '../esco/import/csv-rows';
import { csvLine } from '../esco/import/csv-text';
import { ESCO_FILES, resolveEscoFiles, type EscoFileKey, type ResolvedEscoFile } from '../esco/import/esco-files';
import type { LinkKind } from '../esco/import/esco-records';
import { mapBroaderRow, type CsvValues } from '../esco/import/row-mapping';
import { SEED_SECTORS, selectSeed, type SeedLink, type SeedSelection } from '../esco/import/seed-selection';
import { runCli } from './run-cli';

interface CsvTable {
  readonly file: ResolvedEscoFile;
  readonly header: string[];
  readonly rows: CsvValues[];
}

async function readTable(file: ResolvedEscoFile): Promise<CsvTable> {
  let header: string[] = [];
  const rows: CsvValues[] = [];
  const input = readCsvRows(openCsvFile(file.path), {
    file: file.name,
    columns: file.spec.columns,
    allowShortRows: file.spec.shortRows ?? false,
    onHeader: (columns) => {
      header = columns;
    },
    onMalformed: (row, line, message) => {
      // A seed cut from a damaged release would silently miss rows: refuse instead.
      throw new Error(`${file.name} row ${row} (line ${line}): ${message}`);
    },
  });
  for await (const row of input) rows.push(row.values);
  return { file, header, rows };
}

function uri(values: CsvValues, column: string): string {
  return (values[column] ?? '').trim();
}

/** The broader links of a pillar file, by kind. */
function broaderLinks(table: CsvTable): Map<LinkKind, SeedLink[]> {
  const links = new Map<LinkKind, SeedLink[]>();
  for (const values of table.rows) {
    const mapped = mapBroaderRow(values);
    if (!mapped.ok) continue;
    const list = links.get(mapped.record.kind) ?? [];
    list.push({ from: mapped.record.from, to: mapped.record.to });
    links.set(mapped.record.kind, list);
  }
  return links;
}

/** For each broader link kind, the sets both ends must be in. */
type EndpointSets = Readonly<Record<LinkKind, readonly [ReadonlySet<string>, ReadonlySet<string>] | undefined>>;

function endpointSets(seed: SeedSelection): EndpointSets {
  const occupations = new Set(seed.occupations.keys());
  return {
    'skill-broader': [seed.skills, seed.skills],
    'skill-in-group': [seed.skills, seed.skillGroups],
    'group-broader': [seed.skillGroups, seed.skillGroups],
    'occupation-broader': [occupations, occupations],
    'occupation-isco-group': [occupations, seed.iscoGroups],
    'isco-broader': [seed.iscoGroups, seed.iscoGroups],
    'skill-related': undefined,
    'occupation-skill': undefined,
  };
}

/** Whether a row of `key` belongs to the seed. */
function keepRow(key: EscoFileKey, values: CsvValues, seed: SeedSelection, ends: EndpointSets): boolean {
  switch (key) {
    case 'iscoGroups':
      return seed.iscoGroups.has(uri(values, 'conceptUri'));
    case 'skillGroups':
      return seed.skillGroups.has(uri(values, 'conceptUri'));
    case 'skillsHierarchy':
      return [0, 1, 2, 3].every((level) => {
        const value = uri(values, `Level ${level} URI`);
        return value === '' || seed.skillGroups.has(value);
      });
    case 'skills':
    case 'transversalSkills':
    case 'digitalSkills':
    case 'greenSkills':
    case 'languageSkills':
    case 'digCompSkills':
    case 'researchSkills':
      return seed.skills.has(uri(values, 'conceptUri'));
    case 'occupations':
    case 'researchOccupations':
      return seed.occupations.has(uri(values, 'conceptUri'));
    case 'skillPillarRelations':
    case 'occupationPillarRelations': {
      const mapped = mapBroaderRow(values);
      if (!mapped.ok) return false;
      const { kind, from, to } = mapped.record;
      const pair = ends[kind];
      return pair !== undefined && pair[0].has(from) && pair[1].has(to);
    }
    case 'skillSkillRelations':
      return seed.skills.has(uri(values, 'originalSkillUri')) && seed.skills.has(uri(values, 'relatedSkillUri'));
    case 'occupationSkillRelations':
      return seed.occupations.has(uri(values, 'occupationUri')) && seed.skills.has(uri(values, 'skillUri'));
  }
}

function attribution(version: string, seed: SeedSelection, counts: Map<string, number>): string {
  const bySector = new Map<string, number>();
  for (const sector of seed.occupations.values()) bySector.set(sector, (bySector.get(sector) ?? 0) + 1);
  return `# Attribution

This service uses the ESCO classification of the European Commission.

- ESCO version: **${version}**, English, CSV download (files dated 2022-09-13).
- Source: the official ESCO download service (https://esco.ec.europa.eu/en/use-esco/download).
- The European Commission does not endorse this product or its use of ESCO.

## What this folder holds

A **subset** of ESCO ${version}, not the full classification, cut for demonstrations:
${seed.occupations.size} occupations (${[...bySector].map(([sector, n]) => `${sector} ${n}`).join(', ')}),
all ${seed.skills.size} skills they require as essential or optional, with their broader skills up to the
top of the hierarchy, ${seed.skillGroups.size} skill groups and ${seed.iscoGroups.size} ISCO groups above them, and
only the relations among these concepts. Files keep the release's names, columns and row order:

${[...counts].map(([file, n]) => `- \`${file}\`: ${n} rows`).join('\n')}

Labels, descriptions and relations are unmodified ESCO data; nothing was added or edited.
`;
}

function readme(): string {
  return `# Seed data

\`esco/\` is the demo seed: a small, closed subset of the ESCO v1.1.1 classification (about 100
occupations in ICT, health care, green energy, hospitality, logistics and manufacturing, with all
their skills). The server loads it into an empty graph at start (\`SEED_ON_EMPTY\`, default on) via
\`loadDemoSeed()\` in \`src/esco/import/demo-seed.ts\`, which runs the regular CSV importer on it.
See \`esco/ATTRIBUTION.md\` for the licence notice and exact contents.

## How it was generated

    npm run build && node dist/src/cli/make-esco-seed.js    # defaults: ../shared/data/esco → seed/esco

(\`npm run esco:seed\`.) The generator reads the full English CSV release (\`shared/data/esco\`, see its
SOURCE.md), picks each sector's occupations by ISCO-08 unit group (green energy by label, since ISCO
has no such group), round-robin over the groups and alphabetically within them, always including
"software developer" (\`f2b15a0e-e65a-438a-affb-29b9d50b77d1\`). It then adds every essential and optional
skill of those occupations, those skills' broader skills transitively, the skill groups and ISCO groups
above them (transitively), and keeps relation rows only when both ends are in the subset. The choice
is deterministic (\`SEED_SECTORS\` in \`src/esco/import/seed-selection.ts\`): regenerating from the same
release gives identical files. \`conceptSchemes_en.csv\` is not copied (the importer does not read it).
`;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, version: { type: 'string', default: 'v1.1.1' } },
  });
  const source = path.resolve(positionals[0] ?? repoPath('..', 'shared', 'data', 'esco'));
  const out = path.resolve(values.out ?? repoPath('seed', 'esco'));
  const files = resolveEscoFiles(source);

  const tables = new Map<EscoFileKey, CsvTable>();
  for (const spec of ESCO_FILES) {
    const file = files.files.get(spec.key);
    if (file) tables.set(spec.key, await readTable(file));
  }
  const table = (key: EscoFileKey): CsvTable => {
    const found = tables.get(key);
    if (!found) throw new Error(`missing ${key}`);
    return found;
  };

  const skillPillar = broaderLinks(table('skillPillarRelations'));
  const occupationPillar = broaderLinks(table('occupationPillarRelations'));
  const seed = selectSeed(
    {
      occupations: table('occupations').rows.map((row) => ({
        uri: uri(row, 'conceptUri'),
        preferredLabel: (row['preferredLabel'] ?? '').trim(),
        iscoGroup: (row['iscoGroup'] ?? '').trim(),
      })),
      iscoGroupByCode: new Map(
        table('iscoGroups').rows.map((row) => [(row['code'] ?? '').trim(), uri(row, 'conceptUri')]),
      ),
      occupationSkills: table('occupationSkillRelations').rows.map((row) => ({
        from: uri(row, 'occupationUri'),
        to: uri(row, 'skillUri'),
      })),
      skillBroader: skillPillar.get('skill-broader') ?? [],
      skillInGroup: skillPillar.get('skill-in-group') ?? [],
      groupBroader: skillPillar.get('group-broader') ?? [],
      iscoBroader: occupationPillar.get('isco-broader') ?? [],
    },
    SEED_SECTORS,
  );

  fs.mkdirSync(out, { recursive: true });
  for (const entry of fs.readdirSync(out)) if (entry.endsWith('.csv')) fs.rmSync(path.join(out, entry));
  const counts = new Map<string, number>();
  const ends = endpointSets(seed);
  for (const [key, { file, header, rows }] of tables) {
    const kept = rows.filter((row) => keepRow(key, row, seed, ends));
    const text = csvLine(header) + kept.map((row) => csvLine(header.map((column) => row[column] ?? ''))).join('');
    fs.writeFileSync(path.join(out, file.name), text);
    counts.set(file.name, kept.length);
  }
  fs.writeFileSync(path.join(out, 'ATTRIBUTION.md'), attribution(values.version, seed, counts));
  fs.writeFileSync(path.join(path.dirname(out), 'README.md'), readme());
  process.stdout.write(
    `wrote ${path.relative(process.cwd(), out) || '.'}: ${seed.occupations.size} occupations, ${seed.skills.size} skills, ` +
      `${seed.skillGroups.size} skill groups, ${seed.iscoGroups.size} ISCO groups\n` +
      [...counts].map(([file, n]) => `  ${file}: ${n} rows`).join('\n') +
      '\n',
  );
}

runCli(
  'make-esco-seed',
  main,
  'usage: make-esco-seed [sourceDir] [--out seed/esco] [--version v1.1.1]\n\nCuts the curated ESCO demo seed out of the full ESCO CSV release (default: ../shared/data/esco).',
);

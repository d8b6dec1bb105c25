/**
 * Issue #18.8 (and #18.9, import side): the ESCO import against broken releases. Small fixture
 * releases with the real header lines, under a private URI namespace that is deleted afterwards;
 * the real ESCO concepts in the database are never touched.
 */
import { CypherRegistry, toolsCypherDir } from '../../src/db/cypher-registry';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscoImportError } from '../../src/esco/import/esco-import-error';
import { EscoGraphRepository } from '../../src/esco/import/esco-graph-repository';
import { importEscoCsv } from '../../src/esco/import/import-esco-csv';
import { silentProgress } from '../../src/esco/import/import-progress';
import { formatImportSummary } from '../../src/esco/import/import-summary';
import { sharedDataDir } from '../support/shared-data';
import { openTestDatabase, uniquePrefix, type TestDatabase } from '../support/test-database';

const header = (name: string) => fs.readFileSync(sharedDataDir('esco', name), 'utf8').split('\n', 1)[0]!.trim();

let db: TestDatabase;
let repo: EscoGraphRepository;
const ns = `http://test.credgraph/esco/${uniquePrefix('esco-integrity')}/`;
const dirs: string[] = [];

/** A fixture release whose skills file holds `skillRows` (other files: one group, one occupation). */
function release(skillRows: string[], encoding: BufferEncoding = 'utf8'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esco-integrity-'));
  dirs.push(dir);
  const write = (name: string, lines: string[], enc: BufferEncoding = 'utf8') =>
    fs.writeFileSync(path.join(dir, name), Buffer.from(lines.join('\r\n') + '\r\n', enc));
  write('ISCOGroups_en.csv', [header('ISCOGroups_en.csv'), `ISCOGroup,${ns}isco/C9999,9999,test group,released,,,`]);
  write('skillGroups_en.csv', [
    header('skillGroups_en.csv'),
    `SkillGroup,${ns}group/1,test skill group,,,released,,,,"a group",T1`,
  ]);
  write('skills_en.csv', [header('skills_en.csv'), ...skillRows], encoding);
  write('occupations_en.csv', [
    header('occupations_en.csv'),
    `Occupation,${ns}occupation/1,9999,test occupation,,,released,,,,,,"an occupation",9999.1`,
  ]);
  write('broaderRelationsSkillPillar.csv', [header('broaderRelationsSkillPillar.csv')]);
  write('broaderRelationsOccPillar.csv', [header('broaderRelationsOccPillar.csv')]);
  write('skillSkillRelations.csv', [header('skillSkillRelations.csv')]);
  write('occupationSkillRelations.csv', [
    header('occupationSkillRelations.csv'),
    `${ns}occupation/1,essential,knowledge,${ns}skill/1`,
  ]);
  return dir;
}

const skill = (i: number, label = `test skill ${i}`, description = 'a test skill') =>
  `KnowledgeSkillCompetence,${ns}skill/${i},knowledge,cross-sector,${label},,,released,,,,,${description}`;

async function deleteConcepts(): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run(CypherRegistry.load(toolsCypherDir()).get('esco-import/delete-concepts-by-uri-prefix').text, {
      prefix: ns,
      batchSize: neo4j.int(10_000),
    });
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  db = await openTestDatabase();
  repo = new EscoGraphRepository(db.executor);
});
afterAll(async () => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  if (db) {
    await deleteConcepts();
    await db.close();
  }
});

describe('ESCO import of broken releases (#18.8)', () => {
  it('skips and names a row with a 10,000-character label instead of aborting with a raw database error', async () => {
    await deleteConcepts();
    const dir = release([skill(1), skill(2, 'x'.repeat(10_000)), skill(3), skill(4, 'fine', 'd'.repeat(50_000))]);
    const summary = await importEscoCsv(db.executor, dir, {
      progress: silentProgress,
      recordGraphMeta: false,
      batchSize: 2,
    });
    expect(summary.issues.filter((i) => i.file === 'skills_en.csv')).toEqual([
      {
        file: 'skills_en.csv',
        row: 2,
        line: 3,
        skipped: true,
        message: 'preferredLabel has 10000 characters, more than the 500 allowed',
      },
      {
        file: 'skills_en.csv',
        row: 4,
        line: 5,
        skipped: true,
        message: 'description has 50000 characters, more than the 20000 allowed',
      },
    ]);
    expect(summary.files.find((f) => f.key === 'skills')).toMatchObject({ rows: 4, imported: 2, skipped: 2 });
    expect(await repo.countEscoGraph(ns)).toMatchObject({ skills: 2, occupations: 1, requires: 1 });
  });

  it('counts the rows an unclosed quote on row 3 swallowed as skipped rows (10 rows, 8 skipped)', async () => {
    await deleteConcepts();
    const rows = Array.from({ length: 10 }, (_, i) => (i === 2 ? skill(3, 'test skill 3', '"unclosed') : skill(i + 1)));
    const summary = await importEscoCsv(db.executor, release(rows), {
      progress: silentProgress,
      recordGraphMeta: false,
    });
    expect(summary.files.find((f) => f.key === 'skills')).toMatchObject({ rows: 10, imported: 2, skipped: 8 });
    const text = formatImportSummary(summary, 50);
    expect(text).toMatch(
      /skills_en\.csv row 3 \(line 4\): skipped: malformed CSV record: .*swallowed the next 7 row\(s\)/,
    );
    expect(text).toMatch(
      /skills_en\.csv row 10 \(line 11\): skipped: malformed CSV record: row swallowed by the unbalanced quote of row 3/,
    );
    expect(await repo.countEscoGraph(ns)).toMatchObject({ skills: 2 });
  });

  it('refuses a Latin-1 file, naming it, before writing anything', async () => {
    await deleteConcepts();
    const dir = release([skill(1), skill(2, 'compétence numérique')], 'latin1');
    const attempt = importEscoCsv(db.executor, dir, { progress: silentProgress, recordGraphMeta: false });
    await expect(attempt).rejects.toThrow(EscoImportError);
    await expect(importEscoCsv(db.executor, dir, { progress: silentProgress, recordGraphMeta: false })).rejects.toThrow(
      /^skills_en\.csv is not valid UTF-8 \(first invalid byte at offset \d+, line 3\)/,
    );
    // The ISCO groups and skill groups files come first and are valid: they were not written either.
    expect(await repo.countEscoGraph(ns)).toMatchObject({ skills: 0, iscoGroups: 0, skillGroups: 0, occupations: 0 });
  });
});

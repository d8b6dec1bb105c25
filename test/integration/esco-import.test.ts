/**
 * The ESCO CSV importer against the real Neo4j of the test run and the complete v1.1.1 release.
 * Other test files rely on the full ESCO graph: this file leaves it complete (the last tests
 * re-import it, and `afterAll` repairs it if a test failed half-way), and the bad-input tests
 * write only in a private URI namespace, which they delete.
 */
import { CypherRegistry, toolsCypherDir } from '../../src/db/cypher-registry';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscoImportError } from '../../src/esco/import/esco-import-error';
import {
  ESCO_URI_PREFIX,
  EscoGraphRepository,
  type EscoGraphCounts,
} from '../../src/esco/import/esco-graph-repository';
import { importEscoCsv } from '../../src/esco/import/import-esco-csv';
import { silentProgress, type ImportProgress } from '../../src/esco/import/import-progress';
import type { ImportSummary } from '../../src/esco/import/import-summary';
import type { EscoSkill } from '../../src/esco/api/esco-types';
import type { OccupationWithSkills } from '../../src/esco/api/fetch-occupation-with-skills';
import { syncOccupation } from '../../src/esco/sync/sync-occupation';
import { sharedDataDir } from '../support/shared-data';
import { openTestDatabase, uniquePrefix, type TestDatabase } from '../support/test-database';

const ESCO_DIR = sharedDataDir('esco');
const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const DANGLING_OCCUPATION = 'http://data.europa.eu/esco/occupation/a9e54177-a185-404d-b6e6-15663d31137e';
const FULL_IMPORT_MS = 600_000;

/** The graph the full release must give (from the brief and the release's SOURCE.md). */
const EXPECTED: Partial<EscoGraphCounts> = {
  skills: 13_896,
  occupations: 3_007,
  requires: 123_788,
  skillBroader: 6_565,
  inGroup: 13_448,
  iscoGroups: 619,
  relatedSkill: 5_899,
};

let db: TestDatabase;
let repo: EscoGraphRepository;

/** Deletes concepts under `prefix`; batched, hence an auto-commit transaction outside the executor. */
async function deleteConcepts(prefix: string): Promise<void> {
  const session = db.driver.session();
  try {
    await session.run(CypherRegistry.load(toolsCypherDir()).get('esco-import/delete-concepts-by-uri-prefix').text, {
      prefix,
      batchSize: neo4j.int(10_000),
    });
  } finally {
    await session.close();
  }
}

/** A digest of every ESCO concept, its properties and links: equal digests mean identical graphs. */
async function fingerprint(prefix: string): Promise<string> {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  const rows = await repo.listConceptSnapshot(prefix);
  const lines = rows.map((row) => {
    const links = (row['links'] as unknown[]).map((link) => JSON.stringify(canonical(link))).sort();
    return JSON.stringify([row['uri'], [...(row['labels'] as string[])].sort(), canonical(row['properties']), links]);
  });
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex');
}

beforeAll(async () => {
  db = await openTestDatabase();
  repo = new EscoGraphRepository(db.executor);
});

afterAll(async () => {
  if (!db) return;
  try {
    // Safety net for the files that run after this one: never leave a partial ESCO graph behind.
    const counts = await repo.countEscoGraph(ESCO_URI_PREFIX);
    if (counts.requires !== EXPECTED.requires || counts.skills !== EXPECTED.skills)
      await importEscoCsv(db.executor, ESCO_DIR);
  } finally {
    await db.close();
  }
}, FULL_IMPORT_MS);

describe('importEscoCsv: bad input', () => {
  let dir: string;
  let ns: string;

  beforeAll(() => {
    ns = `http://test.credgraph/esco/${uniquePrefix('esco-import')}/`;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esco-bad-input-'));
    const write = (name: string, lines: string[]) =>
      fs.writeFileSync(path.join(dir, name), lines.join('\r\n') + '\r\n');
    write('ISCOGroups_en.csv', [
      'conceptType,conceptUri,code,preferredLabel,status,altLabels,inScheme,description',
      `ISCOGroup,${ns}isco/C9999,9999,test group,released,,,`,
    ]);
    write('skillGroups_en.csv', [
      'conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code',
      `SkillGroup,${ns}group/1,test skill group,,,released,,,,"a group",T1`,
    ]);
    write('skills_en.csv', [
      'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description',
      `KnowledgeSkillCompetence,${ns}skill/1,knowledge,cross-sector,test skill one,"alpha\nALPHA  one",,released,,,,,first`,
      `KnowledgeSkillCompetence,${ns}skill/2,knowledge,cross-sector,this row has too few fields`,
      `KnowledgeSkillCompetence,${ns}skill/3,skill/competence,sector-specific,test skill three,,,released,,,,,third`,
    ]);
    write('occupations_en.csv', [
      'conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code',
      `Occupation,${ns}occupation/1,9999,test occupation,,,released,,,,,,"an occupation",9999.1`,
    ]);
    write('broaderRelationsSkillPillar.csv', [
      'conceptType,conceptUri,broaderType,broaderUri',
      `KnowledgeSkillCompetence,${ns}skill/3,KnowledgeSkillCompetence,${ns}skill/1`,
      `KnowledgeSkillCompetence,${ns}skill/1,SkillGroup,${ns}group/1`,
      `KnowledgeSkillCompetence,${ns}skill/3,KnowledgeSkillCompetence,${ns}skill/404`,
    ]);
    write('broaderRelationsOccPillar.csv', [
      'conceptType,conceptUri,broaderType,broaderUri',
      `Occupation,${ns}occupation/1,ISCOGroup,${ns}isco/C9999`,
    ]);
    write('skillSkillRelations_en.csv', [
      'originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri',
    ]);
    write('occupationSkillRelations.csv', [
      'occupationUri,relationType,skillType,skillUri',
      `${ns}occupation/1,essential,knowledge,${ns}skill/1`,
      `${ns}occupation/1,optional,skill/competence,${ns}skill/3`,
      `${ns}occupation/1,essential,knowledge,${ns}skill/404`,
      `${ns}occupation/1,sometimes,knowledge,${ns}skill/3`,
    ]);
  });

  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (db) await deleteConcepts(ns);
  });

  it('reports a malformed row and unknown references with file and row, and imports the rest', async () => {
    const summary = await importEscoCsv(db.executor, dir, { progress: silentProgress, recordGraphMeta: false });

    const issue = (file: string, row: number) =>
      summary.issues.find((candidate) => candidate.file === file && candidate.row === row);
    // Row 1 spans lines 2–3 (a quoted cell with a line break), so row 2 starts on line 4.
    expect(issue('skills_en.csv', 2)).toMatchObject({
      line: 4,
      skipped: true,
      message: expect.stringContaining('Invalid Record Length'),
    });
    expect(issue('occupationSkillRelations.csv', 3)).toMatchObject({
      skipped: true,
      message: `unknown skill ${ns}skill/404`,
    });
    expect(issue('occupationSkillRelations.csv', 4)).toMatchObject({
      skipped: true,
      message: 'unknown relationType "sometimes"',
    });
    expect(issue('broaderRelationsSkillPillar.csv', 3)).toMatchObject({
      skipped: true,
      message: `unknown broader skill ${ns}skill/404`,
    });
    expect(summary.issueCount).toBe(4);

    const file = (key: string) => summary.files.find((candidate) => candidate.key === key);
    expect(file('skills')).toMatchObject({ rows: 3, imported: 2, skipped: 1 });
    expect(file('occupationSkillRelations')).toMatchObject({ rows: 4, imported: 2, skipped: 2 });
    expect(file('skillSkillRelations')).toMatchObject({ file: 'skillSkillRelations_en.csv', rows: 0 });

    expect(await repo.countEscoGraph(ns)).toMatchObject({
      skills: 2,
      skillGroups: 1,
      occupations: 1,
      iscoGroups: 1,
      requires: 2,
      skillBroader: 1,
      inGroup: 1,
      inIscoGroup: 1,
    });
    expect(await repo.getOccupationRequirementCounts(`${ns}occupation/1`)).toEqual({
      essentialCount: 1,
      optionalCount: 1,
      essential: 1,
      optional: 1,
    });
    const [skill] = (await repo.listConceptSnapshot(`${ns}skill/1`)).map(
      (row) => row['properties'] as Record<string, unknown>,
    );
    expect(skill).toMatchObject({
      altLabels: ['alpha', 'ALPHA  one'],
      labelKeys: ['test skill one', 'alpha', 'alpha one'],
      skillType: 'knowledge',
    });
  });

  it('stops at the first bad row in strict mode, naming file and row', async () => {
    const attempt = importEscoCsv(db.executor, dir, { strict: true, progress: silentProgress, recordGraphMeta: false });
    await expect(attempt).rejects.toThrow(EscoImportError);
    await expect(importEscoCsv(db.executor, dir, { strict: true, recordGraphMeta: false })).rejects.toThrow(
      /^skills_en\.csv row 2 \(line 4\): malformed CSV record/,
    );
  });

  it('lists the expected names, both variants, of a missing required file', async () => {
    const partial = fs.mkdtempSync(path.join(os.tmpdir(), 'esco-missing-'));
    try {
      for (const name of fs.readdirSync(dir))
        if (name !== 'occupationSkillRelations.csv') fs.copyFileSync(path.join(dir, name), path.join(partial, name));
      const attempt = importEscoCsv(db.executor, partial);
      await expect(attempt).rejects.toThrow(EscoImportError);
      await expect(importEscoCsv(db.executor, partial)).rejects.toThrow(
        'occupationSkillRelations.csv or occupationSkillRelations_en.csv',
      );
    } finally {
      fs.rmSync(partial, { recursive: true, force: true });
    }
  });

  it('names the file and column when a header lacks one', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'esco-header-'));
    try {
      for (const name of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, name), path.join(broken, name));
      fs.writeFileSync(path.join(broken, 'ISCOGroups_en.csv'), 'conceptType,conceptUri,preferredLabel,description\r\n');
      await expect(importEscoCsv(db.executor, broken, { recordGraphMeta: false })).rejects.toThrow(
        'ISCOGroups_en.csv: missing column "code"',
      );
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('syncOccupation (API records through the import write path)', () => {
  let ns: string;
  const labels = { preferred: {}, alternative: {}, description: {} };

  function skill(uri: string, extra: Partial<EscoSkill> = {}): EscoSkill {
    return {
      kind: 'skill',
      uri,
      className: 'Skill',
      language: 'en',
      preferredLabel: `label of ${uri.split('/').pop()}`,
      alternativeLabels: ['Some  Alias'],
      description: 'from the API',
      status: 'released',
      labels,
      skillType: 'skill/competence',
      reuseLevel: 'cross-sector',
      broaderSkills: [],
      broaderHierarchyConcepts: [],
      narrowerSkills: [],
      essentialSkills: [],
      optionalSkills: [],
      essentialForOccupations: [],
      optionalForOccupations: [],
      ...extra,
    };
  }

  function fetched(skillUris: { essential: string[]; optional: string[] }): OccupationWithSkills {
    const occupationUri = `${ns}occupation/synced`;
    const all = [...skillUris.essential, ...skillUris.optional];
    return {
      selectedVersion: 'v1.1.1',
      language: 'en',
      occupation: {
        kind: 'occupation',
        uri: occupationUri,
        className: 'Occupation',
        language: 'en',
        preferredLabel: 'synced occupation',
        alternativeLabels: [],
        description: null,
        status: 'released',
        labels,
        code: '9998.1',
        iscoGroup: { uri: `${ns}isco/C9998`, title: 'test ISCO group', code: '9998' },
        essentialSkills: skillUris.essential.map((uri) => ({
          uri,
          title: uri,
          skillType: 'skill/competence' as const,
        })),
        optionalSkills: skillUris.optional.map((uri) => ({ uri, title: uri, skillType: 'skill/competence' as const })),
        broader: [{ uri: `${ns}isco/C9998`, title: 'test ISCO group', code: '9998' }],
        narrower: [],
      },
      skills: all.map((uri) => skill(uri)),
      occupationSkills: [
        ...skillUris.essential.map((skillUri) => ({
          occupationUri,
          skillUri,
          relationType: 'essential' as const,
          skillType: null,
        })),
        ...skillUris.optional.map((skillUri) => ({
          occupationUri,
          skillUri,
          relationType: 'optional' as const,
          skillType: null,
        })),
      ],
      skillBroader: all.flatMap((skillUri) => [
        { skillUri, broaderUri: `${ns}skill/parent`, broaderTitle: 'parent skill', via: 'broaderSkill' as const },
        { skillUri, broaderUri: `${ns}group/g`, broaderTitle: 'a group', via: 'broaderHierarchyConcept' as const },
      ]),
    };
  }

  beforeAll(() => {
    ns = `http://test.credgraph/esco/${uniquePrefix('esco-sync')}/`;
  });

  afterAll(async () => {
    if (db) await deleteConcepts(ns);
  });

  it('writes the occupation, skills, placeholders and links in one go, and replaces the skill list on the next sync', async () => {
    const first = await syncOccupation(
      db.executor,
      fetched({ essential: [`${ns}skill/a`, `${ns}skill/b`], optional: [`${ns}skill/c`] }),
    );
    expect(first).toMatchObject({
      essential: 2,
      optional: 1,
      skillsWritten: 3,
      removedRequires: 0,
      created: { skills: 1, skillGroups: 1, iscoGroups: 1 },
    });
    expect(await repo.countEscoGraph(ns)).toMatchObject({
      skills: 4,
      skillGroups: 1,
      occupations: 1,
      iscoGroups: 1,
      requires: 3,
      skillBroader: 3,
      inGroup: 3,
      inIscoGroup: 1,
    });
    expect(await repo.getOccupationRequirementCounts(`${ns}occupation/synced`)).toEqual({
      essentialCount: 2,
      optionalCount: 1,
      essential: 2,
      optional: 1,
    });
    const [synced] = (await repo.listConceptSnapshot(`${ns}skill/a`)).map(
      (row) => row['properties'] as Record<string, unknown>,
    );
    expect(synced).toMatchObject({
      labelKeys: ['label of a', 'some alias'],
      hiddenLabels: [],
      collections: [],
      description: 'from the API',
    });

    const second = await syncOccupation(
      db.executor,
      fetched({ essential: [`${ns}skill/a`], optional: [`${ns}skill/d`] }),
    );
    expect(second).toMatchObject({ removedRequires: 2, created: { skills: 0, skillGroups: 0, iscoGroups: 0 } });
    expect(await repo.getOccupationRequirementCounts(`${ns}occupation/synced`)).toEqual({
      essentialCount: 1,
      optionalCount: 1,
      essential: 1,
      optional: 1,
    });
  });
});

describe('importEscoCsv: the complete ESCO v1.1.1 release', () => {
  let first: ImportSummary;
  let firstPrint: string;

  it(
    "imports every concept and link into an empty graph, and reports the dangling occupation's rows as skipped",
    async () => {
      // The run's set-up imported ESCO already; start from an empty ESCO graph, as the brief's figures assume.
      await deleteConcepts(ESCO_URI_PREFIX);
      expect((await repo.countEscoGraph(ESCO_URI_PREFIX)).skills).toBe(0);
      first = await importEscoCsv(db.executor, ESCO_DIR, { progress: silentProgress });

      expect(await repo.countEscoGraph(ESCO_URI_PREFIX)).toMatchObject(EXPECTED);
      expect(first.files.find((file) => file.key === 'occupationSkillRelations')).toMatchObject({
        file: 'occupationSkillRelations.csv',
        rows: 123_855,
        imported: 123_788,
        skipped: 67,
      });
      const skipped = first.issues.filter((issue) => issue.file === 'occupationSkillRelations.csv');
      expect(skipped).toHaveLength(67);
      for (const issue of skipped) {
        expect(issue).toMatchObject({ skipped: true, message: `unknown occupation ${DANGLING_OCCUPATION}` });
        expect(issue.row).toBeGreaterThan(0);
      }
      expect(first.files.find((file) => file.key === 'skills')).toMatchObject({
        rows: 13_896,
        imported: 13_896,
        skipped: 0,
      });
      expect(await repo.getOccupationRequirementCounts(SOFTWARE_DEVELOPER)).toEqual({
        essentialCount: 24,
        optionalCount: 80,
        essential: 24,
        optional: 80,
      });
      firstPrint = await fingerprint(ESCO_URI_PREFIX);
    },
    FULL_IMPORT_MS,
  );

  it(
    'changes nothing when run a second time',
    async () => {
      const before = await repo.countEscoGraph(ESCO_URI_PREFIX);
      const again = await importEscoCsv(db.executor, ESCO_DIR, { progress: silentProgress });
      expect(again.issueCount).toBe(first.issueCount);
      expect(await repo.countEscoGraph(ESCO_URI_PREFIX)).toEqual(before);
      expect(await fingerprint(ESCO_URI_PREFIX)).toBe(firstPrint);
    },
    FULL_IMPORT_MS,
  );

  it(
    'converges when an import stopped half-way is run again',
    async () => {
      await deleteConcepts(ESCO_URI_PREFIX);
      const controller = new AbortController();
      const stopAfter = 25;
      const progress: ImportProgress = {
        ...silentProgress,
        batchCommitted: (_file, _rows, batches) => {
          if (batches >= stopAfter) controller.abort(new Error('stopped by the test'));
        },
      };
      await expect(
        importEscoCsv(db.executor, ESCO_DIR, { batchSize: 2_000, signal: controller.signal, progress }),
      ).rejects.toThrow('stopped by the test');
      const partial = await repo.countEscoGraph(ESCO_URI_PREFIX);
      expect(partial.skills).toBeGreaterThan(0);
      expect(partial.requires).toBeLessThan(EXPECTED.requires!);

      await importEscoCsv(db.executor, ESCO_DIR, { progress: silentProgress });
      expect(await repo.countEscoGraph(ESCO_URI_PREFIX)).toMatchObject(EXPECTED);
      expect(await repo.getOccupationRequirementCounts(SOFTWARE_DEVELOPER)).toEqual({
        essentialCount: 24,
        optionalCount: 80,
        essential: 24,
        optional: 80,
      });
      expect(await fingerprint(ESCO_URI_PREFIX)).toBe(firstPrint);
    },
    FULL_IMPORT_MS,
  );
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { sharedDataDir } from '../support/shared-data';
import { uniquePrefix } from '../support/test-database';
import { CatalogImportAbortedError, CatalogImporter } from '../../src/catalog-import/import-catalog';
import { parseCatalogMapping } from '../../src/catalog-import/catalog-mapping';
import type { SuggestFn } from '../../src/catalog-import/skill-tag-mapper';
import { formatCatalogImportSummary } from '../../src/catalog-import/catalog-import-summary';
import { parse as parseSync } from 'csv-parse/sync';
import { CatalogRepository } from '../../src/db/repositories/catalog-repository';

const MIN_CONFIDENCE = 0.6;
const CATALOG = sharedDataDir('course_catalogs', 'coursera_courses_2023.csv');
const mappingFile = (name: string) => path.resolve(__dirname, '../../tools/catalog-mappings', name);

let server: TestServer;
let importer: CatalogImporter;
let suggest: SuggestFn;
const prefix = uniquePrefix('catimport');
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-catalog-'));

beforeAll(async () => {
  server = await startTestServer();
  const service = server.app.services.skillSuggestions;
  suggest = async (text, first) =>
    (await service.suggestSkills(text, first)).map((s) => ({
      uri: s.skill.uri,
      score: s.score,
      matchedLabel: s.matchedLabel,
    }));
  importer = new CatalogImporter(server.db.executor, new CatalogRepository(server.db.executor), suggest);
});
afterAll(async () => {
  // The courses and providers of this file only (their ids carry the run's prefix or its provider).
  await server?.db.driver.executeQuery(
    `MATCH (p:Provider) WHERE p.id STARTS WITH $prefix OR p.name STARTS WITH $prefix OPTIONAL MATCH (c:MicroCredential)-[:AWARDED_BY]->(p) DETACH DELETE c, p`,
    { prefix },
  );
  await server?.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

const CREDENTIALS = `query($filter: CredentialFilterInput) { microCredentials(filter: $filter, first: 100) {
  totalCount nodes { id title participationForm skills { skill { uri } source confidence } } } }`;

describe('catalog import (real Neo4j, full ESCO)', () => {
  it('imports the first 30 Coursera rows with MAPPED skills at or above the threshold and reports unmapped tags', async () => {
    const providerId = `${prefix}-coursera`;
    const mapping = parseCatalogMapping(JSON.parse(fs.readFileSync(mappingFile('coursera-courses-2023.json'), 'utf8')));
    const summary = await importer.importFile(CATALOG, {
      mapping,
      providerId,
      providerName: 'Coursera (test)',
      minConfidence: MIN_CONFIDENCE,
      limit: 30,
      batchSize: 8,
    });
    expect(summary).toMatchObject({
      rowsRead: 30,
      imported: 30,
      created: 30,
      updated: 0,
      duplicates: 0,
      skipped: [],
      providersCreated: 1,
    });
    // 88 since scores are calibrated probabilities (a tag links only when its skill is at least 60 %
    // likely); uncalibrated label-match scores linked more than 100, many of them wrong.
    expect(summary.skillLinks).toBeGreaterThanOrEqual(80);
    expect(summary.tags.mappedTags).toBeGreaterThan(30);
    expect(summary.tags.unmapped.length).toBeGreaterThan(5);
    // Every reported tag really is unmapped at the threshold, and they are sorted by frequency.
    for (const { tag } of summary.tags.unmapped.slice(0, 5)) {
      const [best] = await suggest(tag, 1);
      expect(best === undefined || best.score < MIN_CONFIDENCE, tag).toBe(true);
    }
    const counts = summary.tags.unmapped.map((u) => u.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);

    const res = await server.gql<any>(CREDENTIALS, { filter: { providerId } });
    expect(res.errors).toBeUndefined();
    const credentials = res.data.microCredentials.nodes as {
      id: string;
      title: string;
      participationForm: string;
      skills: { source: string; confidence: number }[];
    }[];
    expect(res.data.microCredentials.totalCount).toBe(30);
    expect(credentials.map((c) => c.id).sort()).toEqual([...summary.credentialIds].sort());
    const links = credentials.flatMap((c) => c.skills);
    expect(links).toHaveLength(summary.skillLinks);
    expect(links.every((l) => l.source === 'MAPPED' && l.confidence >= MIN_CONFIDENCE && l.confidence <= 1)).toBe(true);
    expect(credentials.filter((c) => c.skills.length > 0).length).toBeGreaterThanOrEqual(25);
    expect(credentials.every((c) => c.participationForm === 'ONLINE')).toBe(true);
    const google = credentials.find((c) => c.title === 'Google Data Analytics');
    expect(google?.skills.length).toBeGreaterThanOrEqual(5);

    // Importing again updates the same credentials instead of adding new ones.
    const again = await importer.importFile(CATALOG, { mapping, providerId, minConfidence: MIN_CONFIDENCE, limit: 30 });
    expect(again).toMatchObject({ imported: 30, created: 0, updated: 30, providersCreated: 0 });
    expect((await server.gql<any>(CREDENTIALS, { filter: { providerId } })).data.microCredentials.totalCount).toBe(30);
  });

  it('validates rows first: a bad row is skipped with its reason and the rest of the batch is imported', async () => {
    const file = path.join(tempDir, 'mixed.csv');
    fs.writeFileSync(
      file,
      [
        'Title,Provider,Link,Tags,Cost,About',
        `Intro to SQL,${prefix} Academy,https://example.org/sql,"SQL, Databases",$49,`,
        `,${prefix} Academy,https://example.org/untitled,"SQL",,`,
        `Gold-plated course,${prefix} Academy,https://example.org/gold,"Project Management","$2,000,000",`,
        `Teamwork at work,${prefix} Academy,ftp://example.org/team,"",Free,"Learn to work in teams and solve problems."`,
        `Orphan course,,https://example.org/orphan,"Accounting",,`,
      ].join('\n'),
    );
    const mapping = parseCatalogMapping({
      columns: {
        title: 'Title',
        provider: 'Provider',
        url: 'Link',
        skills: 'Tags',
        price: 'Cost',
        description: 'About',
      },
    });
    const summary = await importer.importFile(file, { mapping, minConfidence: MIN_CONFIDENCE, batchSize: 10 });
    expect(summary.rowsRead).toBe(5);
    expect(summary.imported).toBe(2);
    expect(summary.skipped.map((s) => [s.row, s.reason])).toEqual([
      [2, 'no title'],
      // The parser now rejects an absurd price itself, naming the cell (it was the credential
      // validation's message before #18.4).
      [3, 'price "$2,000,000" is above the maximum of 1,000,000'],
      [5, expect.stringMatching(/no provider/)],
    ]);
    const providerId =
      summary.credentialIds.length > 0
        ? (
            await server.gql<any>('query($id: ID!) { microCredential(id: $id) { provider { id name } } }', {
              id: summary.credentialIds[0],
            })
          ).data.microCredential.provider
        : null;
    expect(providerId?.name).toBe(`${prefix} Academy`);
    const res = await server.gql<any>(CREDENTIALS, { filter: { providerId: providerId.id } });
    const byTitle = new Map<string, any>(res.data.microCredentials.nodes.map((c: { title: string }) => [c.title, c]));
    expect([...byTitle.keys()].sort()).toEqual(['Intro to SQL', 'Teamwork at work']);
    expect(byTitle.get('Intro to SQL').skills.length).toBeGreaterThan(0);
    // No tags: the description was mapped instead.
    expect(summary.skillLinksFromText).toBeGreaterThan(0);
    expect(byTitle.get('Teamwork at work').skills.length).toBeGreaterThan(0);
  });

  it('refuses a mapping naming columns the CSV lacks, before writing anything', async () => {
    const mapping = parseCatalogMapping({ columns: { title: 'course', skills: 'no such column' } });
    await expect(
      importer.importFile(CATALOG, {
        mapping,
        providerId: `${prefix}-refused`,
        minConfidence: MIN_CONFIDENCE,
        limit: 5,
      }),
    ).rejects.toThrow(/no column "no such column"/);
    const res = await server.gql<any>(CREDENTIALS, { filter: { providerId: `${prefix}-refused` } });
    expect(res.data.microCredentials.totalCount).toBe(0);
  });

  it('#18.4: stores four-digit prices whole through the import (1200 EUR was stored as 120) and reports negative ones', async () => {
    const file = path.join(tempDir, 'prices.csv');
    fs.writeFileSync(
      file,
      [
        'Title,Provider,Link,Cost',
        `Big course,${prefix} Pricey,https://example.org/big,1200 EUR`,
        `Euro course,${prefix} Pricey,https://example.org/euro,€1499`,
        `Dollar course,${prefix} Pricey,https://example.org/dollar,"1,200.50 USD"`,
        `Negative course,${prefix} Pricey,https://example.org/negative,-5 EUR`,
        `Huge course,${prefix} Pricey,https://example.org/huge,1e308`,
      ].join('\n'),
    );
    const mapping = parseCatalogMapping({
      columns: { title: 'Title', provider: 'Provider', url: 'Link', price: 'Cost' },
    });
    const summary = await importer.importFile(file, { mapping, minConfidence: MIN_CONFIDENCE });
    expect(summary.imported).toBe(3);
    expect(summary.skipped.map((s) => [s.row, s.reason])).toEqual([
      [4, 'negative price "-5 EUR"'],
      [5, 'price "1e308" is above the maximum of 1,000,000'],
    ]);
    const prices: Record<string, unknown> = {};
    for (const id of summary.credentialIds) {
      const res = await server.gql<any>(
        'query($id: ID!) { microCredential(id: $id) { title price { amount currency } } }',
        { id },
      );
      expect(res.errors).toBeUndefined();
      prices[res.data.microCredential.title] = res.data.microCredential.price;
    }
    expect(prices).toEqual({
      'Big course': { amount: 1200, currency: 'EUR' },
      'Euro course': { amount: 1499, currency: 'EUR' },
      'Dollar course': { amount: 1200.5, currency: 'USD' },
    });
  });

  it('#18.7: a stray quote on row 900 of the Coursera catalogue costs that row only; the rest imports and the summary names it', async () => {
    const lines = fs.readFileSync(CATALOG, 'utf8').split('\n');
    // Line 901 is data row 900 (the header is line 1; the file has no multi-line records before it).
    const original = lines[900]!;
    lines[900] = original.replace(',', ',Bad "quote ');
    const file = path.join(tempDir, 'coursera-stray-quote.csv');
    fs.writeFileSync(file, lines.join('\n'));
    const records = parseSync(fs.readFileSync(CATALOG, 'utf8'), {
      bom: true,
      columns: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }).length;
    expect(records).toBeGreaterThan(1_000);
    const mapping = parseCatalogMapping(JSON.parse(fs.readFileSync(mappingFile('coursera-courses-2023.json'), 'utf8')));
    const providerId = `${prefix}-stray`;
    // Skill mapping is not what this test is about: no suggestions keeps 1,100 rows fast.
    const noSuggestions: SuggestFn = async () => [];
    const plain = new CatalogImporter(server.db.executor, new CatalogRepository(server.db.executor), noSuggestions);
    const summary = await plain.importFile(file, {
      mapping,
      providerId,
      providerName: `${prefix} Coursera`,
      minConfidence: MIN_CONFIDENCE,
      batchSize: 200,
    });
    expect(summary.aborted).toBeNull();
    expect(summary.rowsRead).toBe(records);
    expect(summary.skipped).toHaveLength(1);
    expect(summary.skipped[0]).toMatchObject({
      row: 900,
      line: 901,
      reason: expect.stringMatching(/^unreadable CSV record: Invalid Opening Quote/),
    });
    expect(summary.imported + summary.duplicates + summary.skipped.length).toBe(records);
    const res = await server.gql<any>(CREDENTIALS, { filter: { providerId } });
    expect(res.data.microCredentials.totalCount).toBe(summary.imported);
    expect(summary.imported).toBeGreaterThan(1_000);
    const text = formatCatalogImportSummary(summary);
    expect(text).toMatch(/row 900 \(line 901\): unreadable CSV record: Invalid Opening Quote/);
  });

  it('#18.9: skips a row with an oversized cell (a 200,000-character description) and imports the others', async () => {
    const file = path.join(tempDir, 'oversized.csv');
    fs.writeFileSync(
      file,
      [
        'Title,Provider,Link,About',
        `Small course,${prefix} Sized,https://example.org/small,short`,
        `Huge course,${prefix} Sized,https://example.org/huge,${'d'.repeat(200_000)}`,
      ].join('\n'),
    );
    const mapping = parseCatalogMapping({
      columns: { title: 'Title', provider: 'Provider', url: 'Link', description: 'About' },
    });
    const summary = await importer.importFile(file, { mapping, minConfidence: MIN_CONFIDENCE });
    expect(summary.imported).toBe(1);
    expect(summary.skipped).toEqual([
      { row: 2, title: null, reason: 'column "About" holds 200000 characters, more than the 100000 a cell may hold' },
    ]);
  });

  it.each([
    [
      'a bad closing quote',
      '"Bad course"x',
      /^unreadable CSV record: Invalid Closing Quote.*; Quote Not Closed.*ran over the next 3 line\(s\)/,
    ],
    ['an unterminated quote', '"Bad course', /^unreadable CSV record: Quote Not Closed.*ran over the next 3 line\(s\)/],
  ] as const)('reports every row %s swallows, none silently lost', async (_name, badTitle, reason) => {
    const file = path.join(tempDir, `open-quote-${badTitle.length}.csv`);
    const row = (n: number) => `Course ${n},${prefix} Quotes,https://example.org/quotes/${n},short`;
    fs.writeFileSync(
      file,
      [
        'Title,Provider,Link,About',
        row(1),
        row(2),
        `${badTitle},${prefix} Quotes,https://example.org/bad,d`,
        row(3),
        row(4),
        row(5),
      ].join('\n') + '\n',
    );
    const mapping = parseCatalogMapping({
      columns: { title: 'Title', provider: 'Provider', url: 'Link', description: 'About' },
    });
    const summary = await importer.importFile(file, { mapping, minConfidence: MIN_CONFIDENCE, dryRun: true });
    // Six data rows: two imported, the bad one and the three its quote swallowed each reported.
    expect(summary.rowsRead).toBe(6);
    expect(summary.imported).toBe(2);
    expect(summary.skipped.map((s) => s.line)).toEqual([4, 5, 6, 7]);
    expect(summary.skipped[0]!.reason).toMatch(reason);
    for (const skip of summary.skipped.slice(1))
      expect(skip.reason).toBe('line swallowed by the open quote of line 4; not imported');
  });

  it('#18.7: a run that stops early still reports what it wrote (the summary always prints)', async () => {
    const mapping = parseCatalogMapping(JSON.parse(fs.readFileSync(mappingFile('coursera-courses-2023.json'), 'utf8')));
    let failing = false;
    const flaky: SuggestFn = async () => {
      if (failing) throw new Error('suggestion service down');
      return [];
    };
    const plain = new CatalogImporter(server.db.executor, new CatalogRepository(server.db.executor), flaky);
    const attempt = plain.importFile(CATALOG, {
      mapping,
      providerId: `${prefix}-aborted`,
      providerName: `${prefix} Aborted`,
      minConfidence: MIN_CONFIDENCE,
      limit: 20,
      batchSize: 5,
      onProgress: (rows) => {
        failing = rows > 5;
      },
    });
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CatalogImportAbortedError);
    const summary = (error as CatalogImportAbortedError).summary;
    expect(summary).toMatchObject({ aborted: 'suggestion service down', imported: 5 });
    expect(formatCatalogImportSummary(summary)).toMatch(
      /imported 5 .*\n[\s\S]*ABORTED before the end of the file: suggestion service down/,
    );
    const res = await server.gql<any>(CREDENTIALS, { filter: { providerId: `${prefix}-aborted` } });
    expect(res.data.microCredentials.totalCount).toBe(5);
  });
});

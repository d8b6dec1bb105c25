/**
 * The same course imported from two catalogues is one credential: same web address, or same
 * provider and normalised title. Also under concurrency: two imports of overlapping catalogues
 * running at once still leave one credential per course. And a mapped link keeps the tag it
 * was mapped from.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { CatalogImporter } from '../../src/catalog-import/import-catalog';
import { parseCatalogMapping } from '../../src/catalog-import/catalog-mapping';
import { CatalogRepository } from '../../src/db/repositories/catalog-repository';

let server: TestServer;
let importer: CatalogImporter;
const prefix = uniquePrefix('catdedupe');
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-dedupe-'));
const mapping = parseCatalogMapping({
  name: 'dedupe-fixture',
  columns: { id: 'id', title: 'title', provider: 'provider', url: 'url', hours: 'hours' },
});

function writeCatalog(name: string, rows: string[][]): string {
  const file = path.join(tempDir, name);
  fs.writeFileSync(
    file,
    ['id,title,provider,url,hours', ...rows.map((r) => r.map((c) => `"${c}"`).join(','))].join('\n') + '\n',
  );
  return file;
}

/** Credentials of this run's providers, with title and url, by id. */
async function credentialsOf(providerNamePrefix: string) {
  const res = await server.db.driver.executeQuery(
    `MATCH (c:MicroCredential)-[:AWARDED_BY]->(p:Provider) WHERE p.name STARTS WITH $prefix RETURN c.id AS id, c.title AS title, c.url AS url, p.name AS provider ORDER BY id`,
    { prefix: providerNamePrefix },
  );
  return res.records.map((r) => ({
    id: r.get('id') as string,
    title: r.get('title') as string,
    url: r.get('url') as string | null,
    provider: r.get('provider') as string,
  }));
}

beforeAll(async () => {
  server = await startTestServer();
  importer = new CatalogImporter(server.db.executor, new CatalogRepository(server.db.executor), async () => []);
});
afterAll(async () => {
  await server?.db.driver.executeQuery(
    `MATCH (p:Provider) WHERE p.name STARTS WITH $prefix OPTIONAL MATCH (c:MicroCredential)-[:AWARDED_BY]->(p) DETACH DELETE c, p`,
    { prefix },
  );
  await server?.db.driver.executeQuery(`MATCH (k:CredentialKey) WHERE k.key CONTAINS $prefix DETACH DELETE k`, {
    prefix,
  });
  await server?.close();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

describe('catalog import: one credential per course across catalogues', () => {
  it('a course in two catalogues (same URL; same provider and title) becomes one credential, updated by the second import', async () => {
    const school = `${prefix} School`;
    const url = (p: string) => `https://${prefix}.example.org/${p}`;
    const a = writeCatalog('a.csv', [
      ['a-1', 'Intro to SQL', school, url('sql'), '10'],
      ['a-2', 'Data Visualisation', school, '', '8'],
      ['a-3', 'Cloud Basics', school, url('cloud'), '6'],
    ]);
    const b = writeCatalog('b.csv', [
      // Same page, another catalogue's id and wording of the title.
      ['b-77', 'SQL for Beginners', school, `${url('sql').replace('https://', 'http://www.')}/`, '12'],
      // Same provider and title once normalised, no URL.
      ['b-78', 'data visualisation!', school, '', '9'],
      ['b-79', 'Kubernetes', school, url('k8s'), '20'],
    ]);
    const first = await importer.importFile(a, { mapping, minConfidence: 0.6 });
    expect(first).toMatchObject({ imported: 3, created: 3, updated: 0 });
    const second = await importer.importFile(b, { mapping, minConfidence: 0.6 });
    // Before identity keys, b's three rows were three new credentials (6 in all).
    expect(second).toMatchObject({ imported: 3, created: 1, updated: 2 });
    const stored = await credentialsOf(prefix);
    expect(stored).toHaveLength(4);
    expect(new Set(second.credentialIds.slice(0, 2))).toEqual(new Set(first.credentialIds.slice(0, 2)));
    // The later catalogue's facts win: the SQL course now has b's title.
    expect(stored.find((c) => c.id === first.credentialIds[0])?.title).toBe('SQL for Beginners');
  });

  it('rows of one catalogue repeating a course under another id (same URL) count as duplicates', async () => {
    const school = `${prefix} Repeat School`;
    const file = writeCatalog('repeat.csv', [
      ['r-1', 'Writing', school, `https://${prefix}.example.org/writing`, '3'],
      ['r-2', 'Writing (copy)', school, `https://${prefix}.example.org/writing#top`, '3'],
    ]);
    const summary = await importer.importFile(file, { mapping, minConfidence: 0.6 });
    expect(summary).toMatchObject({ imported: 1, duplicates: 1 });
    expect(await credentialsOf(school)).toHaveLength(1);
  });

  it('two overlapping catalogues imported at the same time still give one credential per course (25 trials)', async () => {
    for (let trial = 0; trial < 25; trial += 1) {
      const school = `${prefix} Race ${trial}`;
      const url = (p: string) => `https://${prefix}.example.org/race-${trial}/${p}`;
      const x = writeCatalog(`x-${trial}.csv`, [
        ['x-1', 'Shared by URL', school, url('one'), '1'],
        ['x-2', 'Shared by title', school, '', '2'],
        ['x-3', 'Only in x', school, url('x'), '3'],
      ]);
      const y = writeCatalog(`y-${trial}.csv`, [
        ['y-1', 'Another title', school, url('one'), '1'],
        ['y-2', 'SHARED BY TITLE', school, '', '2'],
        ['y-3', 'Only in y', school, url('y'), '3'],
      ]);
      const results = await Promise.allSettled([
        importer.importFile(x, { mapping, minConfidence: 0.6 }),
        importer.importFile(y, { mapping, minConfidence: 0.6 }),
      ]);
      for (const r of results) {
        expect(r.status).toBe('fulfilled');
        if (r.status === 'fulfilled') expect(r.value.skipped).toEqual([]);
      }
      const stored = await credentialsOf(school);
      expect(stored, `trial ${trial}`).toHaveLength(4);
    }
  });
});

describe('catalog import: the source text of a mapped link', () => {
  it('stores the tag a skill was mapped from on TEACHES and shows it as TaughtSkill.sourceText', async () => {
    const res = await server.db.driver.executeQuery(
      `MATCH (s:Skill) WHERE s.uri STARTS WITH 'http://data.europa.eu/esco/skill/' RETURN s.uri AS uri ORDER BY uri LIMIT 1`,
    );
    const skillUri = res.records[0]!.get('uri') as string;
    const tagged = new CatalogImporter(server.db.executor, new CatalogRepository(server.db.executor), async (text) =>
      text.trim().toLowerCase() === 'relational databases'
        ? [{ uri: skillUri, score: 0.9, matchedLabel: 'manage databases' }]
        : [],
    );
    const school = `${prefix} Tag School`;
    const file = path.join(tempDir, 'tags.csv');
    fs.writeFileSync(file, `id,title,provider,skills\n"t-1","Databases","${school}","Relational Databases"\n`);
    const withSkills = parseCatalogMapping({
      name: 'tag-fixture',
      columns: { id: 'id', title: 'title', provider: 'provider', skills: 'skills' },
      skillSeparator: ',',
    });
    const summary = await tagged.importFile(file, { mapping: withSkills, minConfidence: 0.6 });
    expect(summary).toMatchObject({ imported: 1, skillLinks: 1 });
    const api = await server.gql<any>(
      `query($id: ID!) { microCredential(id: $id) { skills { skill { uri } source confidence sourceText } } }`,
      { id: summary.credentialIds[0] },
    );
    expect(api.errors).toBeUndefined();
    expect(api.data.microCredential.skills).toEqual([
      { skill: { uri: skillUri }, source: 'MAPPED', confidence: 0.9, sourceText: 'Relational Databases' },
    ]);
  });
});

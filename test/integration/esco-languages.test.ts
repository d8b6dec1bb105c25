import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { importEscoTranslations, type TranslationImportSummary } from '../../src/esco/import/import-esco-translations';

// The German files are a hand-made fixture in ESCO's file format (see test/fixtures/esco-de/README.md).
// Importing them only adds `*_de` properties to four real concepts; English data is untouched.
const FIXTURE = path.resolve(__dirname, '../fixtures/esco-de');
const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const PYTHON = 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d';

let server: TestServer;
let db: TestDatabase;
let summary: TranslationImportSummary;
beforeAll(async () => {
  server = await startTestServer();
  db = await openTestDatabase();
  summary = await importEscoTranslations(db.executor, FIXTURE, { batchSize: 1 });
});
afterAll(async () => {
  await server?.close();
  await db?.close();
});

describe('ESCO in another language (German fixture on top of the English release)', () => {
  it('detects German from the file names and reports the concept the graph does not hold', () => {
    expect(summary.language).toBe('de');
    expect(Object.fromEntries(summary.files.map((f) => [f.file, [f.rows, f.stored, f.unknown]]))).toEqual({
      'ISCOGroups_de.csv': [1, 1, 0],
      'skillGroups_de.csv': [1, 1, 0],
      'skills_de.csv': [2, 1, 1],
      'occupations_de.csv': [1, 1, 0],
    });
    expect(summary.issues).toEqual([
      expect.stringMatching(
        /^skills_de\.csv row 2: concept http:\/\/data\.europa\.eu\/esco\/skill\/00000000-0000-4000-8000-000000000000 is not in the graph/,
      ),
    ]);
  });

  it('serves labels in German where translated and falls back to English for the rest', async () => {
    const res = await server.gql<any>(
      `query($uri: ID!) { occupation(uri: $uri) {
        de: preferredLabel(language: "de") en: preferredLabel altLabels(language: "de") description(language: "de-AT")
        iscoGroup { preferredLabel(language: "de") broader { preferredLabel(language: "de") } }
        essentialSkills(first: 100) { nodes { uri preferredLabel(language: "de") english: preferredLabel groups { preferredLabel(language: "de") } } }
        optionalSkills(first: 100) { nodes { uri preferredLabel(language: "de") english: preferredLabel } } } }`,
      { uri: SOFTWARE_DEVELOPER },
    );
    expect(res.errors).toBeUndefined();
    const occ = res.data.occupation;
    expect(occ.de).toBe('Softwareentwickler/Softwareentwicklerin');
    expect(occ.en).toBe('software developer');
    expect(occ.altLabels).toEqual(['Programmierer/Programmiererin', 'Software-Entwickler/Software-Entwicklerin']);
    expect(occ.description).toMatch(/^Softwareentwickler\/Softwareentwicklerinnen implementieren/);
    expect(occ.iscoGroup.preferredLabel).toBe('Softwareentwickler');
    // ISCO 251 is not in the fixture: English.
    expect(occ.iscoGroup.broader.preferredLabel).toBe('Software and applications developers and analysts');
    const skills = [...occ.essentialSkills.nodes, ...occ.optionalSkills.nodes];
    const python = skills.find((s: { uri: string }) => s.uri === PYTHON);
    expect(python.preferredLabel).toBe('Python (Computerprogrammierung)');
    const untranslated = skills.filter((s: { uri: string }) => s.uri !== PYTHON);
    expect(untranslated.length).toBeGreaterThan(50);
    for (const skill of untranslated) expect(skill.preferredLabel).toBe(skill.english);
    const groupNames = occ.essentialSkills.nodes.flatMap((s: any) => s.groups.map((g: any) => g.preferredLabel));
    expect(groupNames).toContain('Entwicklung und Analyse von Software und Anwendungen');
  });

  it('fetches a language with one query per level, however many concepts', async () => {
    const query = (n: number) =>
      `{ searchOccupations(text: "engineer", first: ${n}) { preferredLabel(language: "fr") essentialSkills(first: 5) { nodes { preferredLabel(language: "fr") description(language: "fr") } } } }`;
    const small = await server.gql<any>(query(2));
    const large = await server.gql<any>(query(25));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.roundTrips).toBe(small.roundTrips);
  });

  it('rejects a language ESCO is not published in with BAD_USER_INPUT', async () => {
    const res = await server.gql<any>('query($uri: ID!) { skill(uri: $uri) { preferredLabel(language: "ja") } }', {
      uri: PYTHON,
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/language must be one of ESCO's languages/);
  });
});

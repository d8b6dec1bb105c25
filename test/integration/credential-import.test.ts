import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { sharedDataDir } from '../support/shared-data';
import { uniquePrefix } from '../support/test-database';

const ESCO = 'http://data.europa.eu/esco/skill/';
const DEVELOP_DIGITAL_CONTENT = `${ESCO}5fd5c985-eaaa-47aa-8314-62359c54505a`;
const ANALYSE_TEST_DATA = `${ESCO}81a2db2c-7e55-44d0-9cd9-74c25147d7cd`;
const DEVELOP_TEST_PROCEDURES = `${ESCO}f10142ce-d522-49c3-9fd1-054fb63529d4`;

const IMPORT = `mutation($doc: JSON!) { importCredential(document: $doc) {
  created providerCreated learnerCreated format warnings
  credential { id title ects workloadHours eqfLevel skills { skill { uri preferredLabel } source confidence } provider { id } }
  provider { id name url }
  learner { id displayName holdings { credential { id } issuedOn expiresOn verified expired } }
} }`;

interface ImportResult {
  created: boolean;
  providerCreated: boolean;
  learnerCreated: boolean;
  format: string;
  warnings: string[];
  credential: {
    id: string;
    title: string;
    ects: number | null;
    workloadHours: number | null;
    eqfLevel: number | null;
    skills: { skill: { uri: string; preferredLabel: string }; source: string; confidence: number }[];
    provider: { id: string };
  };
  provider: { id: string; name: string; url: string | null };
  learner: {
    id: string;
    displayName: string;
    holdings: {
      credential: { id: string };
      issuedOn: string | null;
      expiresOn: string | null;
      verified: boolean;
      expired: boolean;
    }[];
  } | null;
}

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Every JSON document below a folder (the examples also hold README-like .md files). */
function jsonFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? jsonFiles(path.join(dir, entry.name))
        : /\.(json|jsonld)$/.test(entry.name)
          ? [path.join(dir, entry.name)]
          : [],
    )
    .sort();
}

const ANNEX = sharedDataDir('elm_edc', 'elm3_sample_microcredential_annex1_unsigned.jsonld');
const MYNEXTID = sharedDataDir(
  'open_badges',
  'ob3_microcredential_examples',
  'mynextid_ob3_microcredential_esco_alignment.json',
);

let server: TestServer;
const prefix = uniquePrefix('credimport');
const createdLearners: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  // Holders of the shared example documents that were created only for this run.
  for (const id of createdLearners) await server?.gql('mutation($id: ID!) { deleteLearner(learnerId: $id) }', { id });
  // The run's own copies of the OB 3.0 example (issuer and achievement carry the run's prefix).
  await server?.db.driver.executeQuery(
    `MATCH (n) WHERE (n:MicroCredential AND n.sourceId CONTAINS $prefix) OR (n:Provider AND n.url CONTAINS $prefix) DETACH DELETE n`,
    { prefix },
  );
  await server?.close();
});

async function importDocument(doc: unknown) {
  const res = await server.gql<{ importCredential: ImportResult }>(IMPORT, { doc });
  const result = res.data?.importCredential;
  if (result?.learnerCreated && result.learner) createdLearners.push(result.learner.id);
  return { result, errors: res.errors };
}

/**
 * The OB 3.0 example made unique to this run: its issuer URL (the provider's identity), its
 * achievement id (the credential's identity) and its holder, so created/updated flags and counts
 * are this file's alone.
 */
function uniqueOb3(tag: string): any {
  const doc = readJson(MYNEXTID);
  doc.issuer.url = `https://${prefix}-${tag}.example`;
  doc.credentialSubject.id = `urn:test:${prefix}-${tag}-holder`;
  doc.credentialSubject.achievement.id = `urn:test:${prefix}-${tag}-achievement`;
  return doc;
}

/**
 * Nodes and relationships of the labels an import writes (Provider, MicroCredential, Learner)
 * that belong to this run. Scoped by the run's unique prefix rather than counted over the whole
 * database, which other test runs may write to meanwhile.
 */
async function countRunRecords(): Promise<{ nodes: number; relationships: number }> {
  const result = await server.db.driver.executeQuery(
    `MATCH (n) WHERE (n:Provider AND n.url CONTAINS $prefix) OR (n:MicroCredential AND n.sourceId CONTAINS $prefix) OR (n:Learner AND n.externalId CONTAINS $prefix)
     RETURN count(DISTINCT n) AS nodes, sum(COUNT { (n)--() }) AS relationships`,
    { prefix },
  );
  const row = result.records[0]!;
  return { nodes: Number(row.get('nodes')), relationships: Number(row.get('relationships')) };
}

describe('importCredential (real Neo4j)', () => {
  it('imports the ELM Annex I micro-credential: 2 ECTS, 60 hours, EQF 6, its 4 declared ESCO skills and the holding', async () => {
    // The holder's e-mail is made this run's own, so the learner is created here (and removed after).
    const doc = readJson(ANNEX);
    expect(doc.credentialSubject.contactPoint.emailAddress.id).toBe('mailto:ana.andromeda@email.com');
    doc.credentialSubject.contactPoint.emailAddress.id = `mailto:${prefix}@example.org`;
    const { result, errors } = await importDocument(doc);
    expect(errors).toBeUndefined();
    expect(result!.format).toBe('ELM');
    const credential = result!.credential;
    expect(credential.title).toBe('Digital micro-credential creation');
    expect([credential.ects, credential.workloadHours, credential.eqfLevel]).toEqual([2, 60, 6]);
    expect(credential.skills).toHaveLength(4);
    expect(credential.skills.every((s) => s.source === 'DECLARED' && s.confidence === 1)).toBe(true);
    expect(credential.skills.find((s) => s.skill.uri === DEVELOP_DIGITAL_CONTENT)?.skill.preferredLabel).toBe(
      'develop digital content',
    );
    expect(result!.provider).toMatchObject({ name: 'University of Zed', url: 'https://uniz.edu' });
    expect(credential.provider.id).toBe(result!.provider.id);
    expect(result!.learnerCreated).toBe(true);
    expect(result!.learner?.displayName).toBe('Ana Andromeda');
    expect(result!.learner?.holdings.find((h) => h.credential.id === credential.id)).toMatchObject({
      issuedOn: '2022-12-31',
      verified: false,
    });
    expect(result!.warnings.join(' ')).toMatch(/non-ESCO alignment/);
  });

  it('imports the mynextid OB 3.0 micro-credential teaching "analyse test data" and "develop test procedures"', async () => {
    const { result, errors } = await importDocument(readJson(MYNEXTID));
    expect(errors).toBeUndefined();
    expect(result!.format).toBe('OB3');
    expect(result!.credential.title).toBe('Data Science Fundamentals');
    const taught = new Map(result!.credential.skills.map((s) => [s.skill.uri, s.skill.preferredLabel]));
    expect(taught.get(ANALYSE_TEST_DATA)).toBe('analyse test data');
    expect(taught.get(DEVELOP_TEST_PROCEDURES)).toBe('develop test procedures');
    expect(result!.learner).not.toBeNull();
  });

  it('creates on the first import and updates on the second: same credential, provider and learner', async () => {
    const doc = uniqueOb3('repeat');
    const first = await importDocument(doc);
    expect(first.errors).toBeUndefined();
    expect(first.result).toMatchObject({ created: true, providerCreated: true, learnerCreated: true });
    expect(first.result!.provider.id).toContain(`${prefix}-repeat`);
    expect(first.result!.learner!.holdings).toEqual([
      {
        credential: { id: first.result!.credential.id },
        issuedOn: '2026-01-12',
        expiresOn: '2026-12-31',
        verified: false,
        expired: false,
      },
    ]);
    const before = await countRunRecords();
    doc.credentialSubject.achievement.description = 'Updated description';
    const second = await importDocument(doc);
    expect(second.errors).toBeUndefined();
    expect(second.result).toMatchObject({ created: false, providerCreated: false, learnerCreated: false });
    expect(second.result!.credential.id).toBe(first.result!.credential.id);
    expect(second.result!.learner!.id).toBe(first.result!.learner!.id);
    expect(await countRunRecords()).toEqual(before);
  });

  describe('rejections leave the database unchanged', () => {
    const cases: [string, () => unknown, string, RegExp][] = [
      [
        'a document that is not a credential',
        () => readJson(sharedDataDir('elm_edc', 'edc_ap_context.jsonld')),
        'BAD_USER_INPUT',
        /^Not a credential/,
      ],
      ['a JSON array', () => [uniqueOb3('array')], 'BAD_USER_INPUT', /^Not a credential: expected a JSON object/],
      [
        'a credential without a title',
        () => {
          const doc = uniqueOb3('untitled');
          delete doc.credentialSubject.achievement.name;
          delete doc.name;
          return doc;
        },
        'BAD_USER_INPUT',
        /no title/,
      ],
      [
        'a credential citing an unknown ESCO skill',
        () => {
          const doc = uniqueOb3('unknown-skill');
          doc.credentialSubject.achievement.alignment[1].targetUrl = `${ESCO}00000000-0000-4000-8000-000000000000`;
          return doc;
        },
        'NOT_FOUND',
        /unknown skill: http:\/\/data\.europa\.eu\/esco\/skill\/00000000-0000-4000-8000-000000000000/,
      ],
      [
        'a credential without any ESCO skill',
        () => {
          // Since #13.6 a badge without ESCO alignments is mapped from its text: this one's text
          // names no skill, so it is still rejected.
          const doc = uniqueOb3('no-skills');
          doc.credentialSubject.achievement.alignment = [];
          doc.name = doc.credentialSubject.achievement.name = 'Zqxw 2024';
          delete doc.description;
          delete doc.credentialSubject.achievement.description;
          delete doc.credentialSubject.achievement.criteria;
          return doc;
        },
        'BAD_USER_INPUT',
        /carries no ESCO skill alignment, and its name, description and criteria map to no ESCO skill/,
      ],
    ];
    it.each(cases)('rejects %s with the reason', async (_name, makeDoc, code, message) => {
      const before = await countRunRecords();
      const { result, errors } = await importDocument(makeDoc());
      expect(result).toBeUndefined();
      expect(errors?.[0]?.extensions?.code).toBe(code);
      expect(errors?.[0]?.message).toMatch(message);
      expect(await countRunRecords()).toEqual(before);
    });
  });

  it('imports or rejects with a stated reason every example in open_badges/ and elm_edc/', async () => {
    const files = [...jsonFiles(sharedDataDir('open_badges')), ...jsonFiles(sharedDataDir('elm_edc'))];
    expect(files.length).toBeGreaterThanOrEqual(20);
    const outcomes: Record<string, string> = {};
    for (const file of files) {
      const { result, errors } = await importDocument(readJson(file));
      const name = path.relative(sharedDataDir(), file);
      if (result) {
        expect(result.credential.skills.length, name).toBeGreaterThan(0);
        outcomes[name] = `imported ${result.credential.id}`;
      } else {
        expect(['BAD_USER_INPUT', 'NOT_FOUND'], name).toContain(errors?.[0]?.extensions?.code);
        expect(errors?.[0]?.message.length, name).toBeGreaterThan(10);
        outcomes[name] = `rejected: ${errors![0]!.message}`;
      }
    }
    const imported = Object.entries(outcomes)
      .filter(([, outcome]) => outcome.startsWith('imported'))
      .map(([name]) => name);
    // The two documents with ESCO alignments (each in two variants for the ELM sample) import.
    expect(imported).toEqual(
      expect.arrayContaining([
        'elm_edc/elm3_sample_microcredential_annex1_unsigned.jsonld',
        'elm_edc/elm3_sample_microcredential_annex1_unsigned.no-images.jsonld',
        'open_badges/ob3_microcredential_examples/mynextid_ob3_microcredential_esco_alignment.json',
      ]),
    );
    expect(outcomes['open_badges/ob3_spec_examples/endorsement.json']).toMatch(/^rejected: Not a credential/);
  });
});

describe('learners through GraphQL (real Neo4j)', () => {
  it('creates a learner with holdings and self-declared skills and reads them back; an expired holding is flagged', async () => {
    const providerId = `${prefix}-provider`;
    const ids = { current: `${prefix}-current`, expired: `${prefix}-expired`, learner: `${prefix}-learner` };
    const provider = await server.gql(
      'mutation($id: ID!) { upsertProvider(input: { id: $id, name: "Test Academy", country: "BE" }) { id } }',
      { id: providerId },
    );
    expect(provider.errors).toBeUndefined();
    for (const [id, title] of [
      [ids.current, 'Digital content basics'],
      [ids.expired, 'Test data analysis'],
    ] as const) {
      const res = await server.gql(
        'mutation($input: MicroCredentialInput!) { upsertMicroCredential(input: $input) { id } }',
        {
          input: {
            id,
            title,
            providerId,
            skills: [{ uri: id === ids.current ? DEVELOP_DIGITAL_CONTENT : ANALYSE_TEST_DATA }],
          },
        },
      );
      expect(res.errors).toBeUndefined();
    }
    const created = await server.gql('mutation($input: LearnerInput!) { createLearner(input: $input) { id } }', {
      input: { id: ids.learner, displayName: 'Round Trip', declaredSkillUris: [DEVELOP_TEST_PROCEDURES] },
    });
    expect(created.errors).toBeUndefined();
    const addHolding =
      'mutation($l: ID!, $c: ID!, $issued: LocalDate, $expires: LocalDate) { addHolding(learnerId: $l, credentialId: $c, issuedOn: $issued, expiresOn: $expires) { id } }';
    expect(
      (await server.gql(addHolding, { l: ids.learner, c: ids.current, issued: '2025-01-10', expires: null })).errors,
    ).toBeUndefined();
    expect(
      (await server.gql(addHolding, { l: ids.learner, c: ids.expired, issued: '2020-03-01', expires: '2021-03-01' }))
        .errors,
    ).toBeUndefined();
    const declared = await server.gql(
      'mutation($l: ID!, $uris: [ID!]!) { declareSkills(learnerId: $l, skillUris: $uris) { id } }',
      {
        l: ids.learner,
        uris: [ANALYSE_TEST_DATA],
      },
    );
    expect(declared.errors).toBeUndefined();

    const read = await server.gql<any>(
      'query($id: ID!) { learner(id: $id) { id displayName holdings { credential { id title } issuedOn expiresOn expired } declaredSkills { uri preferredLabel } } }',
      { id: ids.learner },
    );
    expect(read.errors).toBeUndefined();
    const learner = read.data.learner;
    expect(learner.displayName).toBe('Round Trip');
    expect(learner.holdings).toEqual([
      {
        credential: { id: ids.expired, title: 'Test data analysis' },
        issuedOn: '2020-03-01',
        expiresOn: '2021-03-01',
        expired: true,
      },
      {
        credential: { id: ids.current, title: 'Digital content basics' },
        issuedOn: '2025-01-10',
        expiresOn: null,
        expired: false,
      },
    ]);
    expect(learner.declaredSkills.map((s: { preferredLabel: string }) => s.preferredLabel).sort()).toEqual([
      'analyse test data',
      'develop test procedures',
    ]);
    await server.gql('mutation($id: ID!) { deleteLearner(learnerId: $id) }', { id: ids.learner });
  });
});

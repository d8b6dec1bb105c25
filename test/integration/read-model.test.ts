/**
 * The in-memory read model answers exactly what the database answers (issue #12 items 1 and 2):
 * after each kind of write through the GraphQL API, the memory source of the server that took the
 * write gives the repository's rows for the entities written and for a sample of others, without
 * waiting for a poll (read-your-writes on the replica that wrote).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { evidenceLines } from '../support/packed-evidence';
import { unpackStrings } from '../../src/domain/packed-strings';
import { unpackOccupationRows } from '../../src/domain/coverage';
import { CoverageRepository } from '../../src/db/repositories/coverage-repository';
import { PlanningRepository } from '../../src/db/repositories/planning-repository';
import { MemoryComputeSource } from '../../src/services/read-model/memory-compute-source';
import type { LiveReadModel } from '../../src/services/read-model/live-read-model';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const prefix = uniquePrefix('read-model');
const id = (name: string) => `${prefix}-${name}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let server: TestServer;
let live: LiveReadModel;
let memory: MemoryComputeSource;
let coverageRepo: CoverageRepository;
let planningRepo: PlanningRepository;
let essentials: string[];
let sampleSkills: string[];
let sampleOccupations: string[];

/** Rows in a canonical form: lists sorted (their order is unspecified), maps and sets as sorted entries. */
function canonical(value: unknown): unknown {
  if (value instanceof Map) return canonical([...value.entries()]);
  if (value instanceof Set) return canonical([...value]);
  if (Array.isArray(value))
    return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** Every read of the coverage and planning engines, from one source, for our entities and a sample. */
async function answers(source: {
  coverage: Pick<CoverageRepository, keyof CoverageRepository>;
  courses: Pick<PlanningRepository, 'findCoursesTeaching'>;
}) {
  const c = source.coverage;
  const learners = ['l1', 'l2', 'l3', 'none'].map(id);
  const skills = [...essentials.slice(0, 12), ...sampleSkills];
  const out: Record<string, unknown> = {};
  for (const learner of learners)
    for (const asOf of [day(0), day(-500), day(-1)])
      out[`evidence ${learner} ${asOf}`] = await c.getLearnerEvidence(learner, asOf);
  out.credentials = await c.getCredentialsEvidence([id('c1'), id('c2'), id('c3'), id('none')]);
  out.existing = await c.getExistingSkills([...skills, 'http://example.org/not-a-skill']);
  out.occupation = await c.getOccupationRequirements(SOFTWARE_DEVELOPER);
  out.noOccupation = await c.getOccupationRequirements('http://example.org/none');
  out.job = await c.getJobPostingRequirements(id('job'));
  out.noJob = await c.getJobPostingRequirements(id('none'));
  out.occupations = await c.getRequirementsOfOccupations([SOFTWARE_DEVELOPER, ...sampleOccupations]);
  for (const depth of [1, 2, 5]) out[`expand ${depth}`] = await c.expandSkillHierarchy(skills, depth);
  out.requiring = unpackOccupationRows(await c.findOccupationsRequiring(skills, null), skills);
  out.requiring25 = unpackOccupationRows(await c.findOccupationsRequiring(skills, '25'), skills);
  out.names = await c.getCandidateNames(learners);
  out.candidates = evidenceLines(await c.findCandidateEvidence(essentials.slice(0, 12), day(0)));
  // As JSON: the memory source hands out kept courses, whose links are read through a getter.
  out.courses = JSON.parse(
    JSON.stringify(await source.courses.findCoursesTeaching(essentials.slice(0, 12), [id('c1')])),
  ) as unknown;
  return canonical(out) as Record<string, unknown>;
}

/**
 * Compares the memory source with the repositories. Other test processes write into the same
 * database: the memory answers are taken first, so a difference that is only another process's
 * write landing in between is retried after a sync; our own writes must match at once.
 */
async function expectEqualAnswers(): Promise<void> {
  let last: [Record<string, unknown>, Record<string, unknown>] | undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const mem = await answers({ coverage: memory, courses: memory });
    const db = await answers({ coverage: coverageRepo, courses: planningRepo });
    if (JSON.stringify(mem) === JSON.stringify(db)) return;
    last = [mem, db];
    await live.sync();
    await sleep(200);
  }
  expect(last![0]).toEqual(last![1]);
}

async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await server.gql<any>(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data;
}

beforeAll(async () => {
  server = await startTestServer();
  expect(server.config.computeSource).toBe('memory');
  live = server.app.readModel!;
  memory = new MemoryComputeSource(live);
  coverageRepo = new CoverageRepository(server.db.executor);
  planningRepo = new PlanningRepository(server.db.executor);
  const reqs = await server.db.driver.executeQuery(
    `MATCH (:Occupation {uri: $uri})-[r:REQUIRES {relation: 'ESSENTIAL'}]->(s:Skill) RETURN s.uri AS uri ORDER BY uri`,
    { uri: SOFTWARE_DEVELOPER },
  );
  essentials = reqs.records.map((r) => r.get('uri') as string);
  const sample = await server.db.driver.executeQuery(
    `MATCH (s:Skill)-[:BROADER]->(:Skill) WITH s ORDER BY s.uri SKIP 500 LIMIT 8 RETURN collect(s.uri) AS uris`,
  );
  sampleSkills = sample.records[0]!.get('uris') as string[];
  const occupations = await server.db.driver.executeQuery(
    `MATCH (o:Occupation) WITH o ORDER BY o.uri SKIP 100 LIMIT 5 RETURN collect(o.uri) AS uris`,
  );
  sampleOccupations = occupations.records[0]!.get('uris') as string[];
  expect(essentials.length).toBeGreaterThan(12);
  await gql(
    `mutation($p: ProviderInput!, $c1: MicroCredentialInput!, $c2: MicroCredentialInput!, $l1: LearnerInput!, $l2: LearnerInput!) {
      upsertProvider(input: $p) { id }
      a: upsertMicroCredential(input: $c1) { id }
      b: upsertMicroCredential(input: $c2) { id }
      x: createLearner(input: $l1) { id }
      y: createLearner(input: $l2) { id } }`,
    {
      p: { id: id('prov'), name: 'Read Model Academy', country: 'NL' },
      c1: {
        id: id('c1'),
        title: 'Basics',
        providerId: id('prov'),
        workloadHours: 40,
        skills: essentials.slice(0, 6).map((uri) => ({ uri })),
      },
      c2: {
        id: id('c2'),
        title: 'More',
        providerId: id('prov'),
        workloadHours: 20,
        ects: 2,
        prerequisiteSkillUris: [essentials[0]],
        skills: essentials.slice(4, 10).map((uri) => ({ uri })),
      },
      l1: { id: id('l1'), displayName: 'One', declaredSkillUris: [essentials[11]], matchingConsent: true },
      l2: { id: id('l2'), displayName: 'Two' },
    },
  );
  await gql(`mutation($j: JobPostingInput!) { upsertJobPosting(input: $j) { id } }`, {
    j: {
      id: id('job'),
      title: 'Developer',
      occupationUri: SOFTWARE_DEVELOPER,
      requirements: essentials.slice(0, 8).map((uri) => ({ uri, relation: 'ESSENTIAL' })),
    },
  });
});

afterAll(async () => {
  await server?.db.driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
  await server?.close();
});

describe('the memory source equals the database after writes through the API', () => {
  it('after creating credentials, learners and a job posting', async () => {
    expect(live.current.counts().skills).toBeGreaterThan(10_000);
    await expectEqualAnswers();
    // Not vacuous: our entities are in the answers.
    expect((await memory.getCredentialsEvidence([id('c1')]))[0]!.skillUris).toHaveLength(6);
    expect((await memory.getJobPostingRequirements(id('job'))).requirements).toHaveLength(8);
  });

  it('after adding holdings (visible at once on this replica)', async () => {
    await gql(
      `mutation($l: ID!, $c1: ID!, $c2: ID!, $old: LocalDate!, $y: LocalDate!) {
        a: addHolding(learnerId: $l, credentialId: $c1, issuedOn: $old, expiresOn: $y) { id }
        b: addHolding(learnerId: $l, credentialId: $c2, issuedOn: $old, verified: true) { id } }`,
      { l: id('l1'), c1: id('c1'), c2: id('c2'), old: day(-400), y: day(-1) },
    );
    const evidence = await memory.getLearnerEvidence(id('l1'), day(-2));
    expect(evidence.credentials.map((c) => c.id).sort()).toEqual([id('c1'), id('c2')]);
    expect((await memory.getLearnerEvidence(id('l1'), day(0))).credentials.map((c) => c.id)).toEqual([id('c2')]);
    await expectEqualAnswers();
  });

  it('after removing a holding and declaring skills', async () => {
    await gql(`mutation($l: ID!, $c: ID!) { removeHolding(learnerId: $l, credentialId: $c) { id } }`, {
      l: id('l1'),
      c: id('c1'),
    });
    await gql(`mutation($l: ID!, $s: [ID!]!) { declareSkills(learnerId: $l, skillUris: $s) { id } }`, {
      l: id('l2'),
      s: essentials.slice(2, 4),
    });
    expect((await memory.getLearnerEvidence(id('l1'), day(-2))).credentials.map((c) => c.id)).toEqual([id('c2')]);
    expect((await memory.getLearnerEvidence(id('l2'), day(0))).declaredSkillUris.sort()).toEqual(
      essentials.slice(2, 4),
    );
    await expectEqualAnswers();
  });

  it('after toggling matching consent', async () => {
    const before = await memory.findCandidateEvidence(essentials.slice(2, 4), day(0));
    expect(unpackStrings(before.learnerIds)).not.toContain(id('l2'));
    await gql(`mutation($l: ID!) { setMatchingConsent(learnerId: $l, consent: true) { id } }`, { l: id('l2') });
    const after = await memory.findCandidateEvidence(essentials.slice(2, 4), day(0));
    expect(unpackStrings(after.learnerIds)).toContain(id('l2'));
    await expectEqualAnswers();
    await gql(`mutation($l: ID!) { setMatchingConsent(learnerId: $l, consent: false) { id } }`, { l: id('l2') });
    expect(
      unpackStrings((await memory.findCandidateEvidence(essentials.slice(2, 4), day(0))).learnerIds),
    ).not.toContain(id('l2'));
    await expectEqualAnswers();
  });

  it('after changing a posting requirement, creating and deleting a credential', async () => {
    await gql(`mutation($j: JobPostingInput!) { upsertJobPosting(input: $j) { id } }`, {
      j: {
        id: id('job'),
        title: 'Developer',
        occupationUri: SOFTWARE_DEVELOPER,
        requirements: essentials.slice(3, 6).map((uri) => ({ uri, relation: 'OPTIONAL' })),
      },
    });
    expect((await memory.getJobPostingRequirements(id('job'))).requirements).toHaveLength(3);
    await gql(`mutation($c: MicroCredentialInput!) { upsertMicroCredential(input: $c) { id } }`, {
      c: { id: id('c3'), title: 'Third', providerId: id('prov'), skills: [{ uri: essentials[7] }] },
    });
    expect(await memory.getCredentialsEvidence([id('c3')])).toEqual([{ id: id('c3'), skillUris: [essentials[7]] }]);
    await expectEqualAnswers();
    await gql(`mutation($id: ID!) { deleteMicroCredential(id: $id) }`, { id: id('c3') });
    expect(await memory.getCredentialsEvidence([id('c3')])).toEqual([]);
    await expectEqualAnswers();
  });

  it('after deleting a learner, and after a forced full reload', async () => {
    await gql(`mutation($l: ID!) { deleteLearner(learnerId: $l) }`, { l: id('l2') });
    expect((await memory.getLearnerEvidence(id('l2'), day(0))).found).toBe(false);
    await expectEqualAnswers();
    const reloads = live.reloads;
    // A change that cannot be scoped (as an ESCO import ends with) rebuilds the model.
    await server.db.executor.write('read-model/append-change', {
      queries: ['test/full'],
      full: true,
      learnerIds: [],
      credentialIds: [],
      postingIds: [],
      providerIds: [],
    });
    await live.sync();
    expect(live.reloads).toBe(reloads + 1);
    await expectEqualAnswers();
  });
});

describe('skill and occupation records cached across requests', () => {
  it('show an ESCO change once the read model has seen it, on the replica that wrote it at once', async () => {
    const uri = `http://data.europa.eu/esco/skill/${randomUUID()}`;
    const label = randomBytes(4).toString('hex');
    await server.db.driver.executeQuery(`CREATE (:Skill {uri: $uri, preferredLabel: $label, skillType: 'knowledge'})`, {
      uri,
      label: `before ${label}`,
    });
    try {
      const query = `query($uri: ID!) { skill(uri: $uri) { uri preferredLabel } }`;
      expect((await gql(query, { uri })).skill).toEqual({ uri, preferredLabel: `before ${label}` });
      // As an ESCO import does: change the graph, then close with a write that records a full change.
      await server.db.driver.executeQuery(`MATCH (s:Skill {uri: $uri}) SET s.preferredLabel = $label`, {
        uri,
        label: `after ${label}`,
      });
      await server.db.executor.write('esco-import/update-occupation-counts', { uris: [] });
      // No sync here: the next request waits for this process's own change (read-your-writes).
      expect((await gql(query, { uri })).skill).toEqual({ uri, preferredLabel: `after ${label}` });
    } finally {
      await server.db.driver.executeQuery('MATCH (s:Skill {uri: $uri}) DETACH DELETE s', { uri });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { TEST_SKILLS } from '../support/signed-badges';

// An ESCO v1.1.1 occupation requiring both test skills.
const OCCUPATION = 'http://data.europa.eu/esco/occupation/fbceeac6-798b-4307-a825-626707a753ad';
let server: TestServer;
const prefix = uniquePrefix('ctdl');
const provider = `${prefix}-school`;

beforeAll(async () => {
  server = await startTestServer();
  const p = await server.gql(`mutation($p: ProviderInput!) { upsertProvider(input: $p) { id } }`, {
    p: { id: provider, name: 'Pathway School' },
  });
  expect(p.errors).toBeUndefined();
  const courses = [
    { id: `${prefix}-first`, skills: [TEST_SKILLS[0]], prerequisites: [] },
    { id: `${prefix}-second`, skills: [TEST_SKILLS[1]], prerequisites: [TEST_SKILLS[0]] },
  ];
  for (const c of courses) {
    const r = await server.gql(`mutation($c: MicroCredentialInput!) { upsertMicroCredential(input: $c) { id } }`, {
      c: {
        id: c.id,
        title: `Course ${c.id}`,
        providerId: provider,
        workloadHours: 20,
        ects: 1,
        languages: ['en'],
        skills: c.skills.map((uri) => ({ uri })),
        prerequisiteSkillUris: c.prerequisites,
      },
    });
    expect(r.errors).toBeUndefined();
  }
});
afterAll(async () => {
  await server?.db.driver.executeQuery(
    `MATCH (n) WHERE (n:MicroCredential OR n:Provider) AND n.id STARTS WITH $prefix DETACH DELETE n`,
    { prefix },
  );
  await server?.close();
});

describe('LearningPlan.ctdlPathway', () => {
  it('exports the plan of recommendCourses as a CTDL Pathway towards the ESCO occupation', async () => {
    const res = await server.gql<{
      recommendCourses: {
        steps: { credential: { id: string } }[];
        ctdlPathway: { '@context': string; '@graph': Record<string, any>[] };
      };
    }>(
      `query($o: ID!, $p: [ID!]) { recommendCourses(subject: { skillUris: [] }, target: { occupationUri: $o }, scope: ESSENTIAL_AND_OPTIONAL, constraints: { providerIds: $p }) {
        steps { credential { id } } ctdlPathway } }`,
      { o: OCCUPATION, p: [provider] },
    );
    expect(res.errors).toBeUndefined();
    const plan = res.data.recommendCourses;
    expect(plan.steps.map((s) => s.credential.id)).toEqual([`${prefix}-first`, `${prefix}-second`]);
    const graph = plan.ctdlPathway['@graph'];
    expect(graph.map((n) => n['@type'])).toEqual([
      'ceterms:Pathway',
      'ceterms:CourseComponent',
      'ceterms:CourseComponent',
      'ceterms:JobComponent',
    ]);
    const [pathway, first, second, job] = graph;
    expect(first!['ceterms:name'].en).toBe(`Course ${prefix}-first`);
    expect(first!['ceterms:precedes']).toEqual([second!['@id']]);
    expect(second!['ceterms:precedes']).toEqual([job!['@id']]);
    expect(pathway!['ceterms:hasDestinationComponent']).toEqual([job!['@id']]);
    expect(job!['ceterms:sourceData']).toBe(OCCUPATION);
    expect(job!['ceterms:occupationType'][0]).toMatchObject({ 'ceterms:targetNode': OCCUPATION });
    expect(first!['ceterms:offeredBy'][0]['ceterms:name'].en).toBe('Pathway School');
  });
});

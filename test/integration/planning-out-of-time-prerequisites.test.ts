/**
 * A plan whose share of time for following prerequisites is spent (`PLAN_PREREQUISITE_TIME_PERCENT`,
 * here 0 so that it always is) goes to the workers with the courses it gathered, and claims
 * nothing about the prerequisites nobody looked for: the course needing one is left out as
 * `prerequisites-not-followed`, the gap skill only it teaches is uncovered but not uncoverable,
 * and the plan is not proven optimal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

let server: TestServer;
const prefix = uniquePrefix('out-of-time');
let g0: string;
let g1: string;
let p0: string;

async function upsertCourse(id: string, hours: number, skills: string[], prerequisites: string[]) {
  const r = await server.gql<any>(`mutation($c: MicroCredentialInput!) { upsertMicroCredential(input: $c) { id } }`, {
    c: {
      id: `${prefix}-${id}`,
      title: `Course ${id}`,
      providerId: `${prefix}-school`,
      workloadHours: hours,
      languages: ['en'],
      skills: skills.map((uri) => ({ uri })),
      prerequisiteSkillUris: prerequisites,
    },
  });
  expect(r.errors).toBeUndefined();
}

beforeAll(async () => {
  server = await startTestServer({ PLAN_PREREQUISITE_TIME_PERCENT: '0' });
  const res = await server.db.driver.executeQuery(
    `MATCH (s:Skill) WHERE NOT EXISTS { (s)-[:BROADER]-() } RETURN s.uri AS uri ORDER BY uri SKIP 40 LIMIT 3`,
    {},
  );
  [g0, g1, p0] = res.records.map((r) => r.get('uri') as string) as [string, string, string];
  const provider = await server.gql<any>(`mutation($p: ProviderInput!) { upsertProvider(input: $p) { id } }`, {
    p: { id: `${prefix}-school`, name: 'Out of Time School' },
  });
  expect(provider.errors).toBeUndefined();
  // `both` covers the whole gap once p0 is held; `teacher` teaches p0; `first` covers g0 alone.
  await upsertCourse('both', 5, [g0, g1], [p0]);
  await upsertCourse('teacher', 2, [p0], []);
  await upsertCourse('first', 3, [g0], []);
  const job = await server.gql<any>(`mutation($j: JobPostingInput!) { upsertJobPosting(input: $j) { id } }`, {
    j: {
      id: `${prefix}-job`,
      title: 'Two skills',
      occupationUri: SOFTWARE_DEVELOPER,
      requirements: [g0, g1].map((uri) => ({ uri, relation: 'ESSENTIAL' })),
    },
  });
  expect(job.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

const PLAN = `query($s: SubjectInput!) {
  recommendCourses(subject: $s, target: { jobPostingId: "${prefix}-job" }, constraints: { providerIds: ["${prefix}-school"] }) {
    status optimal lowerBound objectiveValue explanation steps { credential { id } }
    excluded { credentialId reason } uncoverable { uri } uncoveredWithinBudget { uri } } }`;

describe('prerequisites not followed in time', () => {
  it('leaves out the course needing them as not followed, not unattainable, and claims no optimum', async () => {
    const res = await server.gql<any>(PLAN, { s: { skillUris: [] } });
    expect(res.errors).toBeUndefined();
    const plan = res.data.recommendCourses;
    expect(plan.steps.map((s: any) => s.credential.id)).toEqual([`${prefix}-first`]);
    expect(plan.excluded).toEqual([{ credentialId: `${prefix}-both`, reason: 'prerequisites-not-followed' }]);
    expect(plan.uncoverable).toEqual([]);
    expect(plan.uncoveredWithinBudget).toEqual([{ uri: g1 }]);
    expect(plan.status).toBe('PARTIAL_WITHIN_BUDGET');
    expect(plan.optimal).toBe(false);
    expect(plan.lowerBound).toBe(0);
    expect(plan.explanation).toMatch(/not proven optimal/);
  });

  it('plans as usual when the prerequisite is held: nothing was left to follow', async () => {
    const res = await server.gql<any>(PLAN, { s: { skillUris: [p0] } });
    expect(res.errors).toBeUndefined();
    const plan = res.data.recommendCourses;
    expect(plan.steps.map((s: any) => s.credential.id)).toEqual([`${prefix}-both`]);
    expect(plan.excluded).toEqual([]);
    expect(plan.optimal).toBe(true);
    expect(plan.objectiveValue).toBe(5);
  });
});

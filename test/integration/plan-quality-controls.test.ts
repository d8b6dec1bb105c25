/**
 * Plan quality controls through the API: minConfidence for MAPPED links, the source text of a
 * mapped link on TaughtSkill, exclusions named in the explanation, and the orders of
 * reskillingPaths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

let server: TestServer;
const prefix = uniquePrefix('planquality');
const provider = `${prefix}-prov`;
let skills: string[];

beforeAll(async () => {
  server = await startTestServer();
  const res = await server.db.driver.executeQuery(
    `MATCH (o:Occupation {uri: $uri})-[:REQUIRES {relation: 'ESSENTIAL'}]->(s:Skill)
     WHERE NOT EXISTS { (s)-[:BROADER]-() } RETURN s.uri AS uri ORDER BY uri LIMIT 3`,
    { uri: SOFTWARE_DEVELOPER },
  );
  skills = res.records.map((r) => r.get('uri') as string);
  expect(skills).toHaveLength(3);
  const setup = await server.gql<any>(`mutation($p: ProviderInput!) { upsertProvider(input: $p) { id } }`, {
    p: { id: provider, name: 'Quality School' },
  });
  expect(setup.errors).toBeUndefined();
  const courses = [
    // Cheap, but linked to skill 0 only by a weak mapping.
    {
      id: 'mapped',
      hours: 2,
      languages: ['en'],
      skills: [{ uri: skills[0], source: 'MAPPED', confidence: 0.5, sourceText: 'SQL basics tag' }],
    },
    { id: 'declared', hours: 20, languages: ['en'], skills: [{ uri: skills[0] }] },
    // No duration: unusable under HOURS.
    { id: 'nohours', hours: null, languages: ['en'], skills: [{ uri: skills[1] }] },
    { id: 'german', hours: 5, languages: ['de'], skills: [{ uri: skills[2] }] },
  ];
  for (const c of courses) {
    const r = await server.gql<any>(`mutation($c: MicroCredentialInput!) { upsertMicroCredential(input: $c) { id } }`, {
      c: {
        id: `${prefix}-${c.id}`,
        title: `Course ${c.id}`,
        providerId: provider,
        workloadHours: c.hours,
        languages: c.languages,
        participationForm: 'ONLINE',
        skills: c.skills,
      },
    });
    expect(r.errors).toBeUndefined();
  }
  const job = await server.gql<any>(`mutation($j: JobPostingInput!) { upsertJobPosting(input: $j) { id } }`, {
    j: {
      id: `${prefix}-job`,
      title: 'Quality job',
      occupationUri: SOFTWARE_DEVELOPER,
      requirements: skills.map((uri) => ({ uri, relation: 'ESSENTIAL' })),
    },
  });
  expect(job.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

const PLAN = `query($c: PlanConstraintsInput) {
  recommendCourses(subject: { skillUris: [] }, target: { jobPostingId: "${'$JOB'}" }, objective: HOURS, constraints: $c) {
    status explanation steps { credential { id } } uncoverable { uri } excluded { credentialId reason } } }`;
const plan = (constraints: Record<string, unknown>) =>
  server.gql<any>(PLAN.replace('$JOB', `${prefix}-job`), { c: { providerIds: [provider], ...constraints } });
const stepIds = (res: any) => res.data.recommendCourses.steps.map((s: any) => s.credential.id);

describe('minConfidence', () => {
  it('by default every mapped link counts: the cheap weakly mapped course is planned', async () => {
    const res = await plan({});
    // The codes and messages, so a failure says what the server answered.
    expect(res.errors?.map((e: any) => `${e.extensions?.code}: ${e.message}`)).toBeUndefined();
    expect(stepIds(res)).toContain(`${prefix}-mapped`);
    expect(stepIds(res)).not.toContain(`${prefix}-declared`);
  });
  it('a mapped link below minConfidence is ignored: the declared course is planned instead', async () => {
    const res = await plan({ minConfidence: 0.6 });
    expect(res.errors).toBeUndefined();
    expect(stepIds(res)).toContain(`${prefix}-declared`);
    expect(stepIds(res)).not.toContain(`${prefix}-mapped`);
  });
  it('refuses a minConfidence outside [0, 1]', async () => {
    const res = await plan({ minConfidence: 1.5 });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/minConfidence/);
  });
});

describe('TaughtSkill', () => {
  it('shows the source text of a mapped link, and null for a declared one', async () => {
    const res = await server.gql<any>(
      `query($a: ID!, $b: ID!) {
      a: microCredential(id: $a) { skills { source confidence sourceText } }
      b: microCredential(id: $b) { skills { source sourceText } } }`,
      { a: `${prefix}-mapped`, b: `${prefix}-declared` },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.a.skills).toEqual([{ source: 'MAPPED', confidence: 0.5, sourceText: 'SQL basics tag' }]);
    expect(res.data.b.skills).toEqual([{ source: 'DECLARED', sourceText: null }]);
  });
});

describe('explanation names exclusions', () => {
  it('when gap skills stay uncovered, it says how many courses each constraint excluded', async () => {
    const res = await plan({ languages: ['en'], minConfidence: 0.6 });
    expect(res.errors).toBeUndefined();
    const p = res.data.recommendCourses;
    expect(p.uncoverable.map((s: any) => s.uri).sort()).toEqual([skills[1], skills[2]].sort());
    expect(p.explanation).toContain('1 course excluded: duration unknown');
    expect(p.explanation).toContain('1 course excluded: not taught in a requested language');
    expect(p.explanation).toContain('1 course excluded: skills mapped below minConfidence');
  });
  it('when the plan covers the gap, exclusions are not listed', async () => {
    const res = await server.gql<any>(
      `query($c: PlanConstraintsInput) {
      recommendCourses(subject: { skillUris: [] }, target: { jobPostingId: "${prefix}-job" }, objective: COUNT, constraints: $c) { status uncoverable { uri } explanation } }`,
      { c: { providerIds: [provider] } },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.recommendCourses).toMatchObject({ status: 'PLANNED', uncoverable: [] });
    expect(res.data.recommendCourses.explanation).not.toContain('excluded');
  });
});

describe('reskillingPaths order', () => {
  const PATHS = `query($o: ReskillingOrder) { reskillingPaths(subject: { skillUris: ["${'$S'}"] }, first: 10, candidates: 15, order: $o) {
    occupation { uri } reachesFullCoverage currentCoverage { score } plan { objectiveValue totalHours coverageAfter { score } } } }`;
  const paths = (order: string) => server.gql<any>(PATHS.replace('$S', skills[0]!), { o: order });

  it('HIGHEST_COVERAGE lists options by the score reached after the plan, highest first', async () => {
    const res = await paths('HIGHEST_COVERAGE');
    expect(res.errors).toBeUndefined();
    const after = res.data.reskillingPaths.map((o: any) => o.plan.coverageAfter.score);
    expect(after.length).toBeGreaterThan(1);
    for (let i = 1; i < after.length; i += 1) expect(after[i]).toBeLessThanOrEqual(after[i - 1] + 1e-12);
  });
  it('MOST_GAIN_PER_HOUR lists options by score gained per hour, highest first', async () => {
    const res = await paths('MOST_GAIN_PER_HOUR');
    expect(res.errors).toBeUndefined();
    const options = res.data.reskillingPaths;
    const rate = (o: any) =>
      o.plan.totalHours === null
        ? -1
        : o.plan.totalHours === 0
          ? o.plan.coverageAfter.score > o.currentCoverage.score
            ? Infinity
            : 0
          : (o.plan.coverageAfter.score - o.currentCoverage.score) / o.plan.totalHours;
    for (let i = 1; i < options.length; i += 1)
      expect(rate(options[i])).toBeLessThanOrEqual(rate(options[i - 1]) + 1e-12);
  });
  it('CHEAPEST_PLAN is the default order', async () => {
    const [byDefault, cheapest] = await Promise.all([
      server.gql<any>(PATHS.replace('$S', skills[0]!), {}),
      paths('CHEAPEST_PLAN'),
    ]);
    expect(byDefault.errors).toBeUndefined();
    expect(byDefault.data.reskillingPaths.map((o: any) => o.occupation.uri)).toEqual(
      cheapest.data.reskillingPaths.map((o: any) => o.occupation.uri),
    );
  });
});

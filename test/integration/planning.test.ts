/**
 * Course planning through the API on small catalogs, checked against brute-force enumeration
 * written here independently of the planner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

let server: TestServer;
const prefix = uniquePrefix('planning');
const provider = `${prefix}-prov`;
let skills: string[];

interface Course {
  id: string;
  hours: number;
  price: number;
  ects: number;
  teaches: number[];
  prereq: number[];
}
const catalog: Course[] = [
  { id: 'a', hours: 10, price: 300, ects: 1, teaches: [0, 1], prereq: [] },
  { id: 'b', hours: 4, price: 500, ects: 2, teaches: [1, 2], prereq: [] },
  { id: 'c', hours: 6, price: 100, ects: 1, teaches: [2, 3], prereq: [5] },
  { id: 'd', hours: 12, price: 90, ects: 3, teaches: [0, 3, 4], prereq: [] },
  { id: 'e', hours: 3, price: 50, ects: 1, teaches: [4], prereq: [] },
  { id: 'f', hours: 2, price: 40, ects: 1, teaches: [5], prereq: [] },
];
const GAP = [0, 1, 2, 3, 4];

/** Enumerates every subset: cheapest full cover of GAP whose prerequisites are taught inside it. */
function bruteForce(cost: (c: Course) => number, budget?: { hours?: number; count?: number }) {
  let best: { value: number; covered: number } | null = null;
  for (let mask = 0; mask < 1 << catalog.length; mask += 1) {
    const chosen = catalog.filter((_, i) => mask & (1 << i));
    const taught = new Set(chosen.flatMap((c) => c.teaches));
    if (!chosen.every((c) => c.prereq.every((p) => taught.has(p)))) continue;
    if (budget?.hours !== undefined && chosen.reduce((s, c) => s + c.hours, 0) > budget.hours) continue;
    if (budget?.count !== undefined && chosen.length > budget.count) continue;
    const covered = GAP.filter((g) => taught.has(g)).length;
    const value = chosen.reduce((s, c) => s + cost(c), 0);
    if (!best || covered > best.covered || (covered === best.covered && value < best.value - 1e-9))
      best = { value, covered };
  }
  return best!;
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await server.db.driver.executeQuery(
    `MATCH (o:Occupation {uri: $uri})-[:REQUIRES {relation: 'ESSENTIAL'}]->(s:Skill)
     WHERE NOT EXISTS { (s)-[:BROADER]-() } RETURN s.uri AS uri ORDER BY uri LIMIT 6`,
    { uri: SOFTWARE_DEVELOPER },
  );
  skills = res.records.map((r) => r.get('uri') as string);
  expect(skills).toHaveLength(6);
  const setup = await server.gql<any>(`mutation($p: ProviderInput!) { upsertProvider(input: $p) { id } }`, {
    p: { id: provider, name: 'Plan School' },
  });
  expect(setup.errors).toBeUndefined();
  for (const c of catalog) {
    const r = await server.gql<any>(`mutation($c: MicroCredentialInput!) { upsertMicroCredential(input: $c) { id } }`, {
      c: {
        id: `${prefix}-${c.id}`,
        title: `Course ${c.id}`,
        providerId: provider,
        workloadHours: c.hours,
        ects: c.ects,
        price: { amount: c.price, currency: 'EUR' },
        languages: ['en'],
        participationForm: 'ONLINE',
        skills: c.teaches.map((i) => ({ uri: skills[i] })),
        prerequisiteSkillUris: c.prereq.map((i) => skills[i]),
      },
    });
    expect(r.errors).toBeUndefined();
  }
  const job = await server.gql<any>(`mutation($j: JobPostingInput!) { upsertJobPosting(input: $j) { id } }`, {
    j: {
      id: `${prefix}-job`,
      title: 'Plan job',
      occupationUri: SOFTWARE_DEVELOPER,
      requirements: GAP.map((i) => ({ uri: skills[i], relation: 'ESSENTIAL' })),
    },
  });
  expect(job.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

const PLAN = `query($o: PlanObjective!, $c: PlanConstraintsInput, $s: SubjectInput!, $t: TargetInput!) {
  recommendCourses(subject: $s, target: $t, objective: $o, constraints: $c) {
    objectiveValue optimal lowerBound solver status totalHours totalPrice
    steps { order credential { id } newlyCovered { uri } essentialCoverageAfter }
    coverageBefore { essentialCoverage } coverageAfter { essentialCoverage } uncoverable { uri } uncoveredWithinBudget { uri } } }`;

function plan(
  objective: string,
  extra: Record<string, unknown> = {},
  subject: Record<string, unknown> = { skillUris: [] },
) {
  return server.gql<any>(PLAN, {
    o: objective,
    s: subject,
    t: { jobPostingId: `${prefix}-job` },
    c: { providerIds: [provider], ...extra },
  });
}

describe('recommendCourses equals enumeration on a small catalog', () => {
  const costs: Record<string, (c: Course) => number> = {
    HOURS: (c) => c.hours,
    PRICE: (c) => c.price,
    ECTS: (c) => c.ects,
    COUNT: () => 1,
  };
  for (const objective of Object.keys(costs)) {
    it(`objective ${objective}, with prerequisites`, async () => {
      const res = await plan(objective);
      expect(res.errors).toBeUndefined();
      const p = res.data.recommendCourses;
      const expected = bruteForce(costs[objective]!);
      expect(expected.covered).toBe(GAP.length);
      expect(p.optimal).toBe(true);
      expect(p.objectiveValue).toBeCloseTo(expected.value, 9);
      expect(p.lowerBound).toBeLessThanOrEqual(p.objectiveValue + 1e-9);
      expect(p.coverageAfter.essentialCoverage).toBe(1);
      // Steps respect prerequisites: a course needing skill 5 comes after one teaching it.
      const order = p.steps.map((s: any) => s.credential.id.slice(prefix.length + 1));
      if (order.includes('c')) expect(order.indexOf('f')).toBeLessThan(order.indexOf('c'));
      const after = p.steps.map((s: any) => s.essentialCoverageAfter);
      expect([...after].sort((a, b) => a - b)).toEqual(after);
    });
  }

  it('a budget that prevents full cover gives maximum coverage within it, cheapest first', async () => {
    const res = await plan('HOURS', { maxTotalHours: 9 });
    const p = res.data.recommendCourses;
    const expected = bruteForce((c) => c.hours, { hours: 9 });
    expect(expected.covered).toBeLessThan(GAP.length);
    expect(p.status).toBe('PARTIAL_WITHIN_BUDGET');
    expect(GAP.length - p.uncoveredWithinBudget.length).toBe(expected.covered);
    expect(p.totalHours).toBeLessThanOrEqual(9);
    expect(p.objectiveValue).toBeCloseTo(expected.value, 9);
    const count = await plan('PRICE', { maxCourses: 1 });
    const expectedCount = bruteForce((c) => c.price, { count: 1 });
    expect(count.data.recommendCourses.steps).toHaveLength(1);
    expect(GAP.length - count.data.recommendCourses.uncoveredWithinBudget.length).toBe(expectedCount.covered);
  });

  it('a subject already holding the skills has no gap; a negative budget is refused', async () => {
    const done = await plan('HOURS', {}, { skillUris: GAP.map((i) => skills[i]) });
    expect(done.data.recommendCourses).toMatchObject({ status: 'NO_GAP', steps: [], objectiveValue: 0 });
    const bad = await plan('HOURS', { maxTotalHours: -1 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/maxTotalHours/);
  });

  it('nextCourses ranks by gain per hour; reskillingPaths sorts options by plan cost', async () => {
    const next = await server.gql<any>(
      `query($s: SubjectInput!, $t: TargetInput!, $c: PlanConstraintsInput) {
      nextCourses(subject: $s, target: $t, first: 6, constraints: $c) { credential { id } coverageGain cost gainPerCost } }`,
      { s: { skillUris: [] }, t: { jobPostingId: `${prefix}-job` }, c: { providerIds: [provider] } },
    );
    expect(next.errors).toBeUndefined();
    const ratios = next.data.nextCourses.map((n: any) => n.gainPerCost);
    expect([...ratios].sort((a: number, b: number) => b - a)).toEqual(ratios);
    // b: 3 gap skills... computed here: gain/cost for each course teaching gap skills.
    const expectedTop = catalog
      .filter((c) => c.teaches.some((t) => GAP.includes(t)))
      .map((c) => ({ id: c.id, r: c.teaches.filter((t) => GAP.includes(t)).length / c.hours }))
      .sort((x, y) => y.r - x.r)[0]!;
    expect(next.data.nextCourses[0].credential.id).toBe(`${prefix}-${expectedTop.id}`);
    const paths = await server.gql<any>(
      `query($s: SubjectInput!) { reskillingPaths(subject: $s, first: 5, candidates: 10) {
      occupation { uri } reachesFullCoverage plan { objectiveValue } currentCoverage { score } } }`,
      { s: { skillUris: [skills[0], skills[1]] } },
    );
    expect(paths.errors).toBeUndefined();
    // Every candidate planned in time: no warning.
    expect(paths.extensions?.warnings).toBeUndefined();
    const options = paths.data.reskillingPaths;
    expect(options.length).toBeGreaterThan(0);
    for (let i = 1; i < options.length; i += 1) {
      if (options[i].reachesFullCoverage === options[i - 1].reachesFullCoverage) {
        expect(options[i].plan.objectiveValue).toBeGreaterThanOrEqual(options[i - 1].plan.objectiveValue - 1e-9);
      }
    }
  });
});

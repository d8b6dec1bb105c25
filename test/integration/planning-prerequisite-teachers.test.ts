/**
 * The planner follows prerequisites only through courses no equal offer makes redundant (issue
 * #12: following every teacher reached half of a 100,000-course catalogue per plan). Checked
 * through the API on random layered catalogues, against brute-force enumeration over every
 * course written here independently of the planner: the plans stay optimal.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { taughtInSomeOrder } from '../support/orderable-selection';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

let server: TestServer;
const prefix = uniquePrefix('prereq-teachers');
/** Skill names: gap skills g*, first-level prerequisites p*, second-level q*, x taught but never needed. */
const NAMES = ['g0', 'g1', 'g2', 'p0', 'p1', 'p2', 'q0', 'q1', 'x'] as const;
type Name = (typeof NAMES)[number];
const GAP: Name[] = ['g0', 'g1', 'g2'];
let uriOf: Map<Name, string>;

interface Course {
  readonly id: string;
  readonly hours: number;
  readonly price: number;
  readonly teaches: Name[];
  readonly prereq: Name[];
}

/** A small deterministic generator (mulberry32), so a failing catalogue can be rebuilt. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[], n: number) => [...list].sort(() => next() - 0.5).slice(0, n);
  return { int, pick, chance: (p: number) => next() < p };
}

/**
 * Three layers: courses covering the gap (some needing a p skill), teachers of p skills (some
 * needing a q skill, many with the same offer), teachers of q skills.
 */
function catalogue(seed: number): Course[] {
  const r = random(seed);
  const courses: Course[] = [];
  const add = (teaches: Name[], prereq: Name[]) =>
    courses.push({ id: `s${seed}-${courses.length}`, hours: r.int(1, 9), price: r.int(10, 90), teaches, prereq });
  for (let i = 0; i < 4; i += 1) add(r.pick(GAP, r.int(1, 2)), r.chance(0.7) ? r.pick(['p0', 'p1', 'p2'], 1) : []);
  for (let i = 0; i < 6; i += 1)
    add(
      [...r.pick<Name>(['p0', 'p1', 'p2'], r.int(1, 2)), ...(r.chance(0.4) ? (['x'] as Name[]) : [])],
      r.chance(0.5) ? r.pick(['q0', 'q1'], 1) : [],
    );
  for (let i = 0; i < 2; i += 1) add(r.pick(['q0', 'q1'], 1), []);
  return courses;
}

/** Most gap skills covered, then the cheapest, over every subset some order makes takeable. */
function bruteForce(courses: readonly Course[], cost: (c: Course) => number, maxHours?: number) {
  let best = { covered: 0, value: 0 };
  for (let mask = 0; mask < 1 << courses.length; mask += 1) {
    const chosen = courses.filter((_, i) => mask & (1 << i));
    const taught = taughtInSomeOrder(chosen.map((c) => ({ teaches: c.teaches, prerequisites: c.prereq })));
    if (taught === null) continue;
    if (maxHours !== undefined && chosen.reduce((s, c) => s + c.hours, 0) > maxHours) continue;
    const covered = GAP.filter((g) => taught.has(g)).length;
    const value = chosen.reduce((s, c) => s + cost(c), 0);
    if (covered > best.covered || (covered === best.covered && value < best.value)) best = { covered, value };
  }
  return best;
}

const SEEDS = [1, 2, 3, 4, 5, 6];

async function upsert(providerId: string, c: Course, title = `Course ${c.id}`) {
  const r = await server.gql<any>(`mutation($c: MicroCredentialInput!) { upsertMicroCredential(input: $c) { id } }`, {
    c: {
      id: `${prefix}-${c.id}`,
      title,
      providerId,
      workloadHours: c.hours,
      price: { amount: c.price, currency: 'EUR' },
      languages: ['en'],
      participationForm: 'ONLINE',
      skills: c.teaches.map((name) => ({ uri: uriOf.get(name) })),
      prerequisiteSkillUris: c.prereq.map((name) => uriOf.get(name)),
    },
  });
  expect(r.errors).toBeUndefined();
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await server.db.driver.executeQuery(
    `MATCH (o:Occupation {uri: $uri})-[:REQUIRES {relation: 'ESSENTIAL'}]->(s:Skill)
     WHERE NOT EXISTS { (s)-[:BROADER]-() } RETURN s.uri AS uri ORDER BY uri LIMIT $n`,
    { uri: SOFTWARE_DEVELOPER, n: neo4j.int(NAMES.length) },
  );
  const uris = res.records.map((r) => r.get('uri') as string);
  if (uris.length < NAMES.length) {
    // Not enough unrelated essentials: any skills without hierarchy links do.
    const more = await server.db.driver.executeQuery(
      `MATCH (s:Skill) WHERE NOT EXISTS { (s)-[:BROADER]-() } AND NOT s.uri IN $have
       RETURN s.uri AS uri ORDER BY uri LIMIT $n`,
      { have: uris, n: neo4j.int(NAMES.length - uris.length) },
    );
    uris.push(...more.records.map((r) => r.get('uri') as string));
  }
  uriOf = new Map(NAMES.map((name, i) => [name, uris[i]!]));
  for (const seed of SEEDS) {
    const providerId = `${prefix}-prov${seed}`;
    const p = await server.gql<any>(`mutation($p: ProviderInput!) { upsertProvider(input: $p) { id } }`, {
      p: { id: providerId, name: `School ${seed}` },
    });
    expect(p.errors).toBeUndefined();
    for (const c of catalogue(seed)) await upsert(providerId, c);
  }
  const job = await server.gql<any>(`mutation($j: JobPostingInput!) { upsertJobPosting(input: $j) { id } }`, {
    j: {
      id: `${prefix}-job`,
      title: 'Layered job',
      occupationUri: SOFTWARE_DEVELOPER,
      requirements: GAP.map((name) => ({ uri: uriOf.get(name), relation: 'ESSENTIAL' })),
    },
  });
  expect(job.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

const PLAN = `query($o: PlanObjective!, $c: PlanConstraintsInput) {
  recommendCourses(subject: { skillUris: [] }, target: { jobPostingId: "${prefix}-job" }, objective: $o, constraints: $c) {
    objectiveValue optimal steps { newlyCovered { uri } credential { id } }
    excluded { credentialId reason } } }`;

describe('prerequisites followed through non-redundant teachers only', () => {
  for (const seed of SEEDS) {
    it(`catalogue ${seed}: optimal under HOURS, and under PRICE within an hours budget`, async () => {
      const courses = catalogue(seed);
      for (const [objective, cost, maxHours] of [
        ['HOURS', (c: Course) => c.hours, undefined],
        ['PRICE', (c: Course) => c.price, 12],
      ] as const) {
        const res = await server.gql<any>(PLAN, {
          o: objective,
          c: { providerIds: [`${prefix}-prov${seed}`], ...(maxHours === undefined ? {} : { maxTotalHours: maxHours }) },
        });
        expect(res.errors).toBeUndefined();
        const plan = res.data.recommendCourses;
        const expected = bruteForce(courses, cost, maxHours);
        const covered = plan.steps.flatMap((s: any) => s.newlyCovered).length;
        expect({ covered, value: plan.objectiveValue }).toEqual(expected);
        expect(plan.optimal).toBe(true);
      }
    });
  }

  it('does not follow the prerequisites of a teacher an equal, cheaper offer makes redundant', async () => {
    const providerId = `${prefix}-redundant`;
    const p = await server.gql<any>(`mutation($p: ProviderInput!) { upsertProvider(input: $p) { id } }`, {
      p: { id: providerId, name: 'Redundant School' },
    });
    expect(p.errors).toBeUndefined();
    // r-cover needs p0; r-cheap and r-dear teach p0 (same offer), and only r-dear needs q1, which
    // r-unknown teaches without stating its duration (so a plan by hours leaves it out).
    await upsert(providerId, { id: 'r-cover', hours: 5, price: 50, teaches: ['g0', 'g1', 'g2'], prereq: ['p0'] });
    await upsert(providerId, { id: 'r-cheap', hours: 2, price: 20, teaches: ['p0'], prereq: [] });
    await upsert(providerId, { id: 'r-dear', hours: 8, price: 80, teaches: ['p0'], prereq: ['q1'] });
    const unknown = await server.gql<any>(
      `mutation($c: MicroCredentialInput!) { upsertMicroCredential(input: $c) { id } }`,
      {
        c: {
          id: `${prefix}-r-unknown`,
          title: 'No duration',
          providerId,
          languages: ['en'],
          skills: [{ uri: uriOf.get('q1') }],
        },
      },
    );
    expect(unknown.errors).toBeUndefined();
    const res = await server.gql<any>(PLAN, { o: 'HOURS', c: { providerIds: [providerId] } });
    expect(res.errors).toBeUndefined();
    const plan = res.data.recommendCourses;
    expect(plan.objectiveValue).toBe(7);
    expect(plan.steps.map((s: any) => s.credential.id)).toEqual([`${prefix}-r-cheap`, `${prefix}-r-cover`]);
    // Had r-dear been followed, its prerequisite's teacher would be a candidate, reported excluded.
    expect(plan.excluded.map((e: any) => e.credentialId)).not.toContain(`${prefix}-r-unknown`);
    // Made the cheaper of the two, r-dear is followed and the teacher of q1 is considered.
    await upsert(providerId, { id: 'r-dear', hours: 1, price: 80, teaches: ['p0'], prereq: ['q1'] });
    const again = (await server.gql<any>(PLAN, { o: 'HOURS', c: { providerIds: [providerId] } })).data.recommendCourses;
    expect(again.excluded).toContainEqual({ credentialId: `${prefix}-r-unknown`, reason: 'duration-unknown' });
    expect(again.objectiveValue).toBe(7);
  });

  it('nextCourses flags the prerequisites the subject lacks, without following who teaches them', async () => {
    // The catalogue of the test above.
    const providerId = `${prefix}-redundant`;
    const NEXT = `query($s: SubjectInput!, $c: PlanConstraintsInput) {
      nextCourses(subject: $s, target: { jobPostingId: "${prefix}-job" }, first: 5, constraints: $c) {
        credential { id } missingPrerequisites { uri } } }`;
    const lacking = await server.gql<any>(NEXT, { s: { skillUris: [] }, c: { providerIds: [providerId] } });
    expect(lacking.errors).toBeUndefined();
    expect(lacking.data.nextCourses).toEqual([
      { credential: { id: `${prefix}-r-cover` }, missingPrerequisites: [{ uri: uriOf.get('p0') }] },
    ]);
    const holding = await server.gql<any>(NEXT, {
      s: { skillUris: [uriOf.get('p0')] },
      c: { providerIds: [providerId] },
    });
    expect(holding.data.nextCourses).toEqual([{ credential: { id: `${prefix}-r-cover` }, missingPrerequisites: [] }]);
  });
});

/**
 * Issue #18.5: plans added up prices in different currencies. A 100 EUR course and two 5,000 JPY
 * courses were compared as 100 against 10,000; `maxTotalPrice` summed across currencies; the
 * answer named no currency. Prices are now converted into the plan's currency with the dated
 * rate table, and a price in a currency without a rate keeps its course out, named.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
// The shipped table is data, read here to derive the expected figures by hand.
const TABLE = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../seed/price-rates/eur-reference-rates.json'), 'utf8'),
);
const JPY_PER_EUR: number = TABLE.rates.JPY;

let server: TestServer;
const prefix = uniquePrefix('plancur');
const provider = `${prefix}-prov`;
let skills: string[];

// both: 100 EUR covering both gap skills; jp0/jp1: 5,000 JPY each covering one (about 31 EUR);
// odd: 1 unit of a currency the table lacks, covering one.
const COURSES = [
  { id: 'both', price: { amount: 100, currency: 'EUR' }, teaches: [0, 1] },
  { id: 'jp0', price: { amount: 5000, currency: 'JPY' }, teaches: [0] },
  { id: 'jp1', price: { amount: 5000, currency: 'JPY' }, teaches: [1] },
  { id: 'odd', price: { amount: 1, currency: 'XTS' }, teaches: [0] },
];

const PLAN = `query($c: PlanConstraintsInput, $cur: String!) {
  recommendCourses(subject: { skillUris: [] }, target: { jobPostingId: "JOB" }, objective: PRICE, constraints: $c, currency: $cur) {
    status objectiveValue totalPrice currency ratesDate optimal explanation
    steps { credential { id } } excluded { credentialId reason } } }`;

function plan(currency: string, constraints: Record<string, unknown> = {}) {
  return server.gql<any>(PLAN.replace('JOB', `${prefix}-job`), {
    cur: currency,
    c: { providerIds: [provider], ...constraints },
  });
}
const chosen = (p: any) => p.steps.map((s: any) => s.credential.id.slice(prefix.length + 1)).sort();

beforeAll(async () => {
  server = await startTestServer();
  const res = await server.db.driver.executeQuery(
    `MATCH (o:Occupation {uri: $uri})-[:REQUIRES {relation: 'ESSENTIAL'}]->(s:Skill)
     WHERE NOT EXISTS { (s)-[:BROADER]-() } RETURN s.uri AS uri ORDER BY uri LIMIT 2`,
    { uri: SOFTWARE_DEVELOPER },
  );
  skills = res.records.map((r) => r.get('uri') as string);
  expect(skills).toHaveLength(2);
  expect(
    (
      await server.gql<any>(`mutation($p: ProviderInput!) { upsertProvider(input: $p) { id } }`, {
        p: { id: provider, name: 'Currency School' },
      })
    ).errors,
  ).toBeUndefined();
  for (const c of COURSES) {
    const r = await server.gql<any>(`mutation($c: MicroCredentialInput!) { upsertMicroCredential(input: $c) { id } }`, {
      c: {
        id: `${prefix}-${c.id}`,
        title: `Course ${c.id}`,
        providerId: provider,
        workloadHours: 10,
        price: c.price,
        skills: c.teaches.map((i) => ({ uri: skills[i] })),
      },
    });
    expect(r.errors).toBeUndefined();
  }
  const job = await server.gql<any>(`mutation($j: JobPostingInput!) { upsertJobPosting(input: $j) { id } }`, {
    j: {
      id: `${prefix}-job`,
      title: 'Currency job',
      occupationUri: SOFTWARE_DEVELOPER,
      requirements: [0, 1].map((i) => ({ uri: skills[i], relation: 'ESSENTIAL' })),
    },
  });
  expect(job.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.db.driver.executeQuery(
    `MATCH (n) WHERE (n:MicroCredential OR n:Provider OR n:JobPosting) AND n.id STARTS WITH $prefix DETACH DELETE n`,
    { prefix },
  );
  await server?.close();
});

describe('price plans in one currency (#18.5)', () => {
  const jpyInEur = Math.round((5000 / JPY_PER_EUR) * 100) / 100;

  it('converts JPY prices into EUR: two 5,000 JPY courses beat one 100 EUR course', async () => {
    const res = await plan('EUR');
    // The codes and messages, so a failure says what the server answered.
    expect(res.errors?.map((e: any) => `${e.extensions?.code}: ${e.message}`)).toBeUndefined();
    const p = res.data.recommendCourses;
    expect(jpyInEur).toBeLessThan(50);
    expect(chosen(p)).toEqual(['jp0', 'jp1']);
    expect(p.optimal).toBe(true);
    expect(p.totalPrice).toBeCloseTo(2 * jpyInEur, 6);
    expect(p.objectiveValue).toBeCloseTo(2 * jpyInEur, 6);
    expect(p).toMatchObject({ currency: 'EUR', ratesDate: TABLE.date });
    expect(p.explanation).toContain(`Prices in EUR, converted at the ${TABLE.source} rates of ${TABLE.date}`);
  });

  it('leaves out and names a course priced in a currency without a rate', async () => {
    const p = (await plan('EUR')).data.recommendCourses;
    expect(p.excluded).toEqual([{ credentialId: `${prefix}-odd`, reason: 'no-exchange-rate' }]);
    expect(p.explanation).toContain(
      `1 course(s) priced in a currency without an exchange rate were left out: ${prefix}-odd`,
    );
  });

  it('applies maxTotalPrice in the plan currency', async () => {
    const within = (await plan('EUR', { maxTotalPrice: 70 })).data.recommendCourses;
    expect(within.status).toBe('PLANNED');
    expect(chosen(within)).toEqual(['jp0', 'jp1']);
    const tight = (await plan('EUR', { maxTotalPrice: 40 })).data.recommendCourses;
    expect(tight.status).toBe('PARTIAL_WITHIN_BUDGET');
    expect(tight.steps).toHaveLength(1);
    expect(tight.totalPrice).toBeCloseTo(jpyInEur, 6);
  });

  it('answers in another currency when asked: the same plan, its total in JPY', async () => {
    const p = (await plan('JPY')).data.recommendCourses;
    expect(chosen(p)).toEqual(['jp0', 'jp1']);
    expect(p).toMatchObject({ currency: 'JPY', totalPrice: 10000, objectiveValue: 10000 });
    // 100 EUR in JPY is dearer than the two JPY courses together.
    expect(100 * JPY_PER_EUR).toBeGreaterThan(10000);
  });

  it('refuses a currency that is not an ISO code or has no rate', async () => {
    for (const currency of ['euro', 'XTS']) {
      const res = await plan(currency);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/currency|exchange rate/);
    }
  });
});

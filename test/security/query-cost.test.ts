/**
 * Issue #11, items 2 and 3: the cost limit uses the variables' values, and a request gets a
 * bounded share of the database.
 *
 * - The nested-connection query with every `first` given through variables (which produced a
 *   7.4 MB response and 2.1 GB of RSS) and 30 aliases of a ranked coverage (1,231 round trips,
 *   other clients got DATABASE_UNAVAILABLE) are refused before any resolver runs.
 * - A request within cost that starts many queries at once never holds more than
 *   MAX_DB_CONCURRENCY_PER_REQUEST sessions, and another client's query is served meanwhile.
 * - Past MAX_DB_ROUND_TRIPS_PER_REQUEST round trips a request's further queries fail with
 *   BAD_USER_INPUT.
 * - A response above MAX_RESPONSE_BYTES is answered with RESPONSE_TOO_LARGE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_HEADERS, startTestServer, type TestServer } from '../support/test-server';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const SIMPLE = '{ searchSkills(text: "welding", first: 1) { uri } }';

const NESTED_ATTACK = `query($s: SubjectInput!, $n: Int!, $m: Int, $k: Int) {
  rankOccupations(subject: $s, first: $n) { nodes { coverage { requirements { evidenceSkill {
    requiredBy(first: $m) { nodes { occupation { essentialSkills(first: $k) { nodes { uri taughtBy(first: $k) { totalCount } } } } } } } } } } } }`;

/** `count` aliases of one selection, each with its own text so no two share a query. */
function searchAliases(count: number): string {
  const words = [
    'welding',
    'java',
    'python',
    'accounting',
    'nursing',
    'teaching',
    'plumbing',
    'baking',
    'sales',
    'marketing',
  ];
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: searchSkills(text: "${words[i % words.length]} ${i}", first: 1) { uri }`).join(' ')} }`;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('cost is computed with the variables', () => {
  it('refuses the nested-connection query with first: 100 given through variables, before any database work', async () => {
    const started = performance.now();
    const res = await server.gql(
      NESTED_ATTACK,
      { s: { occupationUri: SOFTWARE_DEVELOPER }, n: 100, m: 100, k: 100 },
      ANONYMOUS_HEADERS,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/estimated cost \d+ exceeds the limit of 50000/);
    expect(res.roundTrips).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('counts an absent page size as the maximum', async () => {
    const res = await server.gql(
      NESTED_ATTACK,
      { s: { occupationUri: SOFTWARE_DEVELOPER }, n: 100 },
      ANONYMOUS_HEADERS,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/estimated cost/);
  });

  it('runs the same query with small pages', async () => {
    const res = await server.gql<{ rankOccupations: { nodes: unknown[] } }>(
      NESTED_ATTACK,
      { s: { occupationUri: SOFTWARE_DEVELOPER }, n: 1, m: 1, k: 1 },
      ANONYMOUS_HEADERS,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.rankOccupations.nodes).toHaveLength(1);
  });

  it('refuses 30 aliases of rankOccupations(first: 100) with coverage up front', async () => {
    const aliases = Array.from(
      { length: 30 },
      (_, i) =>
        `r${i}: rankOccupations(subject: { occupationUri: "${SOFTWARE_DEVELOPER}" }, first: 100) { nodes { coverage { score } } }`,
    ).join(' ');
    const res = await server.gql(`{ ${aliases} }`, undefined, ANONYMOUS_HEADERS);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/estimated cost/);
    expect(res.roundTrips).toBe(0);
  });
});

describe('each request gets a bounded share of the database', () => {
  it('never holds more than 4 sessions at once, however many queries it starts, while another client is served', async () => {
    const heavy = searchAliases(25);
    for (let trial = 0; trial < 5; trial += 1) {
      const [a, b, c, other] = await Promise.all([
        server.gql(heavy, undefined, ANONYMOUS_HEADERS),
        server.gql(heavy, undefined, ANONYMOUS_HEADERS),
        server.gql(heavy, undefined, ANONYMOUS_HEADERS),
        server.gql<{ searchSkills: unknown[] }>(SIMPLE, undefined, ANONYMOUS_HEADERS),
      ]);
      for (const res of [a!, b!, c!]) {
        expect(res.errors).toBeUndefined();
        expect(res.roundTrips).toBe(25);
        const peak = Number(res.headers.get('x-db-peak-sessions'));
        expect(peak).toBeGreaterThanOrEqual(1);
        expect(peak).toBeLessThanOrEqual(4);
      }
      expect(other!.errors).toBeUndefined();
      expect(other!.data.searchSkills).toHaveLength(1);
    }
  });

  describe('with a share of 2 sessions and 10 round trips', () => {
    let small: TestServer;
    beforeAll(async () => {
      small = await startTestServer({ MAX_DB_CONCURRENCY_PER_REQUEST: '2', MAX_DB_ROUND_TRIPS_PER_REQUEST: '10' });
    });
    afterAll(async () => {
      await small?.close();
    });

    it('uses at most 2 sessions at once', async () => {
      const res = await small.gql(searchAliases(8));
      expect(res.errors).toBeUndefined();
      expect(Number(res.headers.get('x-db-peak-sessions'))).toBe(2);
    });

    it('serves 10 round trips and fails the queries past the 10th with BAD_USER_INPUT', async () => {
      const within = await small.gql<Record<string, unknown[]>>(searchAliases(10));
      expect(within.errors).toBeUndefined();
      expect(Object.keys(within.data)).toHaveLength(10);
      const res = await small.gql(searchAliases(25));
      // searchSkills is non-null, so the first failed alias nulls the whole data.
      expect(res.data).toBeNull();
      expect(res.errors?.length).toBeGreaterThanOrEqual(1);
      for (const error of res.errors!) {
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(error.message).toMatch(/more than 10 database round trips/);
      }
      const after = await small.gql(SIMPLE);
      expect(after.errors).toBeUndefined();
    });
  });
});

describe('response size ceiling', () => {
  let tight: TestServer;
  beforeAll(async () => {
    tight = await startTestServer({ MAX_RESPONSE_BYTES: '20000' });
  });
  afterAll(async () => {
    await tight?.close();
  });

  it('answers RESPONSE_TOO_LARGE, with a small body, when the result would exceed MAX_RESPONSE_BYTES', async () => {
    const query = '{ searchSkills(text: "management", first: 100) { uri preferredLabel altLabels description } }';
    const res = await tight.gql(query, undefined, ANONYMOUS_HEADERS);
    expect(res.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(res.errors?.[0]?.message).toMatch(/exceed 20000 bytes/);
    expect(res.data).toBeUndefined();
    // The same query fits the default ceiling.
    const normal = await server.gql<{ searchSkills: unknown[] }>(query, undefined, ANONYMOUS_HEADERS);
    expect(normal.errors).toBeUndefined();
    expect(JSON.stringify(normal.data).length).toBeGreaterThan(20_000);
  });
});

/**
 * Issue #11, item 1: unbounded search texts. Huge texts (which exhausted Neo4j's heap through a
 * fuzzy query over one 100,000-character "word", or failed Lucene with TooManyClauses as a 500)
 * are refused up front with BAD_USER_INPUT, quickly, on every search-like argument; texts under
 * the cap built to produce many clauses or full of Lucene syntax get an answer or
 * BAD_USER_INPUT, never a server error; and the database still answers afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_HEADERS, startTestServer, type GqlResponse, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const SEARCHES: Record<string, string> = {
  searchSkills: 'query($t: String!) { searchSkills(text: $t, first: 5) { uri } }',
  searchOccupations: 'query($t: String!) { searchOccupations(text: $t, first: 5) { uri } }',
  microCredentials: 'query($t: String!) { microCredentials(filter: { text: $t }, first: 5) { totalCount } }',
  suggestSkills: 'query($t: String!) { suggestSkills(text: $t, first: 5) { skill { uri } } }',
};

/** `count` distinct lower-case words of two and three letters. */
function distinctShortWords(count: number): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const words: string[] = [];
  for (const a of letters) for (const b of letters) words.push(a + b);
  for (const a of letters) for (const b of letters) for (const c of letters) words.push(a + b + c);
  return words.slice(0, count);
}

function expectServedNormally(res: GqlResponse<unknown>): void {
  expect(res.status, JSON.stringify(res.errors)).toBe(200);
  expect(res.errors).toBeUndefined();
}

async function expectDatabaseAnswers(): Promise<void> {
  const res = await server.gql<{ searchSkills: { uri: string }[] }>(
    '{ searchSkills(text: "welding", first: 1) { uri } }',
    undefined,
    ANONYMOUS_HEADERS,
  );
  expectServedNormally(res);
  expect(res.data.searchSkills).toHaveLength(1);
}

describe('search texts are capped', () => {
  it('refuses eight concurrent anonymous 100,000-character searches with BAD_USER_INPUT, quickly, and keeps the database answering', async () => {
    const text = 'developer'.repeat(100_000 / 9).padEnd(100_000, 'x');
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => server.gql(SEARCHES.searchSkills!, { t: text }, ANONYMOUS_HEADERS)),
    );
    const millis = performance.now() - started;
    for (const res of results) {
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/searchSkills\(text\) must be at most 500 characters, got 100000/);
      expect(res.roundTrips).toBe(0);
    }
    expect(millis).toBeLessThan(5_000);
    await expectDatabaseAnswers();
  });

  it.each(Object.keys(SEARCHES))('refuses a 300,000-character text on %s before any database work', async (name) => {
    const res = await server.gql(SEARCHES[name]!, { t: 'a b '.repeat(75_000) }, ANONYMOUS_HEADERS);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/must be at most \d+ characters, got 300000/);
    expect(res.roundTrips).toBe(0);
  });

  it('refuses a huge text written as a literal in the document as well', async () => {
    const res = await server.gql(
      `{ searchOccupations(text: "${'z'.repeat(200_000)}") { uri } }`,
      undefined,
      ANONYMOUS_HEADERS,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('texts under the cap never fail the server', () => {
  const hostile: Record<string, string> = {
    'many distinct short words': distinctShortWords(160).join(' ').slice(0, 500),
    'one 500-character word': 'q'.repeat(500),
    'a run of Han characters (one analyser token each)': '软件开发人员'.repeat(83),
    'words glued by punctuation': Array.from({ length: 120 }, (_, i) => `w${i}`)
      .join(',')
      .slice(0, 500),
    'Lucene syntax': 'developer AND (java OR "c++") NOT ~ ^ \\ / [a TO z] {x} title:x* ?? && || !! - + :'
      .repeat(5)
      .slice(0, 500),
    'long words that would each be fuzzy': Array.from(
      { length: 40 },
      (_, i) => `programmer${String.fromCharCode(97 + (i % 26))}`,
    )
      .join(' ')
      .slice(0, 500),
  };

  it.each(Object.keys(hostile))(
    'searchSkills and searchOccupations with %s: an answer or BAD_USER_INPUT',
    async (name) => {
      for (const search of ['searchSkills', 'searchOccupations']) {
        const res = await server.gql(SEARCHES[search]!, { t: hostile[name] }, ANONYMOUS_HEADERS);
        if (res.errors) expect(res.errors[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
        else expectServedNormally(res);
      }
    },
  );

  it('suggestSkills with 5,000 distinct short words under its cap: an answer or BAD_USER_INPUT', async () => {
    const text = distinctShortWords(5_000).join(' ');
    expect(text.length).toBeLessThanOrEqual(20_000);
    const res = await server.gql(SEARCHES.suggestSkills!, { t: text }, ANONYMOUS_HEADERS);
    if (res.errors) expect(res.errors[0]?.extensions?.code, JSON.stringify(res.errors)).toBe('BAD_USER_INPUT');
    else expectServedNormally(res);
    await expectDatabaseAnswers();
  });

  it('still finds what it found before: a plain search ranks the exact label first', async () => {
    const res = await server.gql<{ searchSkills: { uri: string; preferredLabel: string }[] }>(
      '{ searchSkills(text: "Java", first: 3) { uri preferredLabel } }',
    );
    expectServedNormally(res);
    expect(res.data.searchSkills[0]?.preferredLabel).toBe('Java (computer programming)');
  });
});

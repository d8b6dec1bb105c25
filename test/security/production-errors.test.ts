/**
 * Issue #18, items 9 (API side), 15 and 16, in production mode (`NODE_ENV=production`):
 * - aliases of a large text field over the response ceiling get RESPONSE_TOO_LARGE, never a
 *   500 or "Invalid string length";
 * - no "Did you mean ...?" suggestion reveals field, type, argument or enum names;
 * - client errors are client errors: automatic persisted queries (turned off) and out-of-range
 *   cursors answer BAD_USER_INPUT, never INTERNAL_SERVER_ERROR.
 */
import { postJson } from '../support/post-json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_HEADERS, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';

const OCCUPATION = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const prefix = uniquePrefix('prod-errors');
const BIG_ID = `${prefix}-big`;
const DESCRIPTION_CHARS = 3_000_000;

let production: TestServer;
let development: TestServer;

beforeAll(async () => {
  production = await startTestServer({ NODE_ENV: 'production' });
  development = await startTestServer();
  // A large (but, per property, storable) description, written directly: the API caps it lower.
  await production.db.driver.executeQuery(
    'CREATE (:MicroCredential {id: $id, title: $id, description: $description, languages: []})',
    {
      id: BIG_ID,
      description: 'd'.repeat(DESCRIPTION_CHARS),
    },
  );
});
afterAll(async () => {
  await production?.db.driver.executeQuery('MATCH (c:MicroCredential {id: $id}) DETACH DELETE c', { id: BIG_ID });
  await production?.close();
  await development?.close();
});

// Raw POSTs (postJson) carry the persisted-query extension the test client does not send.

describe('response ceiling in production', () => {
  it('answers one alias of the large description, and RESPONSE_TOO_LARGE for ten, with a small body', async () => {
    const one = await production.gql<{ microCredential: { description: string } }>(
      `{ microCredential(id: "${BIG_ID}") { description } }`,
      undefined,
      ANONYMOUS_HEADERS,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data.microCredential.description).toHaveLength(DESCRIPTION_CHARS);

    const aliases = Array.from(
      { length: 10 },
      (_, i) => `a${i}: microCredential(id: "${BIG_ID}") { description }`,
    ).join(' ');
    const response = await fetch(production.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${aliases} }` }),
    });
    const text = await response.text();
    expect(text.length).toBeLessThan(1_000);
    const body = JSON.parse(text) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.extensions.code).toBe('RESPONSE_TOO_LARGE');
    expect(body.errors[0]!.message).toBe(
      'The response would exceed 10000000 bytes; ask for fewer fields, smaller pages or fewer aliases',
    );
    expect(text).not.toMatch(/Invalid string length|INTERNAL_SERVER_ERROR/);
  });
});

describe('no suggestions in production', () => {
  const TYPOS: Record<string, { query: string; variables?: Record<string, unknown> }> = {
    'an enum value in a variable': {
      query:
        'query($o: PlanObjective!) { recommendCourses(subject: { skillUris: [] }, target: { occupationUri: "x" }, objective: $o) { status } }',
      variables: { o: 'HOUR' },
    },
    'an enum value in the document': {
      query:
        '{ recommendCourses(subject: { skillUris: [] }, target: { occupationUri: "x" }, objective: HOUR) { status } }',
    },
    'a field': { query: '{ searchSkill(text: "java") { uri } }' },
    'a type': {
      query: 'query($s: SubjectInputs!) { coverage(subject: $s, target: { occupationUri: "x" }) { score } }',
      variables: { s: {} },
    },
    'an argument': { query: '{ searchSkills(txt: "java") { uri } }' },
    'an input field': { query: '{ coverage(subject: { skillUri: [] }, target: { occupationUri: "x" }) { score } }' },
  };

  it.each(Object.keys(TYPOS))('masks the suggestion for a misspelt %s', async (name) => {
    const { query, variables } = TYPOS[name]!;
    const res = await production.gql(query, variables, ANONYMOUS_HEADERS);
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const error of res.errors!) {
      expect(error.message).not.toMatch(/Did you mean/);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('keeps the suggestions in development, where they help', async () => {
    const { query, variables } = TYPOS['an enum value in a variable']!;
    const res = await development.gql(query, variables, ANONYMOUS_HEADERS);
    expect(res.errors?.[0]?.message).toMatch(/Did you mean the enum value "HOURS"\?/);
  });
});

describe('client errors are reported as client errors', () => {
  const QUERY = '{ searchSkills(text: "java", first: 1) { uri } }';

  it('answers a persisted-query hash mismatch with BAD_USER_INPUT (persisted queries are off)', async () => {
    for (const server of [production, development]) {
      const res = await postJson(server.url, {
        query: QUERY,
        extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
      });
      // Apollo answers "not supported" with 200 so that clients fall back to sending the query.
      expect(res.status).toBeLessThan(500);
      expect(res.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.json.errors?.[0]?.message).toBe('PersistedQueryNotSupported');
    }
  });

  it('answers a subscription (the API has none) with BAD_USER_INPUT and HTTP 400, anonymous', async () => {
    for (const server of [production, development]) {
      for (const body of [
        { query: 'subscription { __typename }' },
        { query: 'subscription S { __typename }', operationName: 'S' },
      ]) {
        const res = await postJson(server.url, body, ANONYMOUS_HEADERS);
        expect(res.status).toBe(400);
        expect(res.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(res.json.errors?.[0]?.message).toMatch(/no subscription operations/);
      }
    }
  });

  it('quotes a long bad argument in its message, not whole', async () => {
    const res = await development.gql(
      'query($p: String) { rankOccupations(subject: { skillUris: [] }, iscoGroupPrefix: $p) { totalCount } }',
      {
        p: '1'.repeat(900_000),
      },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/got "1{40}…" \(900000 characters\)$/);
    expect(JSON.stringify(res.errors).length).toBeLessThan(1_000);
  });

  it('answers a persisted-query hash alone with BAD_USER_INPUT', async () => {
    const res = await postJson(production.url, {
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(res.json.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['microCredentials', (after: string) => `{ microCredentials(first: 1, after: "${after}") { totalCount } }`],
    [
      'essentialSkills',
      (after: string) =>
        `{ occupation(uri: "${OCCUPATION}") { essentialSkills(first: 1, after: "${after}") { totalCount } } }`,
    ],
    [
      'rankOccupations',
      (after: string) =>
        `{ rankOccupations(subject: { occupationUri: "${OCCUPATION}" }, first: 1, after: "${after}") { totalCount } }`,
    ],
  ])(
    'answers a cursor beyond a 32-bit offset on %s with BAD_USER_INPUT, for an anonymous caller',
    async (_name, query) => {
      for (const raw of ['o:2147483648', 'o:99999999999999999999', 'o:1e9', 'o:-1', 'x'.repeat(5_000)]) {
        const res = await production.gql(query(Buffer.from(raw).toString('base64url')), undefined, ANONYMOUS_HEADERS);
        expect(res.errors?.[0]?.extensions?.code, `${raw.slice(0, 20)}: ${JSON.stringify(res.errors)}`).toBe(
          'BAD_USER_INPUT',
        );
        expect(res.errors?.[0]?.message).toMatch(/^Invalid cursor/);
      }
    },
  );

  it('still pages with a valid cursor', async () => {
    const first = await production.gql<{ occupation: { essentialSkills: { pageInfo: { endCursor: string } } } }>(
      `{ occupation(uri: "${OCCUPATION}") { essentialSkills(first: 1) { pageInfo { endCursor } } } }`,
    );
    const next = await production.gql<{ occupation: { essentialSkills: { pageInfo: { hasPreviousPage: boolean } } } }>(
      `{ occupation(uri: "${OCCUPATION}") { essentialSkills(first: 1, after: "${first.data.occupation.essentialSkills.pageInfo.endCursor}") { pageInfo { hasPreviousPage } } } }`,
    );
    expect(next.errors).toBeUndefined();
    expect(next.data.occupation.essentialSkills.pageInfo.hasPreviousPage).toBe(true);
  });
});

/**
 * Hostile and broken requests against the real API: each gets BAD_USER_INPUT (HTTP 4xx where the
 * request is refused as a whole), and the server answers a normal query right after every case.
 * Plus the per-client rate limit (429 RATE_LIMITED with retry-after).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../support/test-server';

const OCCUPATION = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const NORMAL_QUERY = '{ searchSkills(text: "welding", first: 1) { uri preferredLabel } }';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json:
    | { data?: unknown; errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] }
    | undefined;
}

let server: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  admin = await bearer({ sub: 'bad-input-admin', roles: ['ADMIN'] });
});
afterAll(async () => {
  await server?.close();
});

/** Sends raw bytes (node:http, so bodies fetch would refuse or fix up go through as they are). */
function raw(
  body: Buffer | string | undefined,
  options: { method?: string; headers?: Record<string, string>; chunked?: boolean; path?: string } = {},
): Promise<RawResponse> {
  const url = new URL(server.url);
  const payload = typeof body === 'string' ? Buffer.from(body) : body;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...admin, ...options.headers };
  if (payload && !options.chunked) headers['content-length'] = String(payload.length);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: options.path ?? url.pathname,
        method: options.method ?? 'POST',
        headers,
        // Each case on its own connection: a case refused while its body still streams (413)
        // must not leave a half-drained keep-alive socket for the next case (a CI run once
        // failed the case after it with ECONNRESET).
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: RawResponse['json'];
          try {
            json = JSON.parse(text) as RawResponse['json'];
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    // The server may answer (413) and stop reading before a large upload is done.
    req.on('error', reject);
    if (payload && options.chunked) {
      for (let offset = 0; offset < payload.length; offset += 64 * 1024)
        req.write(payload.subarray(offset, offset + 64 * 1024));
      req.end();
    } else {
      req.end(payload);
    }
  });
}

function gqlBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

function nestedBroader(depth: number): string {
  return `{ skill(uri: "http://data.europa.eu/esco/skill/x") { ${'broader { '.repeat(depth - 1)}uri${' }'.repeat(depth - 1)} } }`;
}

function aliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: searchSkills(text: "welding", first: 1) { uri }`).join(' ')} }`;
}

/** Each case: how to send it, and the HTTP status it must get (BAD_USER_INPUT in every case). */
const CASES: { name: string; send: () => Promise<RawResponse>; status: number }[] = [
  { name: 'malformed JSON', send: () => raw('{"query": "{ searchSkills(text: \\"x\\") { uri } }"'), status: 400 },
  {
    name: 'a JSON body that is not an object',
    send: () => raw('"{ searchSkills(text: \\"x\\") { uri } }"'),
    status: 400,
  },
  {
    name: 'a 10 MB body with content-length',
    send: () => raw(gqlBody(NORMAL_QUERY, { pad: 'x'.repeat(10 * 1024 * 1024) })),
    status: 413,
  },
  {
    name: 'a 10 MB body streamed without content-length',
    send: () => raw(gqlBody(NORMAL_QUERY, { pad: 'x'.repeat(10 * 1024 * 1024) }), { chunked: true }),
    status: 413,
  },
  {
    name: 'invalid UTF-8',
    send: () =>
      raw(
        Buffer.concat([
          Buffer.from('{"query":"{ searchSkills(text: \\"'),
          Buffer.from([0xc3, 0x28, 0xff]),
          Buffer.from('\\") { uri } }"}'),
        ]),
      ),
    status: 400,
  },
  { name: 'no query at all', send: () => raw('{"variables":{}}'), status: 400 },
  { name: 'a GraphQL syntax error', send: () => raw(gqlBody('{ searchSkills(text: "x" { uri } }')), status: 400 },
  { name: 'an unknown field', send: () => raw(gqlBody('{ searchSkillz(text: "x") { uri } }')), status: 400 },
  {
    name: 'a variable of the wrong type',
    send: () => raw(gqlBody('query($n: Int!) { searchSkills(text: "x", first: $n) { uri } }', { n: 'ten' })),
    status: 400,
  },
  {
    name: 'batched operations (a JSON array)',
    send: () => raw(JSON.stringify([{ query: NORMAL_QUERY }, { query: NORMAL_QUERY }])),
    status: 400,
  },
  { name: 'a query nested 50 deep', send: () => raw(gqlBody(nestedBroader(50))), status: 400 },
  { name: '1,000 aliases', send: () => raw(gqlBody(aliases(1_000))), status: 400 },
  { name: '31 aliases (alias limit, under the token limit)', send: () => raw(gqlBody(aliases(31))), status: 400 },
  {
    name: 'first beyond a 32-bit integer',
    send: () => raw(gqlBody('{ searchSkills(text: "welding", first: 99999999999) { uri } }')),
    status: 400,
  },
  // Argument values the schema accepts but the resolvers refuse: a GraphQL error in a 200 response.
  {
    name: 'negative first',
    send: () => raw(gqlBody('{ searchSkills(text: "welding", first: -5) { uri } }')),
    status: 200,
  },
  {
    name: 'huge first',
    send: () => raw(gqlBody('{ searchSkills(text: "welding", first: 100000) { uri } }')),
    status: 200,
  },
  {
    name: 'huge first on a nested connection',
    send: () => raw(gqlBody(`{ occupation(uri: "${OCCUPATION}") { essentialSkills(first: 5000) { totalCount } } }`)),
    status: 200,
  },
  {
    name: 'an invalid skill URI',
    send: () =>
      raw(
        gqlBody('query($s: SubjectInput!, $t: TargetInput!) { coverage(subject: $s, target: $t) { score } }', {
          s: { skillUris: ['not a uri'] },
          t: { occupationUri: OCCUPATION },
        }),
      ),
    status: 200,
  },
  {
    name: 'a URI of the wrong scheme and kind',
    send: () =>
      raw(
        gqlBody('query($s: SubjectInput!, $t: TargetInput!) { coverage(subject: $s, target: $t) { score } }', {
          s: { skillUris: [OCCUPATION] },
          t: { occupationUri: 'javascript:alert(1)' },
        }),
      ),
    status: 200,
  },
  {
    name: 'an invalid id',
    send: () =>
      raw(
        gqlBody('query($s: SubjectInput!, $t: TargetInput!) { coverage(subject: $s, target: $t) { score } }', {
          s: { learnerId: '../../etc/passwd' },
          t: { occupationUri: OCCUPATION },
        }),
      ),
    status: 200,
  },
  {
    name: 'an overlong id in a mutation',
    send: () => raw(gqlBody('mutation($id: ID!) { deleteMicroCredential(id: $id) }', { id: 'a'.repeat(10_000) })),
    status: 200,
  },
];

describe('bad input gets BAD_USER_INPUT and leaves the server serving', () => {
  it.each(CASES)('$name', async ({ send, status }) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.json?.errors?.[0]?.extensions?.code, res.text.slice(0, 300)).toBe('BAD_USER_INPUT');
    expect(res.text).not.toMatch(/stacktrace|Neo4jError|Neo\.ClientError/);

    const after = await server.gql<{ searchSkills: { uri: string }[] }>(NORMAL_QUERY);
    expect(after.errors).toBeUndefined();
    expect(after.data.searchSkills).toHaveLength(1);
  });

  it('names the limit in the message for the shape limits', async () => {
    expect((await raw(gqlBody(nestedBroader(50)))).json?.errors?.[0]?.message).toMatch(/depth limit of 12 exceeded/);
    expect((await raw(gqlBody(aliases(31)))).json?.errors?.[0]?.message).toMatch(/Aliases limit of 30 exceeded/);
    expect((await raw(gqlBody(aliases(1_000)))).json?.errors?.[0]?.message).toMatch(/more that 2000 tokens/);
    expect((await raw(gqlBody(NORMAL_QUERY, { pad: 'x'.repeat(2_000_000) }))).json?.errors?.[0]?.message).toMatch(
      /exceeds 1000000 bytes/,
    );
  });
});

describe('per-client rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('answers 429 RATE_LIMITED with retry-after once a subject used its budget; other subjects go on', async () => {
    const alice = await bearer({ sub: 'rate-alice', roles: ['ADMIN'] });
    const bob = await bearer({ sub: 'rate-bob', roles: ['ADMIN'] });
    for (let i = 0; i < 3; i += 1) expect((await limited.gql(NORMAL_QUERY, undefined, alice)).status).toBe(200);
    const refused = await limited.gql(NORMAL_QUERY, undefined, alice);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    const other = await limited.gql<{ searchSkills: unknown[] }>(NORMAL_QUERY, undefined, bob);
    expect(other.status).toBe(200);
    expect(other.data.searchSkills).toHaveLength(1);
  });

  it('keys anonymous callers by address and never limits /health', async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await limited.gql(NORMAL_QUERY, undefined, { authorization: '' })).status).toBe(200);
    expect((await limited.gql(NORMAL_QUERY, undefined, { authorization: '' })).status).toBe(429);
    const health = await fetch(limited.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
  });
});

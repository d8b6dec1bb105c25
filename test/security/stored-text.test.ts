/**
 * Free text is stored and later displayed by portals: control characters (NUL, ESC, ...) and
 * bidirectional overrides must be refused with BAD_USER_INPUT naming the field, and nothing of the
 * refused write may be stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';

let server: TestServer;
let prefix: string;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '100000' });
  prefix = uniquePrefix('text');
});
afterAll(async () => {
  await server?.close();
});

const CREATE_LEARNER = 'mutation($input: LearnerInput!) { createLearner(input: $input) { id displayName } }';
const UPSERT_PROVIDER = 'mutation($input: ProviderInput!) { upsertProvider(input: $input) { id name } }';
const UPSERT_CREDENTIAL =
  'mutation($input: MicroCredentialInput!) { upsertMicroCredential(input: $input) { id title description } }';

describe('stored free text', () => {
  it.each([
    ['NUL', 'Ann\u0000Admin', 'U+0000'],
    ['ESC (terminal escape)', 'Ann\u001b[31m', 'U+001B'],
    ['DEL', 'Ann\u007f', 'U+007F'],
    ['C1 control', 'Ann\u0085', 'U+0085'],
    ['right-to-left override', 'Ann\u202egnp.exe', 'U+202E'],
    ['first strong isolate', 'Ann\u2068x', 'U+2068'],
    ['line feed in a single-line field', 'Ann\nAdmin', 'U+000A'],
  ])('refuses a displayName with %s and stores nothing', async (_what, displayName, codePoint) => {
    const id = `${prefix}-${codePoint.replace('+', '')}`;
    const res = await server.gql<{ createLearner: unknown }>(CREATE_LEARNER, { input: { id, displayName } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('displayName');
    expect(res.errors?.[0]?.message).toContain(codePoint);
    const read = await server.gql<{ learner: unknown }>(`{ learner(id: "${id}") { id } }`);
    expect(read.errors).toBeUndefined();
    expect(read.data.learner).toBeNull();
  });

  it('refuses a lone surrogate', async () => {
    const res = await server.gql(CREATE_LEARNER, { input: { id: `${prefix}-surrogate`, displayName: 'Ann \ud800' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/displayName must be well-formed Unicode/);
  });

  it('refuses provider names and credential titles with bidi overrides, naming the field', async () => {
    const provider = await server.gql(UPSERT_PROVIDER, { input: { id: `${prefix}-p`, name: 'Good \u202dUniversity' } });
    expect(provider.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(provider.errors?.[0]?.message).toMatch(/^name must not contain/);
    const ok = await server.gql(UPSERT_PROVIDER, { input: { id: `${prefix}-p`, name: 'Good University' } });
    expect(ok.errors).toBeUndefined();
    const title = await server.gql(UPSERT_CREDENTIAL, {
      input: { id: `${prefix}-c`, providerId: `${prefix}-p`, title: 'Welding \u2066101' },
    });
    expect(title.errors?.[0]?.message).toMatch(/^title must not contain .*U\+2066/);
    const outcome = await server.gql(UPSERT_CREDENTIAL, {
      input: { id: `${prefix}-c`, providerId: `${prefix}-p`, title: 'Welding', learningOutcomes: ['weld\u0000'] },
    });
    expect(outcome.errors?.[0]?.message).toMatch(/^learningOutcomes\[0\] must not contain .*U\+0000/);
    expect(
      (await server.gql<{ microCredential: unknown }>(`{ microCredential(id: "${prefix}-c") { id } }`)).data
        .microCredential,
    ).toBeNull();
  });

  it('keeps tab and newlines in multi-line descriptions', async () => {
    const description = 'Line one\n\tindented line two\r\nline three';
    const res = await server.gql<{ upsertMicroCredential: { description: string } }>(UPSERT_CREDENTIAL, {
      input: { id: `${prefix}-multi`, providerId: `${prefix}-p`, title: 'Welding basics', description },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.upsertMicroCredential.description).toBe(description);
    const bell = await server.gql(UPSERT_CREDENTIAL, {
      input: { id: `${prefix}-multi`, providerId: `${prefix}-p`, title: 'Welding basics', description: 'ding\u0007' },
    });
    expect(bell.errors?.[0]?.message).toMatch(/^description must not contain .*U\+0007/);
  });
});

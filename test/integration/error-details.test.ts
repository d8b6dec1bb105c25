/**
 * Error `details` have one shape across the API (`ErrorDetails` in `src/domain/errors.ts`): a
 * flat object whose keys come from one list, so a client finds the offending argument in
 * `details.field`, the entities concerned in `details.items` and a broken bound in
 * `details.limit`/`details.actual`, whatever the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';

const ALLOWED_KEYS = ['field', 'value', 'limit', 'actual', 'reason', 'items', 'source', 'upstream'];
const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';

let server: TestServer;
const prefix = uniquePrefix('error-details');
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

function onlyError(res: Awaited<ReturnType<TestServer['gql']>>) {
  expect(res.errors).toHaveLength(1);
  const error = res.errors![0]!;
  const details = error.extensions?.details as Record<string, unknown> | undefined;
  expect(details).toBeDefined();
  for (const key of Object.keys(details!)) expect(ALLOWED_KEYS).toContain(key);
  return { code: error.extensions?.code, details: details! };
}

describe('error details', () => {
  it('names an unknown learner in items (NOT_FOUND)', async () => {
    const res = await server.gql(
      `{ coverage(subject: { learnerId: "${prefix}-nobody" }, target: { occupationUri: "${SOFTWARE_DEVELOPER}" }) { score } }`,
    );
    expect(onlyError(res)).toEqual({ code: 'NOT_FOUND', details: { items: [`${prefix}-nobody`] } });
  });

  it('names every unknown credential in items (NOT_FOUND)', async () => {
    const res = await server.gql(
      `{ coverage(subject: { credentialIds: ["${prefix}-a", "${prefix}-b"] }, target: { occupationUri: "${SOFTWARE_DEVELOPER}" }) { score } }`,
    );
    const { code, details } = onlyError(res);
    expect(code).toBe('NOT_FOUND');
    expect([...(details.items as string[])].sort()).toEqual([`${prefix}-a`, `${prefix}-b`]);
  });

  it('names unknown references of a write in items, whatever their kind (NOT_FOUND)', async () => {
    const skill = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000';
    const occupation = 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000';
    const res = await server.gql(
      `mutation { createLearner(input: { id: "${prefix}-refs", displayName: "refs", declaredSkillUris: ["${skill}"], targetOccupationUris: ["${occupation}"] }) { id } }`,
    );
    const { code, details } = onlyError(res);
    expect(code).toBe('NOT_FOUND');
    expect([...(details.items as string[])].sort()).toEqual([occupation, skill]);
    // Nothing was written.
    const after = await server.gql<{ learner: unknown }>(`{ learner(id: "${prefix}-refs") { id } }`);
    expect(after.errors).toBeUndefined();
    expect(after.data?.learner).toBeNull();
  });

  it('names an unknown target in items (NOT_FOUND)', async () => {
    const occupation = 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000';
    const byOccupation = await server.gql(
      `{ coverage(subject: { skillUris: [] }, target: { occupationUri: "${occupation}" }) { score } }`,
    );
    expect(onlyError(byOccupation)).toEqual({ code: 'NOT_FOUND', details: { items: [occupation] } });
    const byPosting = await server.gql(
      `{ coverage(subject: { skillUris: [] }, target: { jobPostingId: "${prefix}-no-posting" }) { score } }`,
    );
    expect(onlyError(byPosting)).toEqual({ code: 'NOT_FOUND', details: { items: [`${prefix}-no-posting`] } });
  });

  it('names a bad cursor by field and value (BAD_USER_INPUT)', async () => {
    const res = await server.gql('{ microCredentials(first: 1, after: "not-a-cursor") { totalCount } }');
    expect(onlyError(res)).toEqual({ code: 'BAD_USER_INPUT', details: { field: 'after', value: 'not-a-cursor' } });
  });

  it('gives a query over the cost limit as limit and actual (BAD_USER_INPUT, HTTP 400)', async () => {
    const strict = await startTestServer({ GRAPHQL_MAX_COST: '10' });
    const res = await strict.gql('{ microCredentials(first: 100) { nodes { id } } }').finally(() => strict.close());
    expect(res.status).toBe(400);
    const { code, details } = onlyError(res);
    expect(code).toBe('BAD_USER_INPUT');
    expect(details.limit).toBe(10);
    expect(details.actual).toBeGreaterThan(10);
    expect(Object.keys(details).sort()).toEqual(['actual', 'limit']);
  });
});

/**
 * Credentials by id are kept across requests (the read model's catalogue generation is the key):
 * a second read of a course costs no database round trip, and a change to the course, its
 * removal or a change to its provider is seen by the next request all the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';

let server: TestServer;
const prefix = uniquePrefix('credential-cache');
const id = `${prefix}-course`;
let skill: string;

async function upsertCourse(title: string) {
  const r = await server.gql<any>(`mutation($c: MicroCredentialInput!) { upsertMicroCredential(input: $c) { id } }`, {
    c: {
      id,
      title,
      providerId: `${prefix}-school`,
      workloadHours: 10,
      languages: ['en'],
      skills: [{ uri: skill }],
    },
  });
  expect(r.errors).toBeUndefined();
}

function readCourse() {
  return server.gql<{ microCredential: { title: string; workloadHours: number } | null }>(
    'query($id: ID!) { microCredential(id: $id) { title workloadHours } }',
    { id },
  );
}

beforeAll(async () => {
  server = await startTestServer();
  const res = await server.db.driver.executeQuery('MATCH (s:Skill) RETURN s.uri AS uri ORDER BY uri LIMIT 1', {});
  skill = res.records[0]!.get('uri') as string;
  const provider = await server.gql<any>(`mutation($p: ProviderInput!) { upsertProvider(input: $p) { id } }`, {
    p: { id: `${prefix}-school`, name: 'School' },
  });
  expect(provider.errors).toBeUndefined();
});
afterAll(async () => {
  await server?.close();
});

describe('credentials kept across requests', () => {
  it('reads a course from the database once, then sees its change and its removal on the next request', async () => {
    await upsertCourse('First title');
    // The mutation's answer read the course back; the next requests read no database.
    for (let i = 0; i < 2; i += 1) {
      const read = await readCourse();
      expect(read.data.microCredential).toEqual({ title: 'First title', workloadHours: 10 });
      expect(read.roundTrips).toBe(0);
    }

    await upsertCourse('Second title');
    const changed = await readCourse();
    expect(changed.errors).toBeUndefined();
    expect(changed.data.microCredential?.title).toBe('Second title');

    const removed = await server.gql<any>('mutation($id: ID!) { deleteMicroCredential(id: $id) }', { id });
    expect(removed.errors).toBeUndefined();
    expect((await readCourse()).data.microCredential).toBeNull();
  });
});

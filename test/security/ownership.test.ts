/**
 * Ownership of catalog records and postings: checked inside the writing transaction (so racing
 * creates cannot steal a record), defaulted from the token, extended to stackability links, and
 * every mutation answers what it wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { errorCodeOf, readGraph } from '../support/graph-probes';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
let server: TestServer;
const p = uniquePrefix('owner');
const ids = { p1: `${p}-p1`, p2: `${p}-p2`, portal1: `${p}-portal1`, portal2: `${p}-portal2`, learner: `${p}-ann` };
let skillUri: string;
let provider1: Record<string, string>;
let provider2: Record<string, string>;
let portal1: Record<string, string>;
let portal2: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '1000000' });
  [{ uri: skillUri }] = await readGraph(
    server,
    'MATCH (:Occupation {uri: $uri})-[:REQUIRES]->(s:Skill) RETURN s.uri AS uri ORDER BY uri LIMIT 1',
    { uri: SOFTWARE_DEVELOPER },
  );
  const setup = await server.gql(
    `mutation { a: upsertProvider(input: { id: "${ids.p1}", name: "P1" }) { id } b: upsertProvider(input: { id: "${ids.p2}", name: "P2" }) { id } }`,
  );
  expect(setup.errors).toBeUndefined();
  provider1 = await bearer({ sub: 'p1-sub', roles: ['PROVIDER'], providerId: ids.p1 });
  provider2 = await bearer({ sub: 'p2-sub', roles: ['PROVIDER'], providerId: ids.p2 });
  portal1 = await bearer({ sub: 'portal1-sub', roles: ['PORTAL'], portalId: ids.portal1 });
  portal2 = await bearer({ sub: 'portal2-sub', roles: ['PORTAL'], portalId: ids.portal2 });
});
afterAll(async () => {
  await readGraph(
    server,
    'MATCH (n) WHERE (n:Learner OR n:MicroCredential OR n:Provider OR n:JobPosting) AND n.id STARTS WITH $p DETACH DELETE n',
    { p },
  );
  await server?.close();
});

describe('ownership is checked in the writing transaction (#11.6)', () => {
  it('ten concurrent creates of one new credential id by two providers: only the owner of the stored record succeeds (20 trials)', async () => {
    for (let trial = 0; trial < 20; trial += 1) {
      const id = `${p}-race${trial}`;
      const writers = Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0 ? { token: provider1, owner: ids.p1 } : { token: provider2, owner: ids.p2 },
      );
      const answers = await Promise.all(
        writers.map((w, i) =>
          server.gql<any>(
            `mutation { upsertMicroCredential(input: { id: "${id}", title: "T${i}", providerId: "${w.owner}", skills: [{ uri: "${skillUri}" }] }) { id title provider { id } } }`,
            undefined,
            w.token,
          ),
        ),
      );
      const [{ owner }] = await readGraph(
        server,
        'MATCH (:MicroCredential {id: $id})-[:AWARDED_BY]->(p:Provider) RETURN p.id AS owner',
        { id },
      );
      answers.forEach((answer, i) => {
        if (writers[i]!.owner === owner) {
          expect(errorCodeOf(answer)).toBe('OK');
          expect(answer.data.upsertMicroCredential).toMatchObject({ id, provider: { id: owner } });
        } else {
          expect(errorCodeOf(answer)).toBe('FORBIDDEN');
        }
      });
      const [{ n }] = await readGraph(
        server,
        'MATCH (c:MicroCredential {id: $id})-[:AWARDED_BY]->() RETURN count(*) AS n',
        { id },
      );
      expect(n).toBe(1);
    }
  });

  it('concurrent creates of one new posting id by two portals: only the owner of the stored posting succeeds (20 trials)', async () => {
    for (let trial = 0; trial < 20; trial += 1) {
      const id = `${p}-job${trial}`;
      const writers = Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0 ? { token: portal1, owner: ids.portal1 } : { token: portal2, owner: ids.portal2 },
      );
      const answers = await Promise.all(
        writers.map((w) =>
          server.gql<any>(
            `mutation { upsertJobPosting(input: { id: "${id}", title: "Dev", occupationUri: "${SOFTWARE_DEVELOPER}", requirements: [{ uri: "${skillUri}", relation: ESSENTIAL }] }) { id } }`,
            undefined,
            w.token,
          ),
        ),
      );
      const [{ owner }] = await readGraph(server, 'MATCH (j:JobPosting {id: $id}) RETURN j.portalId AS owner', { id });
      expect([ids.portal1, ids.portal2]).toContain(owner);
      answers.forEach((answer, i) => {
        expect(errorCodeOf(answer)).toBe(writers[i]!.owner === owner ? 'OK' : 'FORBIDDEN');
      });
    }
  });

  it("a provider cannot delete another provider's credential, nor can a PROVIDER token naming no provider", async () => {
    await server.gql(
      `mutation { upsertMicroCredential(input: { id: "${p}-keep", title: "Keep", providerId: "${ids.p1}", skills: [{ uri: "${skillUri}" }] }) { id } }`,
      undefined,
      provider1,
    );
    const res = await server.gql<any>(`mutation { deleteMicroCredential(id: "${p}-keep") }`, undefined, provider2);
    expect(errorCodeOf(res)).toBe('FORBIDDEN');
    const noProvider = await server.gql<any>(
      `mutation { deleteMicroCredential(id: "${p}-keep") }`,
      undefined,
      await bearer({ sub: 'px', roles: ['PROVIDER'] }),
    );
    expect(errorCodeOf(noProvider)).toBe('FORBIDDEN');
    expect(
      await readGraph(server, 'MATCH (c:MicroCredential {id: $id}) RETURN c.id AS id', { id: `${p}-keep` }),
    ).toHaveLength(1);
  });
});

describe('mutations answer what they wrote (#11.7)', () => {
  it('a PROVIDER creating a credential with its own new id gets the credential, not an internal error', async () => {
    const res = await server.gql<any>(
      `mutation { upsertMicroCredential(input: { id: "${p}-fresh", title: "Fresh", providerId: "${ids.p1}", skills: [{ uri: "${skillUri}" }] }) { id title } }`,
      undefined,
      provider1,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.upsertMicroCredential).toEqual({ id: `${p}-fresh`, title: 'Fresh' });
  });

  it('a PORTAL creating a posting with its own new id gets the posting', async () => {
    const res = await server.gql<any>(
      `mutation { upsertJobPosting(input: { id: "${p}-freshjob", title: "Fresh job", occupationUri: "${SOFTWARE_DEVELOPER}", portalId: "${ids.portal1}" }) { id title } }`,
      undefined,
      portal1,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.upsertJobPosting).toEqual({ id: `${p}-freshjob`, title: 'Fresh job' });
  });

  it('an update answers the new title, and two mutations of one request answer each its own write', async () => {
    const id = `${p}-titles`;
    await server.gql(
      `mutation { upsertMicroCredential(input: { id: "${id}", title: "Old", providerId: "${ids.p1}", skills: [{ uri: "${skillUri}" }] }) { id } }`,
      undefined,
      provider1,
    );
    const res = await server.gql<any>(
      `mutation {
      a: upsertMicroCredential(input: { id: "${id}", title: "Second", providerId: "${ids.p1}", skills: [{ uri: "${skillUri}" }] }) { title }
      b: upsertMicroCredential(input: { id: "${id}", title: "Third", providerId: "${ids.p1}", skills: [{ uri: "${skillUri}" }] }) { title } }`,
      undefined,
      provider1,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: { title: 'Second' }, b: { title: 'Third' } });
  });

  it('learner mutations in one request each answer the state after their own write', async () => {
    const learner = `${p}-seq`;
    const res = await server.gql<any>(`mutation {
      c: createLearner(input: { id: "${learner}", displayName: "Seq" }) { matchingConsent }
      on: setMatchingConsent(learnerId: "${learner}", consent: true) { matchingConsent }
      off: setMatchingConsent(learnerId: "${learner}", consent: false) { matchingConsent }
      h: addHolding(learnerId: "${learner}", credentialId: "${p}-titles", issuedOn: "2024-01-01") { holdings { credential { id } } }
      r: removeHolding(learnerId: "${learner}", credentialId: "${p}-titles") { holdings { credential { id } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      c: { matchingConsent: false },
      on: { matchingConsent: true },
      off: { matchingConsent: false },
      h: { holdings: [{ credential: { id: `${p}-titles` } }] },
      r: { holdings: [] },
    });
  });
});

describe('owners default from the token (#11.8)', () => {
  it("a PORTAL's posting without portalId belongs to the token's portal; another portal's id is FORBIDDEN", async () => {
    const res = await server.gql<any>(
      `mutation { upsertJobPosting(input: { id: "${p}-noportal", title: "Dev", occupationUri: "${SOFTWARE_DEVELOPER}" }) { id } }`,
      undefined,
      portal1,
    );
    expect(res.errors).toBeUndefined();
    expect(
      await readGraph(server, 'MATCH (j:JobPosting {id: $id}) RETURN j.portalId AS portalId', { id: `${p}-noportal` }),
    ).toEqual([{ portalId: ids.portal1 }]);
    const other = await server.gql<any>(
      `mutation { upsertJobPosting(input: { id: "${p}-other", title: "Dev", occupationUri: "${SOFTWARE_DEVELOPER}", portalId: "${ids.portal2}" }) { id } }`,
      undefined,
      portal1,
    );
    expect(errorCodeOf(other)).toBe('FORBIDDEN');
  });

  it("a PROVIDER's credential without providerId belongs to the token's provider; another provider's id is FORBIDDEN", async () => {
    const res = await server.gql<any>(
      `mutation { upsertMicroCredential(input: { id: "${p}-noprov", title: "Mine", skills: [{ uri: "${skillUri}" }] }) { id provider { id } } }`,
      undefined,
      provider1,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.upsertMicroCredential.provider.id).toBe(ids.p1);
    const other = await server.gql<any>(
      `mutation { upsertMicroCredential(input: { title: "Theirs", providerId: "${ids.p2}" }) { id } }`,
      undefined,
      provider1,
    );
    expect(errorCodeOf(other)).toBe('FORBIDDEN');
    const admin = await server.gql<any>(`mutation { upsertMicroCredential(input: { title: "No provider" }) { id } }`);
    expect(errorCodeOf(admin)).toBe('BAD_USER_INPUT');
    expect(admin.errors?.[0]?.message).toMatch(/providerId is required/);
  });

  it("a LEARNER's createLearner without id creates the token's learner", async () => {
    const own = `${p}-self`;
    const res = await server.gql<any>(
      `mutation { createLearner(input: { displayName: "Self" }) { id } }`,
      undefined,
      await bearer({ sub: 'self-sub', roles: ['LEARNER'], learnerId: own }),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createLearner.id).toBe(own);
  });
});

describe('stackability stays within a provider (#11.11)', () => {
  it("a PROVIDER cannot make its credential part of another provider's; its own is fine", async () => {
    await server.gql(
      `mutation { upsertMicroCredential(input: { id: "${p}-whole2", title: "Whole of P2", providerId: "${ids.p2}", skills: [{ uri: "${skillUri}" }] }) { id } }`,
      undefined,
      provider2,
    );
    await server.gql(
      `mutation { upsertMicroCredential(input: { id: "${p}-whole1", title: "Whole of P1", providerId: "${ids.p1}", skills: [{ uri: "${skillUri}" }] }) { id } }`,
      undefined,
      provider1,
    );
    const res = await server.gql<any>(
      `mutation { upsertMicroCredential(input: { id: "${p}-part", title: "Part", providerId: "${ids.p1}", partOfId: "${p}-whole2", skills: [{ uri: "${skillUri}" }] }) { id } }`,
      undefined,
      provider1,
    );
    expect(errorCodeOf(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toMatch(/partOfId/);
    expect(
      await readGraph(server, 'MATCH (c:MicroCredential {id: $id}) RETURN c.id AS id', { id: `${p}-part` }),
    ).toEqual([]);
    const own = await server.gql<any>(
      `mutation { upsertMicroCredential(input: { id: "${p}-part", title: "Part", providerId: "${ids.p1}", partOfId: "${p}-whole1", skills: [{ uri: "${skillUri}" }] }) { id } }`,
      undefined,
      provider1,
    );
    expect(own.errors).toBeUndefined();
    expect(
      await readGraph(server, 'MATCH (:MicroCredential {id: $id})-[:PART_OF]->(w) RETURN w.id AS whole', {
        id: `${p}-part`,
      }),
    ).toEqual([{ whole: `${p}-whole1` }]);
  });
});

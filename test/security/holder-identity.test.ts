/**
 * Who a holding belongs to: externalId is unique and set by ADMIN (or an import) only, learners do
 * not verify their own holdings, concurrent imports for one person reach one record, and
 * re-imports of a document that names no holder are idempotent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { elmDocument } from '../support/elm-document';
import { errorCodeOf, readGraph } from '../support/graph-probes';

let server: TestServer;
const p = uniquePrefix('holder');
const IMPORT =
  'mutation($doc: JSON!) { importCredential(document: $doc) { learnerCreated credential { id } learner { id holdings { credential { id } } } } }';
const createdLearners = new Set<string>();
const createdCredentials = new Set<string>();

async function importDoc(doc: unknown) {
  const res = await server.gql<any>(IMPORT, { doc });
  const out = res.data?.importCredential;
  if (out?.learner) createdLearners.add(out.learner.id);
  if (out?.credential) createdCredentials.add(out.credential.id);
  return res;
}

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '1000000' });
});
afterAll(async () => {
  await readGraph(
    server,
    'MATCH (l:Learner) WHERE l.id IN $ids OR l.id STARTS WITH $p OR l.externalId STARTS WITH $p DETACH DELETE l',
    { ids: [...createdLearners], p },
  );
  await readGraph(server, 'MATCH (c:MicroCredential) WHERE c.id IN $ids OR c.id STARTS WITH $p DETACH DELETE c', {
    ids: [...createdCredentials],
    p,
  });
  await readGraph(
    server,
    'MATCH (v:Provider) WHERE v.id STARTS WITH $p OR v.url CONTAINS $p OR v.name STARTS WITH $p DETACH DELETE v',
    { p },
  );
  await server?.close();
});

describe('externalId cannot be hijacked (#11.9)', () => {
  it('is unique in the database (a constraint, not a plain index)', async () => {
    const rows = await readGraph(
      server,
      "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE 'Learner' IN labelsOrTypes AND properties = ['externalId'] RETURN type",
    );
    expect(rows).toEqual([{ type: 'UNIQUENESS' }]);
    const email = `${p}-dup@example.org`;
    const first = await server.gql(
      `mutation { createLearner(input: { id: "${p}-dup1", displayName: "A", externalId: "${email}" }) { id } }`,
    );
    expect(first.errors).toBeUndefined();
    const second = await server.gql(
      `mutation { createLearner(input: { id: "${p}-dup2", displayName: "B", externalId: "${email}" }) { id } }`,
    );
    expect(errorCodeOf(second)).toBe('CONFLICT');
  });

  it("a LEARNER cannot claim another person's e-mail, and the victim's imported badge does not reach the attacker", async () => {
    const victim = `${p}-victim@example.org`;
    const attacker = `${p}-attacker`;
    const claim = await server.gql<any>(
      `mutation { createLearner(input: { id: "${attacker}", displayName: "Mallory", externalId: "${victim}" }) { id } }`,
      undefined,
      await bearer({ sub: 'mallory', roles: ['LEARNER'], learnerId: attacker }),
    );
    expect(errorCodeOf(claim)).toBe('FORBIDDEN');
    expect(claim.errors?.[0]?.message).toMatch(/externalId/);
    const imported = await importDoc(
      elmDocument({ issuerId: `https://${p}-hijack.example.org`, specId: `urn:${p}:spec:hijack`, email: victim }),
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importCredential.learner.id).not.toBe(attacker);
    expect(await readGraph(server, 'MATCH (l:Learner {externalId: $e}) RETURN l.id AS id', { e: victim })).toEqual([
      { id: imported.data.importCredential.learner.id },
    ]);
  });

  it('an import attaches to the one learner ADMIN gave the identifier', async () => {
    const email = `${p}-known@example.org`;
    await server.gql(
      `mutation { createLearner(input: { id: "${p}-known", displayName: "Known", externalId: "${email}" }) { id } }`,
    );
    const imported = await importDoc(
      elmDocument({ issuerId: `https://${p}-known.example.org`, specId: `urn:${p}:spec:known`, email }),
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importCredential).toMatchObject({ learnerCreated: false, learner: { id: `${p}-known` } });
  });
});

describe('learners do not verify their own holdings (#11.10)', () => {
  it('addHolding(verified: true) is FORBIDDEN for the learner, nothing is written; ADMIN may', async () => {
    const learner = `${p}-self`;
    await server.gql(`mutation {
      upsertProvider(input: { id: "${p}-prov", name: "P" }) { id }
      upsertMicroCredential(input: { id: "${p}-cred", title: "C", providerId: "${p}-prov" }) { id }
      createLearner(input: { id: "${learner}", displayName: "Self" }) { id } }`);
    const own = await bearer({ sub: 'self', roles: ['LEARNER'], learnerId: learner });
    const res = await server.gql<any>(
      `mutation { addHolding(learnerId: "${learner}", credentialId: "${p}-cred", verified: true) { id } }`,
      undefined,
      own,
    );
    expect(errorCodeOf(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toMatch(/only ADMIN may mark a holding verified/);
    expect(await readGraph(server, 'MATCH (:Learner {id: $id})-[h:HOLDS]->() RETURN h', { id: learner })).toEqual([]);
    const unverified = await server.gql<any>(
      `mutation { addHolding(learnerId: "${learner}", credentialId: "${p}-cred") { holdings { verified } } }`,
      undefined,
      own,
    );
    expect(unverified.data.addHolding.holdings).toEqual([{ verified: false }]);
    const admin = await server.gql<any>(
      `mutation { addHolding(learnerId: "${learner}", credentialId: "${p}-cred", verified: true) { holdings { verified } } }`,
    );
    expect(admin.data.addHolding.holdings).toEqual([{ verified: true }]);
  });
});

describe('concurrent imports for one holder (#18.2)', () => {
  it('four parallel imports from different issuers for one e-mail make one learner with four holdings (15 trials)', async () => {
    for (let trial = 0; trial < 15; trial += 1) {
      const email = `${p}-par${trial}@example.org`;
      const docs = [0, 1, 2, 3].map((i) =>
        elmDocument({ issuerId: `https://${p}-issuer${i}.example.org`, specId: `urn:${p}:spec:par${i}`, email }),
      );
      const answers = await Promise.all(docs.map(importDoc));
      expect(answers.map(errorCodeOf)).toEqual(['OK', 'OK', 'OK', 'OK']);
      const learners = await readGraph(
        server,
        'MATCH (l:Learner {externalId: $e}) RETURN l.id AS id, COUNT { (l)-[:HOLDS]->() } AS holdings',
        { e: email },
      );
      expect(learners).toHaveLength(1);
      expect(learners[0].holdings).toBe(4);
      expect(new Set(answers.map((a) => a.data.importCredential.learner.id))).toEqual(new Set([learners[0].id]));
      expect(answers.filter((a) => a.data.importCredential.learnerCreated)).toHaveLength(1);
    }
  });
});

describe('ELM claims and holder-less re-imports (#18.11)', () => {
  it('an ELM document with two claims is rejected with the reason, and nothing is written', async () => {
    const doc = elmDocument({ issuerId: `https://${p}-two.example.org`, specId: `urn:${p}:spec:two-a` });
    const second = JSON.parse(JSON.stringify(doc.credentialSubject.hasClaim));
    second.id = `urn:${p}:claim:2`;
    second.specifiedBy.id = `urn:${p}:spec:two-b`;
    second.title = { en: 'Second claim' };
    doc.credentialSubject.hasClaim = [doc.credentialSubject.hasClaim, second];
    const res = await importDoc(doc);
    expect(errorCodeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/2 claims/);
    expect(
      await readGraph(server, 'MATCH (c:MicroCredential) WHERE c.sourceId IN $ids RETURN c.id', {
        ids: [`urn:${p}:spec:two-a`, `urn:${p}:spec:two-b`],
      }),
    ).toEqual([]);
  });

  it('re-importing a document that names no holder reaches the same learner and holding every time', async () => {
    for (const documentId of [`urn:credential:${p}-anon`, null]) {
      const doc = elmDocument({
        issuerId: `https://${p}-anon.example.org`,
        specId: `urn:${p}:spec:anon`,
        email: null,
        subjectId: null,
        documentId,
      });
      const first = await importDoc(doc);
      const again = await importDoc(doc);
      expect([errorCodeOf(first), errorCodeOf(again)]).toEqual(['OK', 'OK']);
      expect(again.data.importCredential.learnerCreated).toBe(false);
      expect(again.data.importCredential.learner.id).toBe(first.data.importCredential.learner.id);
      expect(again.data.importCredential.learner.holdings).toHaveLength(1);
    }
  });

  it('document-local person ids (urn:epass:person:1) are not identities: two documents reach two learners', async () => {
    const a = await importDoc(
      elmDocument({
        issuerId: `https://${p}-local.example.org`,
        specId: `urn:${p}:spec:local`,
        email: null,
        subjectId: 'urn:epass:person:1',
        documentId: `urn:credential:${p}-a`,
      }),
    );
    const b = await importDoc(
      elmDocument({
        issuerId: `https://${p}-local.example.org`,
        specId: `urn:${p}:spec:local`,
        email: null,
        subjectId: 'urn:epass:person:1',
        documentId: `urn:credential:${p}-b`,
      }),
    );
    expect([errorCodeOf(a), errorCodeOf(b)]).toEqual(['OK', 'OK']);
    expect(a.data.importCredential.learner.id).not.toBe(b.data.importCredential.learner.id);
  });
});

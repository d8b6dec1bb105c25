/**
 * A LEARNER imports a credential issued to them (#13.6): the holding goes to the token's own
 * learner only, never to another learner whatever the document says; a document naming a holder
 * other than the learner's externalId is FORBIDDEN and leaves nothing behind; the check runs under
 * the learner's lock inside the writing transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { elmDocument } from '../support/elm-document';
import { escoBadge } from '../support/signed-badges';
import { errorCodeOf, readGraph } from '../support/graph-probes';

let server: TestServer;
const p = uniquePrefix('self-import');
const IMPORT =
  'mutation($doc: JSON!) { importCredential(document: $doc) { learnerCreated credential { id title } learner { id holdings { credential { id } } } verification { status } } }';
const ann = { id: `${p}-ann`, email: `${p}-ann@example.org` };
const bob = { id: `${p}-bob`, email: `${p}-bob@example.org` };
const noId = { id: `${p}-noid` };
let annToken: Record<string, string>;
let noIdToken: Record<string, string>;

const holdingsOf = (learnerId: string) =>
  readGraph(server, 'MATCH (:Learner {id: $learnerId})-[:HOLDS]->(c) RETURN c.id AS id', { learnerId });
const learnersWithPrefix = () =>
  readGraph(
    server,
    'MATCH (l:Learner) WHERE l.id STARTS WITH $p OR l.externalId STARTS WITH $p RETURN l.id AS id ORDER BY id',
    { p },
  );

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '1000000' });
  for (const l of [ann, bob]) {
    const res = await server.gql(
      `mutation { createLearner(input: { id: "${l.id}", displayName: "L", externalId: "${l.email}" }) { id } }`,
    );
    expect(res.errors).toBeUndefined();
  }
  expect(
    (await server.gql(`mutation { createLearner(input: { id: "${noId.id}", displayName: "No id" }) { id } }`)).errors,
  ).toBeUndefined();
  annToken = await bearer({ sub: 'ann', roles: ['LEARNER'], learnerId: ann.id });
  noIdToken = await bearer({ sub: 'noid', roles: ['LEARNER'], learnerId: noId.id });
});
afterAll(async () => {
  await readGraph(
    server,
    'MATCH (l:Learner) WHERE l.id STARTS WITH $p OR l.externalId STARTS WITH $p DETACH DELETE l',
    { p },
  );
  await readGraph(
    server,
    'MATCH (c:MicroCredential)-[:AWARDED_BY]->(v:Provider) WHERE v.name STARTS WITH $p OR v.url CONTAINS $p DETACH DELETE c',
    { p },
  );
  await readGraph(server, 'MATCH (v:Provider) WHERE v.name STARTS WITH $p OR v.url CONTAINS $p DETACH DELETE v', { p });
  await server?.close();
});

function doc(tag: string, email: string | null) {
  return elmDocument({
    issuerId: `https://${p}-${tag}.example.org`,
    issuerName: `${p} ${tag}`,
    specId: `urn:${p}:spec:${tag}`,
    email,
    documentId: `urn:${p}:doc:${tag}`,
  });
}

describe('learner self-import', () => {
  it('a credential naming the learner (their externalId) is recorded for them, not for a new learner', async () => {
    const res = await server.gql<any>(IMPORT, { doc: doc('own', ann.email) }, annToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.importCredential).toMatchObject({ learnerCreated: false, learner: { id: ann.id } });
    expect(await holdingsOf(ann.id)).toEqual([{ id: res.data.importCredential.credential.id }]);
  });

  it("a credential naming another learner's identifier is FORBIDDEN; neither learner gets it and nothing is written", async () => {
    const before = await learnersWithPrefix();
    const res = await server.gql<any>(IMPORT, { doc: doc('bobs', bob.email) }, annToken);
    expect(errorCodeOf(res)).toBe('FORBIDDEN');
    expect(await holdingsOf(bob.id)).toEqual([]);
    expect((await holdingsOf(ann.id)).length).toBe(1);
    expect(await learnersWithPrefix()).toEqual(before);
    expect(
      await readGraph(server, 'MATCH (v:Provider) WHERE v.url CONTAINS $tag RETURN v.id AS id', { tag: `${p}-bobs` }),
    ).toEqual([]);
  });

  it('a credential naming a holder the learner record has no identifier for is FORBIDDEN (the externalId is never taken from the document)', async () => {
    const res = await server.gql<any>(IMPORT, { doc: doc('claim', `${p}-someone@example.org`) }, noIdToken);
    expect(errorCodeOf(res)).toBe('FORBIDDEN');
    expect(await holdingsOf(noId.id)).toEqual([]);
    expect(
      await readGraph(server, 'MATCH (l:Learner {id: $id}) RETURN l.externalId AS externalId', { id: noId.id }),
    ).toEqual([{ externalId: null }]);
  });

  it('a credential naming no holder is recorded for the importing learner only', async () => {
    const holderless = elmDocument({
      issuerId: `https://${p}-bare.example.org`,
      issuerName: `${p} bare`,
      specId: `urn:${p}:spec:bare`,
      email: null,
      subjectId: null,
      documentId: `urn:${p}:doc:bare`,
    });
    const before = await learnersWithPrefix();
    const res = await server.gql<any>(IMPORT, { doc: holderless }, noIdToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.importCredential.learner.id).toBe(noId.id);
    expect(await holdingsOf(noId.id)).toEqual([{ id: res.data.importCredential.credential.id }]);
    expect(await learnersWithPrefix()).toEqual(before);
  });

  it('an achievement without a holder is refused to a learner (BAD_USER_INPUT): learners add holdings, not catalog entries', async () => {
    const badge = escoBadge('did:example:issuer', `${p}-achv`) as any;
    const achievement = { ...badge.credentialSubject.achievement, creator: badge.issuer };
    const res = await server.gql<any>(IMPORT, { doc: achievement }, annToken);
    expect(errorCodeOf(res)).toBe('BAD_USER_INPUT');
  });

  it("a learner's import does not replace a micro-credential already in the catalog", async () => {
    const admin = await server.gql<any>(IMPORT, { doc: doc('catalog', `${p}-other@example.org`) });
    expect(admin.errors).toBeUndefined();
    const credentialId = admin.data.importCredential.credential.id;
    const changed = doc('catalog', ann.email);
    changed.credentialSubject.hasClaim.specifiedBy.title = { en: 'Renamed by a learner' };
    const res = await server.gql<any>(IMPORT, { doc: changed }, annToken);
    expect(res.errors).toBeUndefined();
    expect(res.data.importCredential.credential).toEqual({
      id: credentialId,
      title: admin.data.importCredential.credential.title,
    });
    expect((await holdingsOf(ann.id)).map((h) => h.id)).toContain(credentialId);
  });

  it('PROVIDER, PORTAL and ADVISOR tokens and a LEARNER token naming no learner may not import; anonymous callers are UNAUTHENTICATED', async () => {
    for (const claims of [
      { roles: ['PROVIDER'], providerId: 'x' },
      { roles: ['PORTAL'], portalId: 'x' },
      { roles: ['ADVISOR'] },
      { roles: ['LEARNER'] },
    ]) {
      const res = await server.gql(
        IMPORT,
        { doc: doc('roles', null) },
        await bearer({ sub: 'someone', ...claims } as any),
      );
      expect(errorCodeOf(res)).toBe('FORBIDDEN');
    }
    expect(errorCodeOf(await server.gql(IMPORT, { doc: doc('roles', null) }, { authorization: '' }))).toBe(
      'UNAUTHENTICATED',
    );
    const presentation = {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [doc('roles', null)],
    };
    const viaPresentation = await server.gql(
      `mutation($doc: JSON!) { importPresentation(document: $doc) { index } }`,
      { doc: presentation },
      await bearer({ sub: 's', roles: ['PORTAL'], portalId: 'x' }),
    );
    expect(errorCodeOf(viaPresentation)).toBe('FORBIDDEN');
  });

  it('importPresentation by a learner records each credential for the learner only', async () => {
    const presentation = {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [doc('vp-own', ann.email), doc('vp-bob', bob.email)],
    };
    const res = await server.gql<any>(
      `mutation($doc: JSON!) { importPresentation(document: $doc) { index error { code } result { learner { id } } } }`,
      { doc: presentation },
      annToken,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.importPresentation).toEqual([
      { index: 0, error: null, result: { learner: { id: ann.id } } },
      { index: 1, error: { code: 'FORBIDDEN' }, result: null },
    ]);
    expect(await holdingsOf(bob.id)).toEqual([]);
  });

  it('two learners importing one new credential at once: one writes the catalog entry, the other does not replace it (20 trials)', async () => {
    const bobToken = await bearer({ sub: 'bob', roles: ['LEARNER'], learnerId: bob.id });
    for (let trial = 0; trial < 20; trial += 1) {
      const tag = `same${trial}`;
      const forAnn = doc(tag, ann.email);
      const forBob = doc(tag, bob.email);
      forAnn.credentialSubject.hasClaim.specifiedBy.title = { en: `Ann's title ${trial}` };
      forBob.credentialSubject.hasClaim.specifiedBy.title = { en: `Bob's title ${trial}` };
      const answers = await Promise.all([
        server.gql<any>(IMPORT, { doc: forAnn }, annToken),
        server.gql<any>(IMPORT, { doc: forBob }, bobToken),
      ]);
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      const id = answers[0]!.data.importCredential.credential.id;
      expect(answers[1]!.data.importCredential.credential.id).toBe(id);
      const [{ title }] = await readGraph(server, 'MATCH (c:MicroCredential {id: $id}) RETURN c.title AS title', {
        id,
      });
      // Each answer reads the entry after its own commit: none may have been replaced since.
      for (const answer of answers) expect(answer.data.importCredential.credential.title).toBe(title);
      expect((await holdingsOf(ann.id)).map((h) => h.id)).toContain(id);
      expect((await holdingsOf(bob.id)).map((h) => h.id)).toContain(id);
    }
  });

  it('self-imports racing the deletion of the learner: each answers OK or NOT_FOUND and no learner or holding is left behind (20 trials)', async () => {
    for (let trial = 0; trial < 20; trial += 1) {
      const id = `${p}-race${trial}`;
      expect(
        (await server.gql(`mutation { createLearner(input: { id: "${id}", displayName: "R" }) { id } }`)).errors,
      ).toBeUndefined();
      const token = await bearer({ sub: id, roles: ['LEARNER'], learnerId: id });
      const holderless = elmDocument({
        issuerId: `https://${p}-race.example.org`,
        issuerName: `${p} race`,
        specId: `urn:${p}:spec:race`,
        email: null,
        subjectId: null,
        documentId: `urn:${p}:doc:race${trial}`,
      });
      const answers = await Promise.all([
        server.gql(IMPORT, { doc: holderless }, token),
        server.gql(`mutation { deleteLearner(learnerId: "${id}") }`, undefined, token),
        server.gql(IMPORT, { doc: holderless }, token),
      ]);
      for (const answer of [answers[0], answers[2]]) expect(['OK', 'NOT_FOUND']).toContain(errorCodeOf(answer));
      expect(errorCodeOf(answers[1])).toBe('OK');
      expect(await readGraph(server, 'MATCH (l:Learner {id: $id}) RETURN l', { id })).toEqual([]);
      const [{ orphans }] = await readGraph(
        server,
        'MATCH (l:Learner)-[:HOLDS]->(:MicroCredential)-[:AWARDED_BY]->(v:Provider) WHERE v.url CONTAINS $tag AND NOT l.id STARTS WITH $p RETURN count(l) AS orphans',
        { tag: `${p}-race`, p },
      );
      expect(orphans).toBe(0);
    }
  });
});

/**
 * Concurrent writes to one learner or one credential: every acknowledged write is durable, and a
 * write racing a delete either happens before it or answers NOT_FOUND / CONFLICT, never an
 * internal error and never a half-applied graph. Each race runs many trials; the invariant is
 * asserted on every one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { errorCodeOf, readGraph } from '../support/graph-probes';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
let server: TestServer;
const p = uniquePrefix('races');
let skillUri: string;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '1000000' });
  [{ uri: skillUri }] = await readGraph(
    server,
    'MATCH (:Occupation {uri: $uri})-[:REQUIRES]->(s:Skill) RETURN s.uri AS uri ORDER BY uri LIMIT 1',
    { uri: SOFTWARE_DEVELOPER },
  );
  const setup = await server.gql(`mutation { upsertProvider(input: { id: "${p}-prov", name: "Races" }) { id } }`);
  expect(setup.errors).toBeUndefined();
});
afterAll(async () => {
  await readGraph(
    server,
    'MATCH (n) WHERE (n:Learner OR n:MicroCredential OR n:Provider) AND n.id STARTS WITH $p DETACH DELETE n',
    { p },
  );
  await server?.close();
});

describe('advisor grants (#11.5)', () => {
  it('a revoke racing a grant is durable: the revoked advisor loses access, the granted one keeps it (20 trials)', async () => {
    for (let trial = 0; trial < 20; trial += 1) {
      const learner = `${p}-g${trial}`;
      const revoked = `adv-revoked-${trial}`;
      const granted = `adv-granted-${trial}`;
      const created = await server.gql(
        `mutation { createLearner(input: { id: "${learner}", displayName: "G" }) { id } grantAdvisorAccess(learnerId: "${learner}", advisorSubject: "${revoked}") }`,
      );
      expect(created.errors).toBeUndefined();
      const [revoke, grant] = await Promise.all([
        server.gql<any>(`mutation { revokeAdvisorAccess(learnerId: "${learner}", advisorSubject: "${revoked}") }`),
        server.gql<any>(`mutation { grantAdvisorAccess(learnerId: "${learner}", advisorSubject: "${granted}") }`),
      ]);
      expect([errorCodeOf(revoke), errorCodeOf(grant)]).toEqual(['OK', 'OK']);
      const [{ subjects }] = await readGraph(
        server,
        'MATCH (l:Learner {id: $id}) RETURN l.advisorSubjects AS subjects',
        { id: learner },
      );
      expect(subjects).toEqual([granted]);
      const asRevoked = await server.gql<any>(
        `{ learner(id: "${learner}") { id } }`,
        undefined,
        await bearer({ sub: revoked, roles: ['ADVISOR'] }),
      );
      expect(errorCodeOf(asRevoked)).toBe('FORBIDDEN');
      const asGranted = await server.gql<any>(
        `{ learner(id: "${learner}") { id } }`,
        undefined,
        await bearer({ sub: granted, roles: ['ADVISOR'] }),
      );
      expect(asGranted.data?.learner?.id).toBe(learner);
    }
  });

  it('30 concurrent grants all answered success are all stored (20 trials)', async () => {
    for (let trial = 0; trial < 20; trial += 1) {
      const learner = `${p}-m${trial}`;
      await server.gql(`mutation { createLearner(input: { id: "${learner}", displayName: "M" }) { id } }`);
      const subjects = Array.from({ length: 30 }, (_, i) => `adv-${trial}-${i}`);
      const answers = await Promise.all(
        subjects.map((s) =>
          server.gql<any>(`mutation { grantAdvisorAccess(learnerId: "${learner}", advisorSubject: "${s}") }`),
        ),
      );
      expect(answers.map(errorCodeOf)).toEqual(subjects.map(() => 'OK'));
      const [{ stored }] = await readGraph(server, 'MATCH (l:Learner {id: $id}) RETURN l.advisorSubjects AS stored', {
        id: learner,
      });
      expect([...stored].sort()).toEqual([...subjects].sort());
    }
  });
});

describe('a holding racing the deletion of its credential (#18.1)', () => {
  it('one wins: the holding and the credential stay (delete CONFLICT), or both are gone (add NOT_FOUND); 30 trials', async () => {
    const outcomes = new Set<string>();
    for (let trial = 0; trial < 30; trial += 1) {
      const learner = `${p}-h${trial}`;
      const credential = `${p}-hc${trial}`;
      const setup = await server.gql(`mutation {
        c: upsertMicroCredential(input: { id: "${credential}", title: "C", providerId: "${p}-prov", skills: [{ uri: "${skillUri}" }] }) { id }
        l: createLearner(input: { id: "${learner}", displayName: "H" }) { id } }`);
      expect(setup.errors).toBeUndefined();
      const [add, del] = await Promise.all([
        server.gql<any>(
          `mutation { addHolding(learnerId: "${learner}", credentialId: "${credential}", issuedOn: "2024-01-01") { id } }`,
        ),
        server.gql<any>(`mutation { deleteMicroCredential(id: "${credential}") }`),
      ]);
      const [state] = await readGraph(
        server,
        'OPTIONAL MATCH (c:MicroCredential {id: $c}) RETURN c IS NOT NULL AS credentialExists, COUNT { (:Learner {id: $l})-[:HOLDS]->(:MicroCredential {id: $c}) } AS holdings',
        { c: credential, l: learner },
      );
      const outcome = `${errorCodeOf(add)}/${errorCodeOf(del)}`;
      outcomes.add(outcome);
      if (outcome === 'OK/CONFLICT') expect(state).toEqual({ credentialExists: true, holdings: 1 });
      else if (outcome === 'NOT_FOUND/OK') expect(state).toEqual({ credentialExists: false, holdings: 0 });
      else
        expect.fail(
          `trial ${trial}: addHolding ${errorCodeOf(add)}, deleteMicroCredential ${errorCodeOf(del)} (${add.errors?.[0]?.message ?? ''} ${del.errors?.[0]?.message ?? ''})`,
        );
    }
    console.info('addHolding/deleteMicroCredential outcomes seen:', [...outcomes]);
  });
});

describe('writes racing the deletion of the learner (#18.3)', () => {
  it('addHolding and declareSkills answer success (before the delete) or NOT_FOUND, never an internal error; 20 trials', async () => {
    await server.gql(
      `mutation { upsertMicroCredential(input: { id: "${p}-dc", title: "D", providerId: "${p}-prov", skills: [{ uri: "${skillUri}" }] }) { id } }`,
    );
    for (let trial = 0; trial < 20; trial += 1) {
      const learner = `${p}-d${trial}`;
      await server.gql(`mutation { createLearner(input: { id: "${learner}", displayName: "D" }) { id } }`);
      const [del, add, declare] = await Promise.all([
        server.gql<any>(`mutation { deleteLearner(learnerId: "${learner}") }`),
        server.gql<any>(`mutation { addHolding(learnerId: "${learner}", credentialId: "${p}-dc") { id } }`),
        server.gql<any>(`mutation { declareSkills(learnerId: "${learner}", skillUris: ["${skillUri}"]) { id } }`),
      ]);
      expect(errorCodeOf(del)).toBe('OK');
      expect(['OK', 'NOT_FOUND']).toContain(errorCodeOf(add));
      expect(['OK', 'NOT_FOUND']).toContain(errorCodeOf(declare));
      const [{ left }] = await readGraph(server, 'MATCH (l:Learner {id: $id}) RETURN count(l) AS left', {
        id: learner,
      });
      expect(left).toBe(0);
    }
  });
});

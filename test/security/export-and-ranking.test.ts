/**
 * Data portability (the export holds everything stored about the learner) and who may rank the
 * consenting population and choose the date holdings are judged at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { errorCodeOf, readGraph } from '../support/graph-probes';

const SOFTWARE_DEVELOPER = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
let server: TestServer;
const p = uniquePrefix('export');
const ann = `${p}-ann`;
let skillUris: string[];

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '1000000' });
  skillUris = (
    await readGraph(
      server,
      'MATCH (:Occupation {uri: $uri})-[:REQUIRES]->(s:Skill) RETURN s.uri AS uri ORDER BY uri LIMIT 3',
      { uri: SOFTWARE_DEVELOPER },
    )
  ).map((r) => r.uri);
  const setup = await server.gql(`mutation {
    p: upsertProvider(input: { id: "${p}-prov", name: "P" }) { id }
    c1: upsertMicroCredential(input: { id: "${p}-c1", title: "C1", providerId: "${p}-prov", skills: [{ uri: "${skillUris[0]}" }] }) { id }
    c2: upsertMicroCredential(input: { id: "${p}-c2", title: "C2", providerId: "${p}-prov", skills: [{ uri: "${skillUris[1]}" }] }) { id }
    l: createLearner(input: { id: "${ann}", displayName: "Ann", externalId: "${p}-ann@example.org", matchingConsent: true,
                              declaredSkillUris: ["${skillUris[2]}"], targetOccupationUris: ["${SOFTWARE_DEVELOPER}"] }) { id }
    h1: addHolding(learnerId: "${ann}", credentialId: "${p}-c1", issuedOn: "2023-05-01", expiresOn: "2030-01-01", verified: true, evidenceUrl: "https://example.org/e1") { id }
    h2: addHolding(learnerId: "${ann}", credentialId: "${p}-c2", issuedOn: "2024-02-02") { id }
    g1: grantAdvisorAccess(learnerId: "${ann}", advisorSubject: "advisor-a")
    g2: grantAdvisorAccess(learnerId: "${ann}", advisorSubject: "advisor-b")
    s: setMatchingConsent(learnerId: "${ann}", consent: true) { id } }`);
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

describe('exportLearnerData holds everything stored about the learner (#11.13)', () => {
  it('every property of the record and every property of each of its relationships appears in the export', async () => {
    const res = await server.gql<any>(
      `{ exportLearnerData(learnerId: "${ann}") }`,
      undefined,
      await bearer({ sub: 'ann', roles: ['LEARNER'], learnerId: ann }),
    );
    expect(res.errors).toBeUndefined();
    const exported = res.data.exportLearnerData;

    const [{ props }] = await readGraph(server, 'MATCH (l:Learner {id: $id}) RETURN properties(l) AS props', {
      id: ann,
    });
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining(['advisorSubjects', 'consentChangedAt', 'createdAt', 'updatedAt', 'externalId']),
    );
    expect(exported.learner).toEqual(props);
    expect([...exported.advisorGrants].sort()).toEqual(['advisor-a', 'advisor-b']);

    const rels = await readGraph(
      server,
      `MATCH (l:Learner {id: $id})-[r]-(n) RETURN type(r) AS type, startNode(r) = l AS outgoing, properties(r) AS props, coalesce(n.id, n.uri) AS other`,
      { id: ann },
    );
    expect(rels.map((r) => r.type).sort()).toEqual(['DECLARES', 'HOLDS', 'HOLDS', 'TARGETS']);
    for (const rel of rels) {
      let found: unknown;
      if (rel.type === 'HOLDS' && rel.outgoing)
        found = exported.holdings.find((h: any) => h.credentialId === rel.other)?.holding;
      else if (rel.type === 'DECLARES' && rel.outgoing)
        found = exported.declaredSkills.find((d: any) => d.uri === rel.other)?.properties;
      else if (rel.type === 'TARGETS' && rel.outgoing)
        found = exported.targetOccupations.find((t: any) => t.uri === rel.other)?.properties;
      else
        found = exported.otherRelationships.find(
          (o: any) => o.type === rel.type && (o.other.id ?? o.other.uri) === rel.other,
        )?.properties;
      expect(found, `${rel.type} ${rel.other}`).toEqual(rel.props);
    }
    const holding = exported.holdings.find((h: any) => h.credentialId === `${p}-c1`).holding;
    expect(holding).toMatchObject({
      issuedOn: '2023-05-01',
      expiresOn: '2030-01-01',
      verified: true,
      evidenceUrl: 'https://example.org/e1',
    });
    expect(Object.keys(holding)).toEqual(expect.arrayContaining(['createdAt', 'updatedAt']));
  });

  it('a relationship type added later is exported too', async () => {
    await readGraph(
      server,
      'MATCH (l:Learner {id: $id}), (s:Skill {uri: $uri}) CREATE (l)-[:INTERESTED_IN {since: "2025-01-01"}]->(s)',
      { id: ann, uri: skillUris[0] },
    );
    try {
      const res = await server.gql<any>(`{ exportLearnerData(learnerId: "${ann}") }`);
      expect(res.data.exportLearnerData.otherRelationships).toEqual([
        {
          type: 'INTERESTED_IN',
          outgoing: true,
          properties: { since: '2025-01-01' },
          other: { labels: ['Skill'], id: null, uri: skillUris[0] },
        },
      ]);
    } finally {
      await readGraph(server, 'MATCH (:Learner {id: $id})-[r:INTERESTED_IN]->() DELETE r', { id: ann });
    }
  });
});

describe('who may rank the consenting population (#11.14)', () => {
  const byOccupation = `{ rankCandidates(target: { occupationUri: "${SOFTWARE_DEVELOPER}" }, first: 100) { nodes { displayName } } }`;

  it('a PORTAL token without a portalId is FORBIDDEN; one with a portalId and ADMIN may rank by occupation', async () => {
    const anonymousPortal = await server.gql<any>(
      byOccupation,
      undefined,
      await bearer({ sub: 'portal-x', roles: ['PORTAL'] }),
    );
    expect(errorCodeOf(anonymousPortal)).toBe('FORBIDDEN');
    expect(anonymousPortal.errors?.[0]?.message).toMatch(/portalId/);
    const portal = await server.gql<any>(
      byOccupation,
      undefined,
      await bearer({ sub: 'portal-y', roles: ['PORTAL'], portalId: `${p}-portal` }),
    );
    expect(portal.errors).toBeUndefined();
    expect(portal.data.rankCandidates.nodes.map((n: any) => n.displayName)).toContain('Ann');
    expect(errorCodeOf(await server.gql<any>(byOccupation))).toBe('OK');
    expect(
      errorCodeOf(
        await server.gql<any>(byOccupation, undefined, await bearer({ sub: 'l', roles: ['LEARNER'], learnerId: ann })),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('asOf cannot reveal holding dates (#18.13)', () => {
  it('a PORTAL may not choose policy.asOf when ranking candidates (no bisection of issue dates); ADMIN may', async () => {
    const query = `{ rankCandidates(target: { occupationUri: "${SOFTWARE_DEVELOPER}" }, first: 100, policy: { asOf: "2023-06-01T00:00:00Z" }) { nodes { displayName score } } }`;
    const portal = await bearer({ sub: 'portal-y', roles: ['PORTAL'], portalId: `${p}-portal` });
    const res = await server.gql<any>(query, undefined, portal);
    expect(errorCodeOf(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toMatch(/asOf/);
    const nested = await server.gql<any>(
      `{ rankCandidates(target: { occupationUri: "${SOFTWARE_DEVELOPER}" }, policy: { asOf: "2023-06-01T00:00:00Z" }) { nodes { coverage { score } } } }`,
      undefined,
      portal,
    );
    expect(errorCodeOf(nested)).toBe('FORBIDDEN');
    expect(errorCodeOf(await server.gql<any>(query))).toBe('OK');
  });

  it('coverage and plans with asOf for a learner subject: only for callers who may read the learner', async () => {
    const coverage = `{ coverage(subject: { learnerId: "${ann}" }, target: { occupationUri: "${SOFTWARE_DEVELOPER}" }, policy: { asOf: "2023-06-01T00:00:00Z" }) { score } }`;
    const rank = `{ rankOccupations(subject: { learnerId: "${ann}" }, first: 1, policy: { asOf: "2023-06-01T00:00:00Z" }) { totalCount } }`;
    const portal = await bearer({ sub: 'portal-y', roles: ['PORTAL'], portalId: `${p}-portal` });
    const advisor = await bearer({ sub: 'advisor-a', roles: ['ADVISOR'] });
    const stranger = await bearer({ sub: 'advisor-z', roles: ['ADVISOR'] });
    for (const query of [coverage, rank]) {
      expect(errorCodeOf(await server.gql<any>(query, undefined, portal))).toBe('FORBIDDEN');
      expect(errorCodeOf(await server.gql<any>(query, undefined, stranger))).toBe('FORBIDDEN');
      expect(errorCodeOf(await server.gql<any>(query, undefined, advisor))).toBe('OK');
    }
  });
});

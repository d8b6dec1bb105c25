/**
 * A VC-JWT (compact JWS) is accepted as a credential document (#13.6): it is decoded into its
 * `vc` claim (VC Data Model 1.1) or its payload (VCDM 2.0 `vc+jwt`) and imported like the JSON
 * credential; a signature credgraph cannot check leaves the holding unverified. The tokens are
 * made in this test (no real VC-JWT sample exists in the shared data): they wrap the real DCC
 * "Teamwork" Open Badge (its Data Integrity proof removed), signed with keys made here.
 */
import fs from 'node:fs';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { sharedDataDir } from '../support/shared-data';
import { errorCodeOf, readGraph } from '../support/graph-probes';

let server: TestServer;
const p = uniquePrefix('vc-jwt');
const IMPORT = `mutation($doc: JSON!) { importCredential(document: $doc) { format credential { id title skills { source } } learner { id holdings { verified } } verification { status checks { check outcome } } } }`;

/** The real Teamwork badge, without its proof, made unique to this run. */
function teamworkBadge(tag: string, holder: string): Record<string, any> {
  const doc = JSON.parse(
    fs.readFileSync(sharedDataDir('open_badges', 'third_party_signed', 'dcc_v2_ob3_eddsa_rdfc_2022.json'), 'utf8'),
  );
  delete doc.proof;
  doc.id = `urn:${p}:${tag}`;
  doc.issuer.id = `https://${p}-${tag}.example.com/issuer`;
  doc.credentialSubject.id = holder;
  doc.credentialSubject.achievement.id = `https://${p}-${tag}.example.com/achievements/teamwork`;
  return doc;
}

async function rs256(payload: Record<string, unknown>, typ: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ, kid: 'did:example:unknown#key-1' })
    .sign(privateKey);
}

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '1000000', VC_FETCH: 'false' });
});
afterAll(async () => {
  await readGraph(server, 'MATCH (l:Learner) WHERE l.externalId CONTAINS $p OR l.id STARTS WITH $p DETACH DELETE l', {
    p,
  });
  await readGraph(
    server,
    'MATCH (c:MicroCredential)-[:AWARDED_BY]->(v:Provider) WHERE v.url CONTAINS $p OR v.name CONTAINS $p DETACH DELETE c',
    { p },
  );
  await readGraph(server, 'MATCH (v:Provider) WHERE v.url CONTAINS $p OR v.name CONTAINS $p DETACH DELETE v', { p });
  await server?.close();
});

describe('a VC-JWT string is imported as a credential document', () => {
  it('VC Data Model 1.1 (vc claim, iss/sub/nbf/jti): decoded, imported, the holding unverified', async () => {
    const holder = `mailto:${p}-v1@example.org`;
    const badge = teamworkBadge('v1', holder);
    const token = await rs256({ vc: badge, iss: badge.issuer.id, sub: holder, jti: badge.id, nbf: 1262304000 }, 'JWT');
    expect(token.split('.')).toHaveLength(3);
    const res = await server.gql<any>(IMPORT, { doc: token });
    expect(res.errors).toBeUndefined();
    const out = res.data.importCredential;
    expect(out.format).toBe('OB3');
    expect(out.credential.title).toBe('Teamwork');
    expect(out.credential.skills.length).toBeGreaterThan(0);
    expect(out.verification.status).not.toBe('VERIFIED');
    expect(out.verification.checks).toContainEqual({ check: 'FORMAT', outcome: 'PASSED' });
    expect(out.learner.holdings).toEqual([{ verified: false }]);
    expect(
      await readGraph(
        server,
        'MATCH (l:Learner {externalId: $e})-[h:HOLDS]->() RETURN h.verificationStatus AS status',
        { e: holder },
      ),
    ).toEqual([{ status: out.verification.status }]);
  });

  it('VCDM 2.0 vc+jwt (the payload is the credential) imports the same way', async () => {
    const holder = `mailto:${p}-v2@example.org`;
    const token = await rs256(teamworkBadge('v2', holder), 'vc+jwt');
    const res = await server.gql<any>(IMPORT, { doc: token });
    expect(res.errors).toBeUndefined();
    expect(res.data.importCredential.credential.title).toBe('Teamwork');
    expect(res.data.importCredential.verification.status).not.toBe('VERIFIED');
  });

  it("a LEARNER's self-import of a VC-JWT whose subject is someone else is FORBIDDEN", async () => {
    const id = `${p}-learner`;
    expect(
      (
        await server.gql(
          `mutation { createLearner(input: { id: "${id}", displayName: "L", externalId: "mailto:${p}-mine@example.org" }) { id } }`,
        )
      ).errors,
    ).toBeUndefined();
    const token = await rs256(teamworkBadge('other', `mailto:${p}-other@example.org`), 'vc+jwt');
    const res = await server.gql<any>(
      IMPORT,
      { doc: token },
      await bearer({ sub: id, roles: ['LEARNER'], learnerId: id }),
    );
    expect(errorCodeOf(res)).toBe('FORBIDDEN');
    expect(await readGraph(server, 'MATCH (:Learner {id: $id})-[h:HOLDS]->() RETURN h', { id })).toEqual([]);
  });

  it('a string that is not a compact JWS is rejected with the reason', async () => {
    const res = await server.gql<any>(IMPORT, { doc: 'not.a jwt' });
    expect(errorCodeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/VC-JWT/);
  });
});

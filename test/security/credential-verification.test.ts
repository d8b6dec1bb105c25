import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_HEADERS, bearer, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { sharedDataDir } from '../support/shared-data';
import { escoBadge } from '../support/signed-badges';
import {
  ed25519Jwks,
  encodeStatusList,
  generateIssuerKey,
  signEddsaRdfc2022,
  signVcJwt,
  type TestIssuerKey,
} from '../support/vc-signing';

const VERIFICATION = 'verification { status issuer checkedAt checks { check ok outcome message } }';
const IMPORT = `mutation($doc: JSON!, $lists: [JSON!]) { importCredential(document: $doc, statusLists: $lists) {
  credential { id } ${VERIFICATION}
  learner { id holdings { credential { id } verified ${VERIFICATION} } } } }`;

interface Verification {
  status: string;
  issuer: string | null;
  checks: { check: string; ok: boolean; outcome: string; message: string }[];
}
interface ImportResult {
  credential: { id: string };
  verification: Verification;
  learner: {
    id: string;
    holdings: { credential: { id: string }; verified: boolean; verification: Verification | null }[];
  } | null;
}

let server: TestServer;
let issuer: TestIssuerKey;
const prefix = uniquePrefix('vc');
const learners: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ VC_FETCH: 'false' });
  issuer = await generateIssuerKey();
});
afterAll(async () => {
  for (const id of learners) await server?.gql('mutation($id: ID!) { deleteLearner(learnerId: $id) }', { id });
  await server?.db.driver.executeQuery(
    `MATCH (n) WHERE (n:MicroCredential AND n.sourceId CONTAINS $prefix) OR (n:Provider AND n.url CONTAINS $prefix) DETACH DELETE n`,
    { prefix },
  );
  await server?.close();
});

async function importDoc(doc: unknown, lists?: unknown[]) {
  const res = await server.gql<{ importCredential: ImportResult }>(IMPORT, { doc, lists });
  const result = res.data?.importCredential;
  if (result?.learner && !learners.includes(result.learner.id)) learners.push(result.learner.id);
  return { result, errors: res.errors };
}

const failedChecks = (v: Verification) => v.checks.filter((c) => !c.ok).map((c) => `${c.check}:${c.outcome}`);

describe('importCredential verifies the document and the holding stores the result', () => {
  it('a signed credential imports as VERIFIED and its holding is verified', async () => {
    const signed = await signEddsaRdfc2022(escoBadge(issuer.did, `${prefix}-ok`), issuer);
    const { result, errors } = await importDoc(signed);
    expect(errors).toBeUndefined();
    expect(result!.verification.status).toBe('VERIFIED');
    expect(result!.verification.issuer).toBe(issuer.did);
    const holding = result!.learner!.holdings.find((h) => h.credential.id === result!.credential.id)!;
    expect(holding.verified).toBe(true);
    expect(holding.verification?.status).toBe('VERIFIED');
    expect(holding.verification?.checks.map((c) => c.check)).toContain('SIGNATURE');
  });

  it('a tampered credential imports as INVALID naming SIGNATURE, and its holding is not verified', async () => {
    const signed = await signEddsaRdfc2022(escoBadge(issuer.did, `${prefix}-tampered`), issuer);
    (signed.credentialSubject as { achievement: { name: string } }).achievement.name = 'Brain surgery';
    const { result, errors } = await importDoc(signed);
    expect(errors).toBeUndefined();
    expect(result!.verification.status).toBe('INVALID');
    expect(failedChecks(result!.verification)).toEqual(['SIGNATURE:FAILED']);
    const holding = result!.learner!.holdings.find((h) => h.credential.id === result!.credential.id)!;
    expect(holding).toMatchObject({ verified: false, verification: { status: 'INVALID' } });
  });

  it('a VC-JWT given as a JSON string imports as VERIFIED', async () => {
    const { privateJwk } = await ed25519Jwks(issuer);
    const jwt = await signVcJwt(escoBadge(issuer.did, `${prefix}-jwt`), {
      encoding: 'vc',
      alg: 'EdDSA',
      privateJwk,
      kid: issuer.verificationMethod,
      iss: issuer.did,
    });
    const { result, errors } = await importDoc(jwt);
    expect(errors).toBeUndefined();
    expect(result!.verification.status).toBe('VERIFIED');
    expect(result!.learner!.holdings.find((h) => h.credential.id === result!.credential.id)?.verified).toBe(true);
  });

  it('a revoked credential (status list supplied with the import) is INVALID on STATUS', async () => {
    const listUrl = `https://${prefix}.example/status/1`;
    const list = await signEddsaRdfc2022(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: listUrl,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: issuer.did,
        credentialSubject: {
          id: `${listUrl}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: `u${await encodeStatusList([5])}`,
        },
      },
      issuer,
    );
    const status = {
      id: `${listUrl}#5`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '5',
      statusListCredential: listUrl,
    };
    const signed = await signEddsaRdfc2022(
      escoBadge(issuer.did, `${prefix}-revoked`, { credentialStatus: status }),
      issuer,
    );
    const { result } = await importDoc(signed, [list]);
    expect(result!.verification.status).toBe('INVALID');
    expect(failedChecks(result!.verification)).toEqual(['STATUS:FAILED']);
    // Without the list and with fetching off: UNVERIFIABLE, the reason named.
    const again = await importDoc(signed);
    expect(again.result!.verification.status).toBe('UNVERIFIABLE');
    expect(again.result!.verification.checks.find((c) => c.check === 'STATUS')?.message).toContain('VC_FETCH=false');
  });

  it('a holding is verified only by its proof or an ADMIN attestation that says so; a learner cannot assert it', async () => {
    const signed = await signEddsaRdfc2022(escoBadge(issuer.did, `${prefix}-manual`), issuer);
    (signed.credentialSubject as { achievement: { name: string } }).achievement.name = 'Tampered';
    const { result } = await importDoc(signed);
    const learnerId = result!.learner!.id;
    const credentialId = result!.credential.id;
    const ADD = `mutation($l: ID!, $c: ID!) { addHolding(learnerId: $l, credentialId: $c, verified: true) {
      holdings { credential { id } verified verification { status checks { check outcome message } } } } }`;
    type Answer = {
      addHolding: {
        holdings: {
          credential: { id: string };
          verified: boolean;
          verification: { status: string; checks: { check: string; outcome: string; message: string }[] } | null;
        }[];
      };
    };
    // The learner's own token may not vouch for the tampered credential.
    const own = await bearer({ sub: `${learnerId}-sub`, roles: ['LEARNER'], learnerId });
    const refused = await server.gql<Answer>(ADD, { l: learnerId, c: credentialId }, own);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // An ADMIN's attestation is recorded as such: VERIFIED by one ATTESTATION check, no proof claimed.
    const res = await server.gql<Answer>(ADD, { l: learnerId, c: credentialId });
    expect(res.errors).toBeUndefined();
    const holding = res.data.addHolding.holdings.find((h) => h.credential.id === credentialId)!;
    expect(holding.verified).toBe(true);
    expect(holding.verification?.status).toBe('VERIFIED');
    expect(holding.verification?.checks.map((c) => `${c.check}:${c.outcome}`)).toEqual(['ATTESTATION:PASSED']);
    expect(holding.verification?.checks[0]?.message).toMatch(/no cryptographic proof was checked/);
  });
});

describe('verifyCredential', () => {
  const VERIFY = `query($doc: JSON!) { verifyCredential(document: $doc) { status issuer checks { check ok outcome message } } }`;
  const read = (name: string) =>
    JSON.parse(fs.readFileSync(sharedDataDir('open_badges', 'third_party_signed', name), 'utf8'));

  it('answers anonymous callers without touching the database: third-party badges verify / fail on expiry', async () => {
    const good = await server.gql<{ verifyCredential: Verification }>(
      VERIFY,
      { doc: read('dcc_v2_ob3_eddsa_rdfc_2022.json') },
      ANONYMOUS_HEADERS,
    );
    expect(good.errors).toBeUndefined();
    expect(good.data.verifyCredential.status).toBe('VERIFIED');
    expect(good.roundTrips).toBe(0);
    const expired = await server.gql<{ verifyCredential: Verification }>(
      VERIFY,
      { doc: read('dcc_v2_ob3_ed25519_2020_expired.json') },
      ANONYMOUS_HEADERS,
    );
    expect(expired.data.verifyCredential.status).toBe('INVALID');
    expect(failedChecks(expired.data.verifyCredential)).toEqual(['VALID_UNTIL:FAILED']);
  });

  it('stores nothing: verifying a new badge creates no micro-credential', async () => {
    const signed = await signEddsaRdfc2022(escoBadge(issuer.did, `${prefix}-verifyonly`), issuer);
    const res = await server.gql<{ verifyCredential: Verification }>(VERIFY, { doc: signed }, ANONYMOUS_HEADERS);
    expect(res.data.verifyCredential.status).toBe('VERIFIED');
    const found = await server.db.driver.executeQuery(
      'MATCH (c:MicroCredential) WHERE c.sourceId CONTAINS $tag RETURN count(c) AS n',
      { tag: `${prefix}-verifyonly` },
    );
    expect(Number(found.records[0]!.get('n'))).toBe(0);
  });
});

describe('importPresentation', () => {
  it('imports each credential on its own and lists each result or error', async () => {
    const good = await signEddsaRdfc2022(escoBadge(issuer.did, `${prefix}-vp1`), issuer);
    const unknownSkill = await signEddsaRdfc2022(
      escoBadge(issuer.did, `${prefix}-vp2`, {}, [
        'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000',
      ]),
      issuer,
    );
    const { privateJwk } = await ed25519Jwks(issuer);
    const jwt = await signVcJwt(escoBadge(issuer.did, `${prefix}-vp3`), {
      encoding: 'vc',
      alg: 'EdDSA',
      privateJwk,
      kid: issuer.verificationMethod,
      iss: issuer.did,
    });
    const presentation = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [good, unknownSkill, jwt],
    };
    const res = await server.gql<{
      importPresentation: {
        index: number;
        result: ImportResult | null;
        error: { code: string; message: string } | null;
      }[];
    }>(
      `mutation($doc: JSON!) { importPresentation(document: $doc) { index error { code message } result { credential { id } learner { id } verification { status issuer checkedAt checks { check ok outcome message } } } } }`,
      { doc: presentation },
    );
    expect(res.errors).toBeUndefined();
    const items = res.data.importPresentation;
    for (const item of items) if (item.result?.learner) learners.push(item.result.learner.id);
    expect(items.map((i) => [i.index, i.result?.verification.status ?? null, i.error?.code ?? null])).toEqual([
      [0, 'VERIFIED', null],
      [1, null, 'NOT_FOUND'],
      [2, 'VERIFIED', null],
    ]);
    // All or nothing per credential: the rejected one left no micro-credential.
    const found = await server.db.driver.executeQuery(
      'MATCH (c:MicroCredential) WHERE c.sourceId CONTAINS $tag RETURN count(c) AS n',
      { tag: `${prefix}-vp2` },
    );
    expect(Number(found.records[0]!.get('n'))).toBe(0);
  });

  it('importCredential refuses a presentation and points to importPresentation', async () => {
    const res = await importDoc({ type: ['VerifiablePresentation'], verifiableCredential: [{}] });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('importPresentation');
  });
});

describe('coverage and unverified evidence', () => {
  it('INVALID holdings earn nothing, unverified ones policy.unverified (default 1), and explanations show each status', async () => {
    const [verifiedSkill, unsignedSkill] = [
      'http://data.europa.eu/esco/skill/f10142ce-d522-49c3-9fd1-054fb63529d4',
      'http://data.europa.eu/esco/skill/81a2db2c-7e55-44d0-9cd9-74c25147d7cd',
    ];
    const holder = `urn:test:${prefix}-coverage-holder`;
    const withHolder = (doc: Record<string, unknown>) => ({
      ...doc,
      credentialSubject: { ...(doc.credentialSubject as object), id: holder },
    });
    const verified = await signEddsaRdfc2022(
      withHolder(escoBadge(issuer.did, `${prefix}-cov-a`, {}, [verifiedSkill])),
      issuer,
    );
    const unsigned = withHolder(escoBadge(issuer.did, `${prefix}-cov-b`, {}, [unsignedSkill]));
    const a = await importDoc(verified);
    const b = await importDoc(unsigned);
    expect([a.result!.verification.status, b.result!.verification.status]).toEqual(['VERIFIED', 'UNSIGNED']);
    const learnerId = a.result!.learner!.id;
    expect(b.result!.learner!.id).toBe(learnerId);

    // An ESCO v1.1.1 occupation requiring both skills.
    const occupation = 'http://data.europa.eu/esco/occupation/fbceeac6-798b-4307-a825-626707a753ad';
    const COVERAGE = `query($l: ID!, $o: ID!, $policy: MatchPolicyInput) {
      coverage(subject: { learnerId: $l }, target: { occupationUri: $o }, policy: $policy) {
        requirements { skill { uri } credit evidence { kind credential { id } holdingVerification } } } }`;
    type Coverage = {
      coverage: {
        requirements: {
          skill: { uri: string };
          credit: number;
          evidence: { kind: string; credential: { id: string } | null; holdingVerification: string | null }[];
        }[];
      };
    };
    const run = async (policy?: Record<string, unknown>) => {
      const res = await server.gql<Coverage>(COVERAGE, { l: learnerId, o: occupation, policy });
      expect(res.errors).toBeUndefined();
      return new Map(res.data.coverage.requirements.map((r) => [r.skill.uri, r]));
    };
    const byDefault = await run();
    expect(byDefault.get(verifiedSkill)).toMatchObject({
      credit: 1,
      evidence: [{ kind: 'CREDENTIAL', holdingVerification: 'VERIFIED' }],
    });
    expect(byDefault.get(unsignedSkill)).toMatchObject({
      credit: 1,
      evidence: [{ kind: 'CREDENTIAL', holdingVerification: 'UNSIGNED' }],
    });

    const verifiedOnly = await run({ unverified: 0 });
    expect(verifiedOnly.get(verifiedSkill)?.credit).toBe(1);
    expect(verifiedOnly.get(unsignedSkill)).toMatchObject({ credit: 0, evidence: [] });
    expect((await run({ unverified: 0.5 })).get(unsignedSkill)?.credit).toBe(0.5);

    // The same unsigned badge, now tampered after signing: INVALID, and it earns nothing.
    const forged = await signEddsaRdfc2022(
      withHolder(escoBadge(issuer.did, `${prefix}-cov-b`, {}, [unsignedSkill])),
      issuer,
    );
    forged.name = 'Changed after signing';
    const c = await importDoc(forged);
    expect(c.result!.verification.status).toBe('INVALID');
    expect((await run()).get(unsignedSkill)).toMatchObject({ credit: 0, evidence: [] });
  });
});

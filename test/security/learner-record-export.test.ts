import fs from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_HEADERS, bearer, startTestServer, type TestServer } from '../support/test-server';
import { uniquePrefix } from '../support/test-database';
import { sharedDataDir } from '../support/shared-data';
import { TEST_SKILLS, escoBadge } from '../support/signed-badges';
import { generateIssuerKey, signEddsaRdfc2022, type TestIssuerKey } from '../support/vc-signing';
import { generateSigningKey } from '../../src/services/exports/record-signer';
import { LearnerRecordExportService } from '../../src/services/exports/learner-record-export-service';
import { LearnerRepository } from '../../src/db/repositories/learner-repository';
import { CatalogRepository } from '../../src/db/repositories/catalog-repository';
import { EscoRepository } from '../../src/db/repositories/esco-repository';

type Doc = Record<string, any>;

let server: TestServer;
let issuer: TestIssuerKey;
let serverKey: { secretKeyMultibase: string; did: string };
const prefix = uniquePrefix('clr');
let learnerId: string;
let credentialId: string;

const schema = JSON.parse(
  fs.readFileSync(sharedDataDir('open_badges', 'ob_v3p0_achievementcredential_schema.json'), 'utf8'),
);
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validateAchievementCredential = ajv.compile(schema);

beforeAll(async () => {
  serverKey = await generateSigningKey();
  server = await startTestServer({
    VC_FETCH: 'false',
    VC_SIGNING_KEY: serverKey.secretKeyMultibase,
    VC_ISSUER_NAME: `${prefix} registry`,
  });
  issuer = await generateIssuerKey();
  const signed = await signEddsaRdfc2022(
    escoBadge(issuer.did, `${prefix}-a`, { validUntil: '2036-01-01T00:00:00Z' }),
    issuer,
  );
  const res = await server.gql<{ importCredential: { credential: { id: string }; learner: { id: string } } }>(
    `mutation($doc: JSON!) { importCredential(document: $doc) { credential { id } learner { id } } }`,
    { doc: signed },
  );
  expect(res.errors).toBeUndefined();
  learnerId = res.data.importCredential.learner.id;
  credentialId = res.data.importCredential.credential.id;
});
afterAll(async () => {
  if (learnerId) await server?.gql('mutation($id: ID!) { deleteLearner(learnerId: $id) }', { id: learnerId });
  await server?.db.driver.executeQuery(
    `MATCH (n) WHERE (n:MicroCredential AND n.sourceId CONTAINS $prefix) OR (n:Provider AND (n.url CONTAINS $prefix OR n.name CONTAINS $prefix)) DETACH DELETE n`,
    { prefix },
  );
  await server?.close();
});

const RECORD = `query($id: ID!) { learner(id: $id) { openBadgesRecord } }`;
const VERIFY = `query($doc: JSON!) { verifyCredential(document: $doc) { status issuer checks { check ok message } } }`;

async function exportAs(headers?: Record<string, string>) {
  return server.gql<{ learner: { openBadgesRecord: Doc } | null }>(RECORD, { id: learnerId }, headers);
}

describe('Learner.openBadgesRecord (CLR 2.0 / Open Badges 3.0 export)', () => {
  it('lists the holding as an OpenBadgeCredential with its ESCO alignments, valid against the 1EdTech schema', async () => {
    const res = await exportAs(await bearer({ sub: `${prefix}-learner`, roles: ['LEARNER'], learnerId }));
    expect(res.errors).toBeUndefined();
    const clr = res.data.learner!.openBadgesRecord;
    expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(clr.issuer.id).toBe(serverKey.did);
    expect(clr.proof).toMatchObject([{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' }]);
    const inner: Doc[] = clr.credentialSubject.verifiableCredential;
    expect(inner).toHaveLength(1);
    const achievement = inner[0]!.credentialSubject.achievement;
    expect(achievement.id).toBe(`urn:test:${prefix}-a-achievement`);
    expect(achievement.alignment.map((a: Doc) => a.targetUrl).sort()).toEqual([...TEST_SKILLS].sort());
    expect(
      achievement.alignment.every((a: Doc) => a.targetFramework === 'ESCO' && typeof a.targetName === 'string'),
    ).toBe(true);
    for (const credential of inner) {
      // The 1EdTech schema names the type AchievementCredential or OpenBadgeCredential; either passes.
      const valid = validateAchievementCredential(credential);
      expect(validateAchievementCredential.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it('round trip: the CLR and each credential in it verify, and re-import as VERIFIED', async () => {
    const clr = (await exportAs()).data.learner!.openBadgesRecord;
    const outer = await server.gql<{ verifyCredential: { status: string; issuer: string } }>(
      VERIFY,
      { doc: clr },
      ANONYMOUS_HEADERS,
    );
    expect(outer.data.verifyCredential).toMatchObject({ status: 'VERIFIED', issuer: serverKey.did });
    for (const credential of clr.credentialSubject.verifiableCredential) {
      const res = await server.gql<{ verifyCredential: { status: string } }>(
        VERIFY,
        { doc: credential },
        ANONYMOUS_HEADERS,
      );
      expect(res.data.verifyCredential.status).toBe('VERIFIED');
    }
    const reimport = await server.gql<{
      importPresentation: {
        error: { message: string } | null;
        result: { verification: { status: string }; learner: { id: string } } | null;
      }[];
    }>(
      `mutation($doc: JSON!) { importPresentation(document: $doc) { error { message } result { verification { status } learner { id } } } }`,
      { doc: clr },
    );
    expect(reimport.errors).toBeUndefined();
    const items = reimport.data.importPresentation;
    for (const item of items)
      if (item.result?.learner && item.result.learner.id !== learnerId)
        await server.gql('mutation($id: ID!) { deleteLearner(learnerId: $id) }', { id: item.result.learner.id });
    expect(items.map((i) => i.error?.message ?? i.result?.verification.status)).toEqual(['VERIFIED']);

    // Tampering with the exported record is detected.
    const tampered = structuredClone(clr);
    tampered.credentialSubject.verifiableCredential[0].credentialSubject.achievement.name = 'Something else';
    const bad = await server.gql<{ verifyCredential: { status: string; checks: { check: string; ok: boolean }[] } }>(
      VERIFY,
      { doc: tampered.credentialSubject.verifiableCredential[0] },
      ANONYMOUS_HEADERS,
    );
    expect(bad.data.verifyCredential.status).toBe('INVALID');
    expect(bad.data.verifyCredential.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(['SIGNATURE']);
  });

  it("is the learner's data: anonymous callers and other learners get no record", async () => {
    const anonymous = await exportAs(ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const other = await exportAs(
      await bearer({ sub: `${prefix}-other`, roles: ['LEARNER'], learnerId: `${prefix}-other` }),
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('without a signing key the record is unsigned and verifies as UNSIGNED', async () => {
    const executor = server.db.executor;
    const service = new LearnerRecordExportService(
      new LearnerRepository(executor),
      new CatalogRepository(executor),
      new EscoRepository(executor),
      Promise.resolve(null),
      'unsigned test',
    );
    const { document, signed } = await service.exportRecord(learnerId);
    expect(signed).toBe(false);
    expect(document.proof).toBeUndefined();
    expect((document.credentialSubject as Doc).verifiableCredential[0].proof).toBeUndefined();
    const res = await server.gql<{ verifyCredential: { status: string } }>(
      VERIFY,
      { doc: document },
      ANONYMOUS_HEADERS,
    );
    expect(res.data.verifyCredential.status).toBe('UNSIGNED');
    expect(credentialId).toBeTruthy();
  });
});

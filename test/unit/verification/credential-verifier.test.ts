import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportJWK, generateKeyPair } from 'jose';
import { CredentialVerifier } from '../../../src/services/verification/credential-verifier';
import {
  createHttpJsonFetcher,
  noNetworkFetcher,
  type JsonFetcher,
} from '../../../src/services/verification/json-fetcher';
import type { Verification } from '../../../src/domain/verification/verification';
import { sharedDataDir } from '../../support/shared-data';
import {
  ed25519Jwks,
  encodeStatusList,
  generateIssuerKey,
  signEd25519Signature2020,
  signEddsaRdfc2022,
  signVcJwt,
  type TestIssuerKey,
} from '../../support/vc-signing';

const NOW = new Date('2026-06-01T00:00:00Z');

function badge(issuer: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:5b1a4c0e-8a5e-4d0e-9c55-3f3b0f4b7d10',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Test Academy' },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Python programming',
    credentialSubject: {
      id: 'did:example:learner-1',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.edu/achievements/python',
        type: ['Achievement'],
        name: 'Python programming',
        criteria: { narrative: 'Passed the final project.' },
        description: 'Writes Python programs.',
      },
    },
    ...extra,
  };
}

function check(verification: Verification, name: string) {
  return verification.checks.find((c) => c.check === name);
}

/** The names of the checks that did not pass, in order. */
function notPassed(verification: Verification): string[] {
  return verification.checks.filter((c) => c.outcome !== 'PASSED').map((c) => `${c.check}:${c.outcome}`);
}

describe('CredentialVerifier, Data Integrity proofs signed in the test', () => {
  let issuer: TestIssuerKey;
  let other: TestIssuerKey;
  const verifier = new CredentialVerifier(noNetworkFetcher);

  beforeAll(async () => {
    issuer = await generateIssuerKey();
    other = await generateIssuerKey();
  });

  it.each([
    ['eddsa-rdfc-2022', signEddsaRdfc2022],
    ['Ed25519Signature2020', signEd25519Signature2020],
  ] as const)('%s: a signed credential verifies, a changed field fails on SIGNATURE', async (_name, sign) => {
    const signed = await sign(badge(issuer.did), issuer);
    const good = await verifier.verify(signed, { now: NOW });
    expect(good.verification.status).toBe('VERIFIED');
    expect(good.verification.issuer).toBe(issuer.did);
    expect(notPassed(good.verification)).toEqual([]);
    expect(good.verification.checks.map((c) => c.check)).toEqual(
      expect.arrayContaining(['FORMAT', 'CONTEXT', 'ISSUER_KEY', 'SIGNATURE', 'ISSUER', 'VALID_FROM', 'VALID_UNTIL']),
    );

    const tampered = structuredClone(signed);
    (tampered.credentialSubject as { achievement: { name: string } }).achievement.name = 'Rocket science';
    const bad = await verifier.verify(tampered, { now: NOW });
    expect(bad.verification.status).toBe('INVALID');
    expect(notPassed(bad.verification)).toEqual(['SIGNATURE:FAILED']);
  });

  it('a proof made with another key than the one it names fails on SIGNATURE', async () => {
    const signed = await signEddsaRdfc2022(badge(issuer.did), issuer);
    const forged = structuredClone(signed) as { proof: { verificationMethod: string } };
    // Same issuer claimed, but the proof points at another did:key: the signature cannot match.
    forged.proof.verificationMethod = other.verificationMethod;
    const result = await verifier.verify(forged, { now: NOW });
    expect(result.verification.status).toBe('INVALID');
    expect(notPassed(result.verification)[0]).toMatch(/^(SIGNATURE|ISSUER):FAILED$/);
  });

  it("a valid signature by a key that is not the issuer's fails on ISSUER", async () => {
    const signed = await signEddsaRdfc2022(badge(issuer.did), other);
    const result = await verifier.verify(signed, { now: NOW });
    expect(result.verification.status).toBe('INVALID');
    expect(check(result.verification, 'SIGNATURE')?.outcome).toBe('PASSED');
    expect(notPassed(result.verification)).toEqual(['ISSUER:FAILED']);
  });

  it('an expired signed credential fails on VALID_UNTIL only; one not yet valid on VALID_FROM', async () => {
    const expired = await signEddsaRdfc2022(badge(issuer.did, { validUntil: '2026-01-01T00:00:00Z' }), issuer);
    const a = await verifier.verify(expired, { now: NOW });
    expect(a.verification.status).toBe('INVALID');
    expect(notPassed(a.verification)).toEqual(['VALID_UNTIL:FAILED']);
    expect(check(a.verification, 'VALID_UNTIL')?.message).toContain('2026-01-01');

    const future = await signEddsaRdfc2022(badge(issuer.did, { validFrom: '2027-01-01T00:00:00Z' }), issuer);
    const b = await verifier.verify(future, { now: NOW });
    expect(notPassed(b.verification)).toEqual(['VALID_FROM:FAILED']);
  });

  // A Data Integrity proof signs the JSON-LD meaning: `@id` for `id`, or a full IRI for a term,
  // signs the same, while credgraph reads the plain keys. Without the FORMAT check these verified.
  it.each([
    [
      'the holder as @id',
      (doc: Record<string, unknown>) => {
        const subject = doc.credentialSubject as Record<string, unknown>;
        subject['@id'] = subject.id;
        delete subject.id;
      },
      'credentialSubject.id',
    ],
    [
      'the expiry as a full IRI with a typed value',
      (doc: Record<string, unknown>) => {
        doc['https://www.w3.org/2018/credentials#validUntil'] = {
          '@value': doc.validUntil,
          '@type': 'http://www.w3.org/2001/XMLSchema#dateTime',
        };
        delete doc.validUntil;
      },
      'validUntil',
    ],
  ] as const)('a signed credential with %s keeps its signature but fails on FORMAT', async (_name, respell, field) => {
    const signed = await signEddsaRdfc2022(badge(issuer.did, { validUntil: '2026-01-01T00:00:00Z' }), issuer);
    const respelled = structuredClone(signed);
    respell(respelled);
    const result = await verifier.verify(respelled, { now: NOW });
    expect(check(result.verification, 'SIGNATURE')?.outcome).toBe('PASSED');
    expect(result.verification.status).toBe('INVALID');
    expect(check(result.verification, 'FORMAT')).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringContaining(field),
    });
  });

  it('a signed credential as its issuer wrote it passes FORMAT (compact form), with an inline-context term elsewhere too', async () => {
    const doc = badge(issuer.did);
    doc['@context'] = [...(doc['@context'] as string[]), { note: 'https://example.org/vocab#note' }];
    doc.note = 'an extension term of an inline context';
    const signed = await signEddsaRdfc2022(doc, issuer);
    const result = await verifier.verify(signed, { now: NOW });
    expect(notPassed(result.verification)).toEqual([]);
    expect(check(result.verification, 'FORMAT')?.message).toMatch(/compact form/);
  });

  it('an unknown JSON-LD context is not fetched: UNVERIFIABLE on CONTEXT', async () => {
    const fetchJson = vi.fn<JsonFetcher>(async () => ({}));
    const doc = badge(issuer.did);
    doc['@context'] = [...(doc['@context'] as string[]), 'https://example.org/contexts/unknown.jsonld'];
    const signed = {
      ...doc,
      proof: {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        verificationMethod: issuer.verificationMethod,
        proofPurpose: 'assertionMethod',
        proofValue: 'z123',
      },
    };
    const result = await new CredentialVerifier(fetchJson).verify(signed, { now: NOW });
    expect(result.verification.status).toBe('UNVERIFIABLE');
    expect(check(result.verification, 'CONTEXT')).toMatchObject({
      outcome: 'UNDETERMINED',
      message: expect.stringContaining('https://example.org/contexts/unknown.jsonld'),
    });
    expect(fetchJson).not.toHaveBeenCalled();
  });

  it('a credential without proof is UNSIGNED; an ELM document is UNVERIFIABLE (JAdES not checked)', async () => {
    expect((await verifier.verify(badge(issuer.did), { now: NOW })).verification.status).toBe('UNSIGNED');
    const elm = await verifier.verify(
      { type: ['VerifiableCredential', 'EuropeanDigitalCredential'], issuer: { id: 'urn:epass:org:1' } },
      { now: NOW },
    );
    expect(elm.verification.status).toBe('UNVERIFIABLE');
    expect(check(elm.verification, 'SIGNATURE')?.message).toContain('JAdES');
  });

  it('an unsupported proof type is UNVERIFIABLE, not VERIFIED', async () => {
    const doc = {
      ...badge(issuer.did),
      proof: { type: 'RsaSignature2018', verificationMethod: issuer.verificationMethod, jws: 'x' },
    };
    const result = await verifier.verify(doc, { now: NOW });
    expect(result.verification.status).toBe('UNVERIFIABLE');
    expect(check(result.verification, 'SIGNATURE')?.outcome).toBe('UNDETERMINED');
  });
});

describe('CredentialVerifier, status lists', () => {
  let issuer: TestIssuerKey;
  const LIST_URL = 'https://status.example.edu/lists/1';
  let statusList: Record<string, unknown>;

  beforeAll(async () => {
    issuer = await generateIssuerKey();
    statusList = await signEddsaRdfc2022(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: LIST_URL,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: issuer.did,
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: {
          id: `${LIST_URL}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: `u${await encodeStatusList([42])}`,
        },
      },
      issuer,
    );
  });

  const entry = (index: number) => ({
    credentialStatus: {
      id: `${LIST_URL}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(index),
      statusListCredential: LIST_URL,
    },
  });

  it('a revoked index fails on STATUS; a clear index verifies (list supplied with the call)', async () => {
    const verifier = new CredentialVerifier(noNetworkFetcher);
    const revoked = await signEddsaRdfc2022(badge(issuer.did, entry(42)), issuer);
    const a = await verifier.verify(revoked, { now: NOW, statusLists: [statusList] });
    expect(a.verification.status).toBe('INVALID');
    expect(notPassed(a.verification)).toEqual(['STATUS:FAILED']);
    expect(check(a.verification, 'STATUS')?.message).toContain('revoked');

    const clear = await signEddsaRdfc2022(badge(issuer.did, entry(41)), issuer);
    const b = await verifier.verify(clear, { now: NOW, statusLists: [statusList] });
    expect(b.verification.status).toBe('VERIFIED');
    expect(check(b.verification, 'STATUS')?.outcome).toBe('PASSED');
  });

  it('a revoked credential whose status entry is respelled with full IRIs still fails (FORMAT), the signature intact', async () => {
    const verifier = new CredentialVerifier(noNetworkFetcher);
    const revoked = await signEddsaRdfc2022(badge(issuer.did, entry(42)), issuer);
    const respelled = structuredClone(revoked);
    const status = respelled.credentialStatus as Record<string, unknown>;
    delete respelled.credentialStatus;
    respelled['https://www.w3.org/2018/credentials#credentialStatus'] = {
      '@id': status.id,
      '@type': 'https://www.w3.org/ns/credentials/status#BitstringStatusListEntry',
      'https://www.w3.org/ns/credentials/status#statusPurpose': status.statusPurpose,
      'https://www.w3.org/ns/credentials/status#statusListIndex': status.statusListIndex,
      'https://www.w3.org/ns/credentials/status#statusListCredential': { '@id': status.statusListCredential },
    };
    const result = await verifier.verify(respelled, { now: NOW, statusLists: [statusList] });
    expect(check(result.verification, 'SIGNATURE')?.outcome).toBe('PASSED');
    expect(result.verification.status).toBe('INVALID');
    expect(check(result.verification, 'FORMAT')).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringContaining('credentialStatus'),
    });
  });

  it('an unreachable status list makes the credential UNVERIFIABLE with the reason', async () => {
    const clear = await signEddsaRdfc2022(badge(issuer.did, entry(41)), issuer);
    const result = await new CredentialVerifier(noNetworkFetcher).verify(clear, { now: NOW });
    expect(result.verification.status).toBe('UNVERIFIABLE');
    expect(check(result.verification, 'STATUS')).toMatchObject({
      outcome: 'UNDETERMINED',
      message: expect.stringContaining(LIST_URL),
    });
  });

  it('a status list whose bits were changed after signing fails on STATUS', async () => {
    const forgedList = structuredClone(statusList) as { credentialSubject: { encodedList: string } };
    forgedList.credentialSubject.encodedList = `u${await encodeStatusList([])}`;
    const revoked = await signEddsaRdfc2022(badge(issuer.did, entry(42)), issuer);
    const result = await new CredentialVerifier(noNetworkFetcher).verify(revoked, {
      now: NOW,
      statusLists: [forgedList],
    });
    expect(result.verification.status).toBe('INVALID');
    expect(check(result.verification, 'STATUS')?.message).toContain('does not verify');
  });

  it('a StatusList2021 list fetched over HTTP from a local server is honoured', async () => {
    const url = await serve({ '/status/2021': async () => list2021 });
    let list2021: Record<string, unknown> = {};
    const listUrl = `${url}/status/2021`;
    list2021 = await signEddsaRdfc2022(
      {
        '@context': [
          'https://www.w3.org/2018/credentials/v1',
          'https://w3id.org/vc/status-list/2021/v1',
          'https://w3id.org/security/data-integrity/v2',
        ],
        id: listUrl,
        type: ['VerifiableCredential', 'StatusList2021Credential'],
        issuer: issuer.did,
        issuanceDate: '2025-01-01T00:00:00Z',
        credentialSubject: {
          id: `${listUrl}#list`,
          type: 'StatusList2021',
          statusPurpose: 'revocation',
          encodedList: await encodeStatusList([7]),
        },
      },
      issuer,
    );
    const credential = (index: number) =>
      signEddsaRdfc2022(
        {
          '@context': [
            'https://www.w3.org/2018/credentials/v1',
            'https://w3id.org/vc/status-list/2021/v1',
            'https://w3id.org/security/data-integrity/v2',
          ],
          id: 'urn:uuid:0d7d1f3e-31a0-4a5b-9d1e-1b1e34f0b001',
          type: ['VerifiableCredential'],
          issuer: issuer.did,
          issuanceDate: '2025-01-01T00:00:00Z',
          credentialSubject: { id: 'did:example:learner-2' },
          credentialStatus: {
            id: `${listUrl}#${index}`,
            type: 'StatusList2021Entry',
            statusPurpose: 'revocation',
            statusListIndex: String(index),
            statusListCredential: listUrl,
          },
        },
        issuer,
      );
    const verifier = new CredentialVerifier(createHttpJsonFetcher({ timeoutMs: 2000, allowInsecure: true }));
    const revoked = await verifier.verify(await credential(7), { now: NOW });
    expect(notPassed(revoked.verification)).toEqual(['STATUS:FAILED']);
    const clear = await verifier.verify(await credential(8), { now: NOW });
    expect(clear.verification.status).toBe('VERIFIED');
  });
});

describe('CredentialVerifier, VC-JWT', () => {
  let issuer: TestIssuerKey;
  const verifier = new CredentialVerifier(noNetworkFetcher);
  beforeAll(async () => {
    issuer = await generateIssuerKey();
  });

  it('EdDSA, VC 1.1 "vc" claim, did:key kid: verifies; a changed payload fails on SIGNATURE', async () => {
    const { privateJwk } = await ed25519Jwks(issuer);
    const credential = badge(issuer.did);
    delete credential.validFrom;
    const jwt = await signVcJwt(credential, {
      encoding: 'vc',
      alg: 'EdDSA',
      privateJwk,
      kid: issuer.verificationMethod,
      iss: issuer.did,
      nbf: Date.parse('2025-01-01') / 1000,
    });
    const good = await verifier.verify(jwt, { now: NOW });
    expect(good.verification.status).toBe('VERIFIED');
    expect(good.credential?.name).toBe('Python programming');

    const [h, p, s] = jwt.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    payload.vc.name = 'Rocket science';
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const bad = await verifier.verify(tampered, { now: NOW });
    expect(bad.verification.status).toBe('INVALID');
    expect(notPassed(bad.verification)).toEqual(['SIGNATURE:FAILED']);
  });

  it('an expired VC-JWT (exp) fails on VALID_UNTIL; a key of someone else fails on ISSUER', async () => {
    const { privateJwk } = await ed25519Jwks(issuer);
    const credential = badge(issuer.did);
    const expired = await signVcJwt(credential, {
      encoding: 'vc',
      alg: 'EdDSA',
      privateJwk,
      kid: issuer.verificationMethod,
      iss: issuer.did,
      exp: Date.parse('2026-01-01') / 1000,
    });
    expect(notPassed((await verifier.verify(expired, { now: NOW })).verification)).toEqual(['VALID_UNTIL:FAILED']);

    const stranger = await generateIssuerKey();
    const strangerJwk = (await ed25519Jwks(stranger)).privateJwk;
    const foreign = await signVcJwt(credential, {
      encoding: 'vc',
      alg: 'EdDSA',
      privateJwk: strangerJwk,
      kid: stranger.verificationMethod,
      iss: issuer.did,
    });
    const result = await verifier.verify(foreign, { now: NOW });
    expect(result.verification.status).toBe('INVALID');
    expect(notPassed(result.verification)).toEqual(['ISSUER:FAILED']);
  });

  it('ES256 vc+jwt with its key in a JWKS (jku) on a local server: verifies; a wrong key fails', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const wrong = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const base = await serve({ '/.well-known/jwks.json': async () => ({ keys: [publicJwk] }) });
    const credential = badge(base);
    const fetcher = createHttpJsonFetcher({ timeoutMs: 2000, allowInsecure: true });
    const jwt = await signVcJwt(credential, {
      encoding: 'vc+jwt',
      alg: 'ES256',
      privateJwk: await exportJWK(privateKey),
      kid: 'k1',
      jku: `${base}/.well-known/jwks.json`,
    });
    const good = await new CredentialVerifier(fetcher).verify(jwt, { now: NOW });
    expect(good.verification.status).toBe('VERIFIED');

    const forged = await signVcJwt(credential, {
      encoding: 'vc+jwt',
      alg: 'ES256',
      privateJwk: await exportJWK(wrong.privateKey),
      kid: 'k1',
      jku: `${base}/.well-known/jwks.json`,
    });
    const bad = await new CredentialVerifier(fetcher).verify(forged, { now: NOW });
    expect(notPassed(bad.verification)).toEqual(['SIGNATURE:FAILED']);
  });

  it('a did:web issuer whose DID document cannot be fetched is UNVERIFIABLE with the reason', async () => {
    const { privateJwk } = await ed25519Jwks(issuer);
    const jwt = await signVcJwt(badge('did:web:issuer.example.edu'), {
      encoding: 'vc+jwt',
      alg: 'EdDSA',
      privateJwk,
      kid: 'did:web:issuer.example.edu#key-1',
    });
    const result = await verifier.verify(jwt, { now: NOW });
    expect(result.verification.status).toBe('UNVERIFIABLE');
    expect(check(result.verification, 'ISSUER_KEY')?.message).toContain(
      'https://issuer.example.edu/.well-known/did.json',
    );
  });

  it('a did:web issuer whose DID document is served verifies (EdDSA, publicKeyMultibase)', async () => {
    const did = 'did:web:issuer.example.edu';
    const exported = await issuer.keyPair.export({ publicKey: true, includeContext: false });
    const didDocument = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [
        { id: '#key-1', type: 'Multikey', controller: did, publicKeyMultibase: exported.publicKeyMultibase },
      ],
      assertionMethod: ['#key-1'],
    };
    const fetchJson = vi.fn<JsonFetcher>(async (url) => {
      if (url === 'https://issuer.example.edu/.well-known/did.json') return didDocument;
      throw new Error(`unexpected ${url}`);
    });
    const { privateJwk } = await ed25519Jwks(issuer);
    const jwt = await signVcJwt(badge(did), { encoding: 'vc+jwt', alg: 'EdDSA', privateJwk, kid: `${did}#key-1` });
    const result = await new CredentialVerifier(fetchJson).verify(jwt, { now: NOW });
    expect(result.verification.status).toBe('VERIFIED');
    expect(fetchJson).toHaveBeenCalledTimes(1);
  });
});

describe('CredentialVerifier, credentials signed by a third party (offline)', () => {
  const verifier = new CredentialVerifier(noNetworkFetcher);
  const read = (name: string) =>
    JSON.parse(fs.readFileSync(sharedDataDir('open_badges', 'third_party_signed', name), 'utf8'));

  it('the DCC eddsa-rdfc-2022 Open Badge verifies', async () => {
    const result = await verifier.verify(read('dcc_v2_ob3_eddsa_rdfc_2022.json'));
    expect(result.verification.status).toBe('VERIFIED');
    expect(result.verification.issuer).toBe('did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q');
  });

  it('the DCC Ed25519Signature2020 Open Badge fails on expiry only', async () => {
    const result = await verifier.verify(read('dcc_v2_ob3_ed25519_2020_expired.json'));
    expect(result.verification.status).toBe('INVALID');
    expect(notPassed(result.verification)).toEqual(['VALID_UNTIL:FAILED']);
    expect(check(result.verification, 'SIGNATURE')?.outcome).toBe('PASSED');
  });
});

const servers: http.Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A JSON server on 127.0.0.1 answering the given paths; resolves to its base URL. */
async function serve(routes: Record<string, () => Promise<unknown>>): Promise<string> {
  const server = http.createServer(async (req, res) => {
    const route = routes[req.url ?? ''];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await route()));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

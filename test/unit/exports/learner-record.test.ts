import { beforeAll, describe, expect, it } from 'vitest';
import {
  achievementCredential,
  achievementId,
  type LearnerRecordInput,
  type RecordAchievement,
} from '../../../src/domain/exports/learner-record';
import { CredentialVerifier } from '../../../src/services/verification/credential-verifier';
import { noNetworkFetcher } from '../../../src/services/verification/json-fetcher';
import { generateIssuerKey, signEddsaRdfc2022, type TestIssuerKey } from '../../support/vc-signing';

const held = (sourceId: string | null): RecordAchievement => ({
  credentialId: 'cred 1',
  title: 'Python programming',
  description: null,
  sourceId,
  providerName: 'Test Academy',
  skills: [],
  ects: null,
  issuedOn: '2025-01-01',
  expiresOn: null,
  verificationStatus: null,
});

describe('achievementId', () => {
  it.each([
    'https://example.edu/achievements/python',
    'urn:uuid:5b1a4c0e-8a5e-4d0e-9c55-3f3b0f4b7d10',
    'did:web:example.edu',
  ])('keeps the imported id %s', (sourceId) => {
    expect(achievementId(held(sourceId))).toBe(sourceId);
  });

  it.each([
    null,
    'foo bar',
    'http://exa mple.com/<x>',
    '_:b0',
    'javascript:alert(1)',
    `https://example.edu/${'a'.repeat(2_000)}`,
  ])('replaces case %# (not an exportable IRI, or too long) by a credgraph URN', (sourceId) => {
    expect(achievementId(held(sourceId))).toBe('urn:credgraph:credential:cred%201');
  });
});

describe('an exported achievement credential with an imported id', () => {
  let key: TestIssuerKey;
  beforeAll(async () => {
    key = await generateIssuerKey();
  });

  // "foo bar" as the achievement id made signing fail (canonicalisation refuses it) for every
  // learner holding that credential.
  it.each(['foo bar', 'http://exa mple.com/<x>', 'https://example.edu/achievements/python'])(
    'signs and verifies with sourceId %s',
    async (sourceId) => {
      const input: LearnerRecordInput = {
        learnerId: 'learner-1',
        displayName: 'Ada',
        issuer: { id: key.did, name: 'credgraph' },
        issuedAt: '2026-01-01T00:00:00Z',
        achievements: [held(sourceId)],
      };
      const signed = await signEddsaRdfc2022(achievementCredential(input, input.achievements[0]!), key);
      const { verification } = await new CredentialVerifier(noNetworkFetcher).verify(signed, {
        now: new Date('2026-06-01T00:00:00Z'),
      });
      expect(verification.status).toBe('VERIFIED');
    },
  );
});

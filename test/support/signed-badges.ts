/** Open Badges 3.0 credentials with ESCO alignments, for tests that import signed documents. */

const ESCO = 'http://data.europa.eu/esco/skill/';
/** ESCO "develop test procedures" and "analyse test data" (present in ESCO v1.1.1). */
export const TEST_SKILLS = [
  `${ESCO}f10142ce-d522-49c3-9fd1-054fb63529d4`,
  `${ESCO}81a2db2c-7e55-44d0-9cd9-74c25147d7cd`,
];

/**
 * An unsigned OB 3.0 credential issued by `issuerDid`, unique to `tag` (issuer URL, achievement
 * id and holder carry it), aligned to `skills`.
 */
export function escoBadge(
  issuerDid: string,
  tag: string,
  extra: Record<string, unknown> = {},
  skills: readonly string[] = TEST_SKILLS,
): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:test:${tag}-credential`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerDid, type: ['Profile'], name: `Academy ${tag}`, url: `https://${tag}.example` },
    validFrom: '2025-01-01T00:00:00Z',
    name: `Software testing ${tag}`,
    credentialSubject: {
      id: `urn:test:${tag}-holder`,
      type: ['AchievementSubject'],
      achievement: {
        id: `urn:test:${tag}-achievement`,
        type: ['Achievement'],
        name: `Software testing ${tag}`,
        description: 'Designs and runs software tests.',
        criteria: { narrative: 'Passed the assessment.' },
        alignment: skills.map((url) => ({
          type: ['Alignment'],
          targetName: 'ESCO skill',
          targetUrl: url,
          targetFramework: 'ESCO',
        })),
      },
    },
    ...extra,
  };
}

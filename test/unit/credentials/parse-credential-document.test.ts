import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/domain/errors';
import { parseCredentialDocument, requireSkills } from '../../../src/domain/credentials';
import { sharedDataDir } from '../../support/shared-data';

// Fixtures are edited freely, so their shape is deliberately loose.
type Json = Record<string, any>;

const SKILL_A = 'http://data.europa.eu/esco/skill/81a2db2c-7e55-44d0-9cd9-74c25147d7cd';
const SKILL_B = 'http://data.europa.eu/esco/skill/f10142ce-d522-49c3-9fd1-054fb63529d4';

function mynextid(): Json {
  const file = sharedDataDir(
    'open_badges',
    'ob3_microcredential_examples',
    'mynextid_ob3_microcredential_esco_alignment.json',
  );
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function annex(): Json {
  const file = sharedDataDir('elm_edc', 'elm3_sample_microcredential_annex1_unsigned.no-images.jsonld');
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

function rejection(doc: unknown): BadInputError {
  try {
    parseCredentialDocument(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return error as BadInputError;
  }
  throw new Error('expected a rejection');
}

describe('parseCredentialDocument: rejections', () => {
  it.each([
    [null, /expected a JSON object, got null/],
    [[{ type: 'BadgeClass' }], /got an array/],
    ['{"type":"BadgeClass"}', /got a string/],
    [42, /got a number/],
  ])('refuses the non-object %j', (doc, reason) => {
    const error = rejection(doc);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/^Not a credential/);
    expect(error.message).toMatch(reason);
  });

  it('refuses JSON that is not a credential', () => {
    expect(rejection({ name: 'Ada', email: 'ada@example.org' }).message).toBe(
      'Not a credential: the document has no "type"',
    );
    expect(rejection({ type: 'Person', name: 'Ada' }).message).toBe('Not a credential: unknown document type "Person"');
    expect(rejection({ type: ['VerifiableCredential'], credentialSubject: { id: 'did:example:1' } }).message).toMatch(
      /neither an Open Badge nor a European Digital Credential/,
    );
  });

  it('refuses an OB 3.0 credential without a title', () => {
    const doc = mynextid();
    delete doc.name;
    delete doc.credentialSubject.achievement.name;
    const error = rejection(doc);
    expect(error.message).toMatch(/has no title/);
    expect(error.details).toMatchObject({ reason: 'MISSING_TITLE' });
  });

  it('refuses an OB 2.0 BadgeClass and an ELM credential without a title', () => {
    expect(rejection({ type: 'BadgeClass', issuer: 'https://example.org/issuer.json' }).message).toMatch(
      /has no title/,
    );
    const elm = annex();
    delete elm.credentialSubject.hasClaim.title;
    delete elm.credentialSubject.hasClaim.specifiedBy.title;
    expect(rejection(elm).message).toMatch(/has no title/);
  });

  it('refuses a credential that names no issuer', () => {
    const doc = mynextid();
    delete doc.issuer;
    delete doc.credentialSubject.achievement.creator;
    expect(rejection(doc).message).toMatch(/names no issuer/);
  });

  it('reports every malformed ESCO URI and does not drop them silently', () => {
    const doc = mynextid();
    doc.credentialSubject.achievement.alignment.push(
      { targetName: 'typo', targetUrl: 'http://data.europa.eu/esco/skill/81a2db2c-7e55-44d0' },
      { targetName: 'placeholder', targetUrl: 'https://data.europa.eu/esco/skill/' },
    );
    const error = rejection(doc);
    expect(error.message).toMatch(/malformed ESCO URIs: http:\/\/data\.europa\.eu\/esco\/skill\/81a2db2c-7e55-44d0 /);
    expect(error.details?.items).toHaveLength(2);
  });
});

describe('parseCredentialDocument: normalisation', () => {
  it('canonicalises and deduplicates ESCO skills across spellings, keeping the first label', () => {
    const doc = mynextid();
    doc.credentialSubject.achievement.alignment = [
      { targetUrl: ` https://DATA.europa.eu/esco/skill/81A2DB2C-7E55-44D0-9CD9-74C25147D7CD/ ` },
      { targetUrl: SKILL_A, targetName: 'Analyse test data' },
      { targetUrl: `${SKILL_B}/`, targetName: 'Develop test procedures' },
    ];
    const parsed = parseCredentialDocument(doc);
    expect(parsed.skills).toEqual([
      { uri: SKILL_A, label: 'Analyse test data' },
      { uri: SKILL_B, label: 'Develop test procedures' },
    ]);
  });

  it('keeps ESCO occupation alignments out of the skills, in canonical form', () => {
    const doc = mynextid();
    doc.credentialSubject.achievement.alignment.push({
      targetName: 'software developer',
      targetUrl: 'https://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1/',
    });
    const parsed = parseCredentialDocument(doc);
    expect(parsed.skills).toHaveLength(2);
    expect(parsed.nonEscoAlignments).toEqual([
      { url: 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1', name: 'software developer' },
    ]);
  });

  it('reads ESCO skills given as bare IRIs in ELM learning outcomes', () => {
    const doc = annex();
    doc.credentialSubject.hasClaim.specifiedBy.learningOutcome = [
      {
        type: 'LearningOutcome',
        title: { en: 'Testing' },
        relatedESCOSkill: [`https://data.europa.eu/esco/skill/${SKILL_A.split('/').pop()}`],
      },
    ];
    const parsed = parseCredentialDocument(doc);
    expect(parsed.skills).toEqual([{ uri: SKILL_A }]);
    expect(parsed.learningOutcomes).toEqual(['Testing']);
  });

  it('parses a bare OB 3.0 Achievement as a catalogue entry without a holding', () => {
    const achievement = mynextid().credentialSubject.achievement as Json;
    const parsed = parseCredentialDocument(achievement);
    expect(parsed.format).toBe('OB3');
    expect(parsed.title).toBe('Data Science Fundamentals');
    expect(parsed.provider.name).toBe('NETIS d.o.o.');
    expect(parsed.skills.map((s) => s.uri)).toEqual([SKILL_B, SKILL_A]);
    expect(parsed.holding).toBeUndefined();
  });

  it('parses an OB 2.0 Assertion with an embedded BadgeClass, including the recipient', () => {
    const parsed = parseCredentialDocument({
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: 'https://example.org/assertions/1',
      recipient: { type: 'email', hashed: false, identity: 'ada@example.org' },
      issuedOn: '2024-03-01T00:00:00Z',
      expires: '2026-03-01T00:00:00Z',
      evidence: [{ id: 'https://example.org/work/1', narrative: 'Built a test rig' }],
      badge: {
        type: 'BadgeClass',
        id: 'https://example.org/badges/testing.json',
        name: 'Test engineering',
        criteria: { id: 'https://example.org/badges/testing', narrative: 'Pass the exam' },
        issuer: {
          type: 'Issuer',
          id: 'https://example.org/issuer.json',
          name: 'Example Academy',
          url: 'https://example.org',
        },
        alignment: [{ targetName: 'analyse test data', targetUrl: SKILL_A, targetFramework: 'ESCO' }],
      },
    });
    expect(parsed).toEqual({
      format: 'OB2',
      title: 'Test engineering',
      // Since #13.6 the criteria narrative is read: a badge without ESCO alignments is mapped from it.
      criteria: 'Pass the exam',
      provider: { name: 'Example Academy', url: 'https://example.org', id: 'https://example.org/issuer.json' },
      learningOutcomes: [],
      skills: [{ uri: SKILL_A, label: 'analyse test data' }],
      nonEscoAlignments: [],
      languages: [],
      url: 'https://example.org/badges/testing',
      sourceId: 'https://example.org/badges/testing.json',
      holding: {
        subject: { identifier: 'ada@example.org' },
        issuedOn: '2024-03-01T00:00:00Z',
        expiresOn: '2026-03-01T00:00:00Z',
        evidenceUrl: 'https://example.org/work/1',
        verified: false,
      },
    });
  });

  it('reads edubadges-style hours (timeInvestment) and an online participation type', () => {
    const doc = mynextid();
    Object.assign(doc.credentialSubject.achievement, {
      timeInvestment: 84,
      participationType: 'online',
      inLanguage: 'nl-NL',
    });
    const parsed = parseCredentialDocument(doc);
    expect(parsed.workloadHours).toBe(84);
    expect(parsed.participationForm).toBe('ONLINE');
    expect(parsed.languages).toEqual(['nl']);
  });
});

describe('requireSkills', () => {
  it('returns a credential with skills unchanged and refuses one without', () => {
    const parsed = parseCredentialDocument(mynextid());
    expect(requireSkills(parsed)).toBe(parsed);
    const doc = mynextid();
    doc.credentialSubject.achievement.alignment = [];
    expect(() => requireSkills(parseCredentialDocument(doc))).toThrowError(
      /^"Data Science Fundamentals" carries no ESCO skill alignment$/,
    );
  });
});

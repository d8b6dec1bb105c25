import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCredentialDocument, requireSkills, type ParsedCredential } from '../../../src/domain/credentials';
import { sharedDataDir } from '../../support/shared-data';
import type { DomainError } from '../../../src/domain/errors';

/**
 * Every real example document in the shared data, with what we expect of it. The values were
 * read from the files by eye, not produced by the parser.
 */
type Expectation =
  | { readonly parses: (parsed: ParsedCredential) => void; readonly hasSkills: boolean }
  | { readonly rejected: RegExp };

const ESCO = 'http://data.europa.eu/esco/skill/';
const ANNEX_SKILLS = [
  `${ESCO}ccdf3597-5c80-410f-896d-e1bdfa223de9`,
  `${ESCO}80f308e6-0e09-404a-80cd-ec5f50f6f304`,
  `${ESCO}326809fc-238d-40c2-881e-40042f7f2f0d`,
  `${ESCO}5fd5c985-eaaa-47aa-8314-62359c54505a`,
];

function expectAnnexMicroCredential(p: ParsedCredential): void {
  expect(p.format).toBe('ELM');
  expect(p.title).toBe('Digital micro-credential creation');
  expect(p.skills.map((s) => s.uri)).toEqual(ANNEX_SKILLS);
  expect(p.skills.find((s) => s.label === 'develop digital content')?.uri).toBe(
    `${ESCO}5fd5c985-eaaa-47aa-8314-62359c54505a`,
  );
  expect(p.ects).toBe(2);
  expect(p.workloadHours).toBe(60);
  expect(p.eqfLevel).toBe(6);
  expect(p.participationForm).toBe('BLENDED');
  expect(p.assessmentType).toBe('artefact assessment');
  expect(p.languages).toEqual(['en']);
  expect(p.learningOutcomes).toEqual(['Communication, collaboration and creativity', 'Developing digital content']);
  expect(p.nonEscoAlignments.map((a) => a.url)).toEqual([
    'http://data.europa.eu/snb/dcf/u69o196gu6',
    'http://data.europa.eu/snb/dcf/3ol5wi3605',
  ]);
  expect(p.provider).toEqual({
    name: 'University of Zed',
    url: 'https://uniz.edu',
    country: 'IE',
    id: 'urn:epass:org:1',
  });
  expect(p.sourceId).toBe('urn:epass:qualification:1');
  expect(p.holding).toEqual({
    subject: { identifier: 'ana.andromeda@email.com', name: 'Ana Andromeda' },
    issuedOn: '2022-12-31T23:00:00Z',
    verified: false,
  });
}

function expectCertificateOfParticipation(p: ParsedCredential): void {
  expect(p.format).toBe('ELM');
  expect(p.title).toBe('EDC Updates Webinar');
  expect(p.skills).toEqual([]);
  // volumeOfLearning "P2M" is two months (not convertible); the activity's workload "PT2H" is used.
  expect(p.workloadHours).toBe(2);
  expect(p.participationForm).toBe('ONLINE');
  expect(p.provider.name).toBe('European Digital Credentials for Learning Support Team');
  expect(p.provider.country).toBe('BE');
  expect(p.ects).toBeUndefined();
  expect(p.eqfLevel).toBeUndefined();
}

const NOT_A_CREDENTIAL = /^Not a credential/;
// The keys of ErrorDetails (README, "Errors").
const DETAIL_KEYS = ['field', 'value', 'limit', 'actual', 'reason', 'items', 'source', 'upstream'];

const EXPECTED: Readonly<Record<string, Expectation>> = {
  // --- ELM / EDC ---
  'elm_edc/elm3_sample_microcredential_annex1_unsigned.jsonld': { parses: expectAnnexMicroCredential, hasSkills: true },
  'elm_edc/elm3_sample_microcredential_annex1_unsigned.no-images.jsonld': {
    parses: expectAnnexMicroCredential,
    hasSkills: true,
  },
  'elm_edc/elm3_sample_certificate_of_participation_unsigned.jsonld': {
    parses: expectCertificateOfParticipation,
    hasSkills: false,
  },
  'elm_edc/elm3_sample_certificate_of_participation_unsigned.no-images.jsonld': {
    parses: expectCertificateOfParticipation,
    hasSkills: false,
  },
  'elm_edc/elm3_rdf_credential_sample.jsonld': {
    hasSkills: false,
    parses: (p) => {
      expect(p.format).toBe('ELM');
      expect(p.title).toBe('some kind of learning achievement');
      expect(p.provider).toMatchObject({ name: 'some legal name of the organistion', country: 'FR' });
      // No specification, so the credential's display languages (ENG, FRA) stand in.
      expect(p.languages).toEqual(['en', 'fr']);
      expect(p.holding).toMatchObject({
        subject: { identifier: 'http://example.org/pid1', name: 'Max Power' },
        issuedOn: '2010-01-01T00:00:00',
        expiresOn: '2024-09-25T00:00:00',
        verified: false,
      });
    },
  },
  'elm_edc/edc_ap_context.jsonld': { rejected: NOT_A_CREDENTIAL },

  // --- Open Badges 3.0 micro-credentials ---
  'open_badges/ob3_microcredential_examples/mynextid_ob3_microcredential_esco_alignment.json': {
    hasSkills: true,
    parses: (p) => {
      expect(p.format).toBe('OB3');
      expect(p.title).toBe('Data Science Fundamentals');
      expect(p.skills).toHaveLength(2);
      const byLabel = new Map(p.skills.map((s) => [s.label?.toLowerCase(), s.uri]));
      expect(byLabel.get('analyse test data')).toBe(`${ESCO}81a2db2c-7e55-44d0-9cd9-74c25147d7cd`);
      expect(byLabel.get('develop test procedures')).toBe(`${ESCO}f10142ce-d522-49c3-9fd1-054fb63529d4`);
      expect(p.provider).toMatchObject({ name: 'NETIS d.o.o.', url: 'https://www.netis.si' });
      expect(p.languages).toEqual(['en']);
      // creditsAvailable: 5 has no stated unit, so it is not taken as ECTS.
      expect(p.ects).toBeUndefined();
      expect(p.sourceId).toBe('urn:uuid:5300c688-6bfc-498a-a976-230af55b5ca6');
      expect(p.holding).toEqual({
        subject: { identifier: 'urn:uuid:754208fc-d60e-4977-897f-54f58ed54707' },
        issuedOn: '2026-01-12T07:04:19Z',
        expiresOn: '2026-12-31T23:59:59Z',
        verified: false,
      });
    },
  },
  'open_badges/ob3_microcredential_examples/edubadges_ob3_microcredential_eqf_ects.json': {
    hasSkills: false,
    parses: (p) => {
      expect(p.format).toBe('OB3');
      expect(p.title).toBe('Minor: Jedi Mind Control and Advanced Meditation Practices');
      expect(p.ects).toBe(3);
      expect(p.eqfLevel).toBe(4);
      expect(p.participationForm).toBe('BLENDED');
      expect(p.assessmentType).toBe('testing');
      expect(p.qualityAssurance).toBe('M Psychological Assessment');
      expect(p.languages).toEqual(['en']);
      expect(p.skills).toEqual([]);
      // The EQF and quality-assurance alignments are metadata, not skill alignments.
      expect(p.nonEscoAlignments).toEqual([]);
      // "XX" is a user-assigned code (fictional Naboo), so no country.
      expect(p.provider).toEqual({ name: 'Naboo Theed University', id: 'https://example.com/issuers/iss-9Z8Y7X' });
      expect(p.holding?.subject.identifier).toBe('https://example.com/students/stu-4D5E6F');
    },
  },

  // --- Open Badges 3.0 spec examples (none aligns to ESCO) ---
  'open_badges/ob3_spec_examples/achievementAlignmentCase.json': {
    hasSkills: false,
    parses: (p) => {
      expect(p.title).toBe('Text analysis');
      expect(p.nonEscoAlignments.map((a) => a.url)).toEqual([
        'https://caseregistry.imsglobal.org/uri/74f5bb7d-d7cc-11e8-824f-0242ac160002',
      ]);
    },
  },
  'open_badges/ob3_spec_examples/achievementAlignmentCe.json': {
    hasSkills: false,
    parses: (p) => {
      expect(p.title).toBe('Text analysis');
      expect(p.nonEscoAlignments).toEqual([
        { url: 'https://credentialfinder.org/credential/20229/Requirements_Analysis', name: 'Requirements Analysis' },
      ]);
    },
  },
  'open_badges/ob3_spec_examples/basicOpenBadgeCredential.json': {
    hasSkills: false,
    parses: (p) => {
      expect(p.title).toBe('Teamwork');
      expect(p.provider.name).toBe('Example Corp');
      expect(p.holding?.subject.identifier).toBe('did:example:ebfeb1f712ebc6f1c276e12ec21');
    },
  },
  'open_badges/ob3_spec_examples/fullOpenBadge.json': {
    hasSkills: false,
    parses: (p) => {
      expect(p.title).toBe('1EdTech University Degree');
      expect(p.provider).toMatchObject({ name: '1EdTech University', url: 'https://1edtech.edu', country: 'US' });
      // Two on the achievement, one on a result description, two on its rubric levels, one on a result.
      expect(p.nonEscoAlignments).toHaveLength(6);
      // creditsAvailable: 36 (US degree credits) is not ECTS.
      expect(p.ects).toBeUndefined();
      expect(p.holding).toMatchObject({
        issuedOn: '2010-01-01T00:00:00Z',
        expiresOn: '2030-01-01T00:00:00Z',
        evidenceUrl: 'https://1edtech.edu/credentials/3732/evidence/1',
        verified: false,
      });
    },
  },
  'open_badges/ob3_spec_examples/skillAssertionCase.json': {
    hasSkills: false,
    parses: (p) => {
      expect(p.title).toBe('Robot Programming');
      expect(p.nonEscoAlignments).toHaveLength(1);
    },
  },
  'open_badges/ob3_spec_examples/skillAssertionCtdl.json': {
    hasSkills: false,
    parses: (p) => {
      expect(p.title).toBe('Linear equations and inequalities');
      expect(p.nonEscoAlignments).toHaveLength(1);
    },
  },
  'open_badges/ob3_spec_examples/endorsement.json': { rejected: /Not a credential: an EndorsementCredential/ },
  // Signed by the Digital Credentials Consortium (proofs are checked by the verifier, not the parser).
  'open_badges/third_party_signed/dcc_v2_ob3_eddsa_rdfc_2022.json': {
    hasSkills: false,
    parses: (p) => {
      expect([p.format, p.title, p.provider.name]).toEqual(['OB3', 'Teamwork', 'Example Corp']);
    },
  },
  'open_badges/third_party_signed/dcc_v2_ob3_ed25519_2020_expired.json': {
    hasSkills: false,
    parses: (p) => {
      expect([p.format, p.title, p.holding?.expiresOn]).toEqual(['OB3', 'Teamwork', '2011-01-01T00:00:00Z']);
    },
  },

  // --- Open Badges 2.0 ---
  'open_badges/ob2_spec_examples/ob2_BadgeClass.json': {
    hasSkills: false,
    parses: (p) => {
      expect(p.format).toBe('OB2');
      expect(p.title).toBe('Awesome Robotics Badge');
      expect(p.nonEscoAlignments.map((a) => a.name)).toEqual(['CCSS.ELA-Literacy.RST.11-12.3', 'Problem-Solving']);
      // The issuer is only linked: its host stands in for the name.
      expect(p.provider).toEqual({ name: 'example.org', id: 'https://example.org/organization.json' });
      expect(p.url).toBe('https://example.org/robotics-badge.html');
      expect(p.holding).toBeUndefined();
    },
  },
  'open_badges/ob2_spec_examples/ob2_Assertion.json': { rejected: /does not embed its BadgeClass/ },
  'open_badges/ob2_spec_examples/ob2_Issuer.json': { rejected: /Not a credential: unknown document type "Issuer"/ },
  'open_badges/ob2_spec_examples/ob2_Criteria.json': { rejected: /Not a credential: the document has no "type"/ },
  'open_badges/ob2_spec_examples/ob2_Evidence.json': { rejected: /Not a credential: the document has no "type"/ },

  // --- contexts and schemas ---
  'open_badges/ob_v2p0_context.json': { rejected: /Not a credential: .*JSON-LD context/ },
  'open_badges/ob_v3p0_context-3.0.3.json': { rejected: /Not a credential: .*JSON-LD context/ },
  'open_badges/ob_v3p0_achievementcredential_schema.json': { rejected: /Not a credential: .*JSON Schema/ },
  'open_badges/ob_v3p0_endorsementcredential_schema.json': { rejected: /Not a credential: .*JSON Schema/ },
  'open_badges/ob_v3p0_profile_schema.json': { rejected: /Not a credential: .*JSON Schema/ },

  // --- CTDL (optional format, not supported) ---
  'ctdl/s1_2_DegreeInRegistryAndVC.json': { rejected: /CTDL .* not supported/ },
  'ctdl/s_2_1_StandaloneCompetence.json': { rejected: /CTDL .* not supported/ },
  'ctdl/s_2_2_CompetenceAndDegree.json': { rejected: /CTDL .* not supported/ },
  'ctdl/s_3_1_CoursesFromDifferntOrgs.json': { rejected: /CTDL .* not supported/ },
};

/** JSON documents under a shared-data folder, as `folder/relative/path` (SOURCE.md etc. are prose). */
function documentsUnder(folder: string, recursive: boolean): string[] {
  const root = sharedDataDir(folder);
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return recursive ? walk(full) : [];
      return /\.(json|jsonld)$/.test(name) ? [path.relative(sharedDataDir(), full).split(path.sep).join('/')] : [];
    });
  return walk(root);
}

const DOCUMENTS = [
  ...documentsUnder('open_badges', true),
  ...documentsUnder('elm_edc', false),
  ...documentsUnder('ctdl', false),
];

function load(relative: string): unknown {
  return JSON.parse(readFileSync(sharedDataDir(...relative.split('/')), 'utf8'));
}

describe('real example credential documents', () => {
  it('has a stated expectation for every example file (a new file needs a decision)', () => {
    expect([...DOCUMENTS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(DOCUMENTS.map((d) => [d] as const))('%s', (relative) => {
    const expectation = EXPECTED[relative];
    if (expectation === undefined) return;
    if ('rejected' in expectation) {
      it('is rejected with a stated reason', () => {
        expect(() => parseCredentialDocument(load(relative))).toThrowError(expectation.rejected);
      });
      it("is rejected with details in the catalogue's one shape", () => {
        let details: object | undefined;
        try {
          parseCredentialDocument(load(relative));
        } catch (error) {
          details = (error as DomainError).details;
        }
        for (const key of Object.keys(details ?? {})) expect(DETAIL_KEYS).toContain(key);
      });
    } else {
      it('parses to the values read from the file', () => {
        const parsed = parseCredentialDocument(load(relative));
        expectation.parses(parsed);
        expect(parsed.skills.every((s) => s.uri.startsWith(ESCO))).toBe(true);
      });
      it(expectation.hasSkills ? 'passes requireSkills' : 'is refused by requireSkills (no ESCO skill)', () => {
        const parsed = parseCredentialDocument(load(relative));
        if (expectation.hasSkills) expect(requireSkills(parsed)).toBe(parsed);
        else expect(() => requireSkills(parsed)).toThrowError(/carries no ESCO skill alignment/);
      });
    }
  });
});

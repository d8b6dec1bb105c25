import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  importedCredentialId,
  importedProviderId,
  planCredentialImport,
} from '../../../src/catalog-import/credential-import-plan';
import { stableId } from '../../../src/catalog-import/stable-id';
import { parseCredentialDocument, requireSkills } from '../../../src/domain/credentials';
import { sharedDataDir } from '../../support/shared-data';

const ID_RULE = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/;
const mynextid = () =>
  JSON.parse(
    fs.readFileSync(
      sharedDataDir('open_badges', 'ob3_microcredential_examples', 'mynextid_ob3_microcredential_esco_alignment.json'),
      'utf8',
    ),
  );

describe('stable ids', () => {
  it('are deterministic, readable and valid catalog ids', () => {
    const id = stableId('prov', 'https://Uniz.edu/');
    expect(id).toMatch(/^prov-uniz-edu-[0-9a-f]{10}$/);
    expect(stableId('prov', 'https://Uniz.edu/')).toBe(id);
    expect(stableId('prov', 'Université de Zèd — Faculté'.repeat(10))).toMatch(ID_RULE);
  });

  it('derive the provider from its web address when its own id is a local URN, and the credential from the achievement id', () => {
    const a = importedProviderId({ name: 'University of Zed', url: 'https://uniz.edu', id: 'urn:epass:org:1' });
    const b = importedProviderId({
      name: 'University of Zed (renamed)',
      url: 'https://uniz.edu/',
      id: 'urn:epass:org:1',
    });
    expect(a).toBe(b);
    expect(importedProviderId({ name: 'X', id: 'did:web:x.example' })).not.toBe(
      importedProviderId({ name: 'X', id: 'did:web:y.example' }),
    );
    const c1 = importedCredentialId(a, { sourceId: 'urn:q:1', title: 'One' });
    expect(importedCredentialId(a, { sourceId: 'urn:q:1', title: 'One, retitled' })).toBe(c1);
    expect(importedCredentialId('other', { sourceId: 'urn:q:1', title: 'One' })).not.toBe(c1);
    expect(c1).toMatch(ID_RULE);
  });
});

describe('planCredentialImport', () => {
  it('plans provider, credential with DECLARED skills, learner and holding of an issued OB 3.0 credential', () => {
    const plan = planCredentialImport(requireSkills(parseCredentialDocument(mynextid())), () => 'learner-1');
    expect(plan.provider).toMatchObject({ name: 'NETIS d.o.o.', url: 'https://www.netis.si' });
    expect(plan.credential.record).toMatchObject({
      title: 'Data Science Fundamentals',
      providerId: plan.provider.id,
      sourceFormat: 'OB3',
      languages: ['en'],
    });
    expect(plan.credential.skills).toEqual([
      {
        uri: 'http://data.europa.eu/esco/skill/f10142ce-d522-49c3-9fd1-054fb63529d4',
        source: 'DECLARED',
        confidence: 1,
      },
      {
        uri: 'http://data.europa.eu/esco/skill/81a2db2c-7e55-44d0-9cd9-74c25147d7cd',
        source: 'DECLARED',
        confidence: 1,
      },
    ]);
    expect(plan.learner?.record).toEqual({
      id: 'learner-1',
      displayName: 'Imported learner',
      externalId: 'urn:uuid:754208fc-d60e-4977-897f-54f58ed54707',
      matchingConsent: false,
    });
    expect(plan.holding).toEqual({
      issuedOn: '2026-01-12',
      expiresOn: '2026-12-31',
      verified: false,
      evidenceUrl: null,
    });
    expect(plan.warnings).toEqual([]);
  });

  it('drops or shortens what the catalog cannot store, with a warning, instead of failing', () => {
    const doc = mynextid();
    doc.credentialSubject.achievement.name = 'T'.repeat(400);
    doc.credentialSubject.achievement.description = 'D'.repeat(6000);
    const plan = planCredentialImport(requireSkills(parseCredentialDocument(doc)));
    expect(plan.credential.record.title).toHaveLength(300);
    expect(plan.credential.record.description).toHaveLength(5000);
    expect(plan.warnings.join('\n')).toMatch(/title was shortened to 300 characters/);
    expect(plan.warnings.join('\n')).toMatch(/description was shortened to 5000 characters/);
  });

  it('plans no learner for a bare achievement', () => {
    const doc = mynextid().credentialSubject.achievement;
    doc.creator.url = 'https://www.netis.si';
    const plan = planCredentialImport(requireSkills(parseCredentialDocument(doc)));
    expect(plan.learner).toBeNull();
    expect(plan.holding).toBeNull();
  });
});

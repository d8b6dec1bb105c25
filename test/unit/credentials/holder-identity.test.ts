import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCredentialDocument } from '../../../src/domain/credentials';
import { holderlessLearnerId } from '../../../src/catalog-import/credential-import-plan';
import { sharedDataDir } from '../../support/shared-data';

function annex(): Record<string, any> {
  return JSON.parse(
    readFileSync(sharedDataDir('elm_edc', 'elm3_sample_microcredential_annex1_unsigned.no-images.jsonld'), 'utf8'),
  );
}

describe('ELM holder identity', () => {
  it('takes the e-mail, else a global subject id, never a document-local person id', () => {
    expect(parseCredentialDocument(annex()).holding?.subject.identifier).toBe('ana.andromeda@email.com');
    const local = annex();
    delete local.credentialSubject.contactPoint;
    expect(local.credentialSubject.id).toBe('urn:epass:person:1');
    expect(parseCredentialDocument(local).holding?.subject.identifier).toBeUndefined();
    local.credentialSubject.id = 'did:example:ana';
    expect(parseCredentialDocument(local).holding?.subject.identifier).toBe('did:example:ana');
  });

  it('rejects a document with several claims, naming their count', () => {
    const doc = annex();
    doc.credentialSubject.hasClaim = [
      doc.credentialSubject.hasClaim,
      { ...doc.credentialSubject.hasClaim, id: 'urn:epass:learningAchievement:2' },
    ];
    expect(() => parseCredentialDocument(doc)).toThrow(/2 claims/);
  });
});

describe('holderlessLearnerId', () => {
  it('is the same for the same document and issuer, and differs across documents and issuers', () => {
    const doc = annex();
    expect(holderlessLearnerId('prov-a', doc)).toBe(holderlessLearnerId('prov-a', annex()));
    expect(holderlessLearnerId('prov-b', doc)).not.toBe(holderlessLearnerId('prov-a', doc));
    expect(holderlessLearnerId('prov-a', { ...doc, id: 'urn:credential:other' })).not.toBe(
      holderlessLearnerId('prov-a', doc),
    );
    const { id: _id, ...withoutId } = doc;
    expect(holderlessLearnerId('prov-a', withoutId)).toBe(holderlessLearnerId('prov-a', { ...withoutId }));
    expect(holderlessLearnerId('prov-a', withoutId)).not.toBe(
      holderlessLearnerId('prov-a', { ...withoutId, validFrom: '2020-01-01T00:00:00Z' }),
    );
    expect(holderlessLearnerId('prov-a', doc)).toMatch(/^lrn-import-[0-9a-f]{24}$/);
  });
});

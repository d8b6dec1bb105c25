import { describe, expect, it } from 'vitest';
import { didWebDocumentUrl } from '../../../src/services/verification/document-loader';

describe('didWebDocumentUrl', () => {
  it.each([
    ['did:web:example.com', 'https://example.com/.well-known/did.json'],
    ['did:web:example.com:user:alice', 'https://example.com/user/alice/did.json'],
    ['did:web:example.com%3A3000:u', 'https://example.com:3000/u/did.json'],
  ])('%s → %s', (did, url) => {
    expect(didWebDocumentUrl(did)).toBe(url);
  });

  it.each([
    'did:web:example.com:..:..:x',
    'did:web:example.com:.:x',
    'did:web:example.com::x',
    'did:web:example.com:a%2F..%2Fb',
    'did:web:example.com:a%3Fq',
    'did:web:user@example.com',
    'did:web:',
  ])('refuses %s', (did) => {
    expect(() => didWebDocumentUrl(did)).toThrow(/not a valid did:web identifier/);
  });
});

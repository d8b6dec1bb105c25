import { describe, expect, it } from 'vitest';
import { CREDENTIAL_LIST_LIMITS, validateCredentialInput } from '../../../src/domain/catalog/credential-input';

const base = { id: 'c1', title: 'A course', providerId: 'p1' };

describe('credential input size limits (#18.9)', () => {
  it.each([
    ['learningOutcomes', Array.from({ length: CREDENTIAL_LIST_LIMITS.learningOutcomes + 1 }, (_, i) => `outcome ${i}`)],
    ['languages', Array.from({ length: CREDENTIAL_LIST_LIMITS.languages + 1 }, () => 'en')],
    [
      'prerequisiteSkillUris',
      Array.from(
        { length: CREDENTIAL_LIST_LIMITS.prerequisiteSkillUris + 1 },
        (_, i) => `http://data.europa.eu/esco/skill/${i}`,
      ),
    ],
  ])('refuses more %s than the limit with BAD_USER_INPUT naming the field', (field, values) => {
    expect(() => validateCredentialInput({ ...base, [field]: values })).toThrow(
      new RegExp(`^${field} may hold at most \\d+ entries, got ${values.length}$`),
    );
  });

  it('accepts lists at the limit, and refuses over-long text fields', () => {
    expect(
      validateCredentialInput({ ...base, learningOutcomes: Array.from({ length: 100 }, (_, i) => `o${i}`) }).record
        .learningOutcomes,
    ).toHaveLength(100);
    expect(() => validateCredentialInput({ ...base, description: 'd'.repeat(5001) })).toThrow(
      'description must be at most 5000 characters',
    );
    expect(() => validateCredentialInput({ ...base, title: 't'.repeat(301) })).toThrow(
      'title must be at most 300 characters',
    );
  });
});

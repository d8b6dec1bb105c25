/**
 * Country codes come from the maintained ISO 3166-1 tables: every assigned code is known (not
 * only the ones a hand table listed), user-assigned and unassigned ones are refused.
 */
import { describe, expect, it } from 'vitest';
import { isCountryCode, toCountryCode } from '../../../src/domain/credentials/country-codes';
import { validateProviderInput } from '../../../src/domain/catalog/provider-input';
import { BadInputError } from '../../../src/domain/errors';

describe('toCountryCode', () => {
  it('maps alpha-3 codes and EU authority URIs of any country to alpha-2', () => {
    expect(toCountryCode('http://publications.europa.eu/resource/authority/country/IRL')).toBe('IE');
    expect(toCountryCode('PER')).toBe('PE');
    expect(toCountryCode('KEN')).toBe('KE');
    expect(toCountryCode('us')).toBe('US');
  });

  it('yields undefined for names, user-assigned and unassigned codes', () => {
    expect(toCountryCode('Naboo')).toBeUndefined();
    expect(toCountryCode('XX')).toBeUndefined();
    expect(toCountryCode('QQ')).toBeUndefined();
    expect(toCountryCode('ABC')).toBeUndefined();
  });
});

describe('isCountryCode', () => {
  it('accepts assigned upper-case alpha-2 codes only', () => {
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('GB')).toBe(true);
    expect(isCountryCode('UK')).toBe(false);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('de')).toBe(false);
  });
});

describe('provider country', () => {
  it('is refused with BAD_USER_INPUT when it is no assigned code', () => {
    expect(validateProviderInput({ name: 'Acme Academy', country: 'de' }, () => 'p-1').country).toBe('DE');
    const refused = () => validateProviderInput({ name: 'Acme Academy', country: 'ZZ' }, () => 'p-1');
    expect(refused).toThrow(BadInputError);
    expect(refused).toThrow(/ISO 3166-1 alpha-2/);
  });
});

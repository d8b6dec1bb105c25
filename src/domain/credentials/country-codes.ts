/**
 * ISO 3166-1 country codes, from the maintained `i18n-iso-countries` tables. ELM uses the EU
 * country authority (`.../authority/country/IRL`), whose codes are ISO alpha-3 for countries;
 * Open Badges profiles carry alpha-2 already.
 */
import countries from 'i18n-iso-countries';

/**
 * An upper-case ISO 3166-1 alpha-2 code from an alpha-2 or alpha-3 code or an EU country
 * authority URI; anything else (a country *name*, a user-assigned or unassigned code, an EU
 * authority code that is no country) yields `undefined`.
 *
 * @example
 * toCountryCode('http://publications.europa.eu/resource/authority/country/IRL') // 'IE'
 * toCountryCode('us') // 'US'
 * toCountryCode('PER') // 'PE'
 * toCountryCode('Naboo') // undefined
 * toCountryCode('XX') // undefined (user-assigned)
 */
export function toCountryCode(raw: string): string | undefined {
  const trimmed = raw.trim();
  const code = (trimmed.includes('/') ? trimmed.slice(trimmed.lastIndexOf('/') + 1) : trimmed).toUpperCase();
  // User-assigned codes ("XX" marks a fictional country in the edubadges sample) are in no table.
  if (isCountryCode(code)) return code;
  if (/^[A-Z]{3}$/.test(code)) return countries.alpha3ToAlpha2(code) ?? undefined;
  return undefined;
}

/**
 * True for an assigned ISO 3166-1 alpha-2 code, upper case.
 *
 * @example
 * isCountryCode('DE') // true
 * isCountryCode('XX') // false (user-assigned)
 * isCountryCode('de') // false (codes are stored upper case)
 */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

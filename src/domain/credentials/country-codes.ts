/**
 * ISO 3166-1 alpha-3 to alpha-2 for the countries European credentials name. ELM uses the EU
 * country authority (`.../authority/country/IRL`), whose codes are ISO alpha-3 for these
 * countries; Open Badges profiles carry alpha-2 already.
 */
const ALPHA3_TO_ALPHA2: Readonly<Record<string, string>> = {
  ALB: 'AL', AND: 'AD', ARM: 'AM', AUS: 'AU', AUT: 'AT', AZE: 'AZ', BEL: 'BE', BGR: 'BG',
  BIH: 'BA', BLR: 'BY', BRA: 'BR', CAN: 'CA', CHE: 'CH', CHN: 'CN', CYP: 'CY', CZE: 'CZ',
  DEU: 'DE', DNK: 'DK', ESP: 'ES', EST: 'EE', FIN: 'FI', FRA: 'FR', GBR: 'GB', GEO: 'GE',
  GRC: 'GR', HRV: 'HR', HUN: 'HU', IND: 'IN', IRL: 'IE', ISL: 'IS', ISR: 'IL', ITA: 'IT',
  JPN: 'JP', KOR: 'KR', LIE: 'LI', LTU: 'LT', LUX: 'LU', LVA: 'LV', MCO: 'MC', MDA: 'MD',
  MKD: 'MK', MLT: 'MT', MNE: 'ME', NLD: 'NL', NOR: 'NO', NZL: 'NZ', POL: 'PL', PRT: 'PT',
  ROU: 'RO', RUS: 'RU', SMR: 'SM', SRB: 'RS', SVK: 'SK', SVN: 'SI', SWE: 'SE', TUR: 'TR',
  UKR: 'UA', USA: 'US', VAT: 'VA', ZAF: 'ZA',
};

/**
 * An upper-case ISO 3166-1 alpha-2 code from an alpha-2 or alpha-3 code or an EU country
 * authority URI; an alpha-3 code outside the table is returned upper-cased as it is, and
 * anything else (a country *name*, a user-assigned code) yields `undefined`.
 *
 * @example
 * toCountryCode('http://publications.europa.eu/resource/authority/country/IRL') // 'IE'
 * toCountryCode('us') // 'US'
 * toCountryCode('Naboo') // undefined
 * toCountryCode('XX') // undefined (user-assigned)
 */
export function toCountryCode(raw: string): string | undefined {
  const trimmed = raw.trim();
  const code = (trimmed.includes('/') ? trimmed.slice(trimmed.lastIndexOf('/') + 1) : trimmed).toUpperCase();
  // AA, QM-QZ, XA-XZ and ZZ are user-assigned ("XX" marks a fictional country in the edubadges sample).
  if (/^(AA|Q[M-Z]|X[A-Z]|ZZ)$/.test(code)) return undefined;
  if (/^[A-Z]{2}$/.test(code)) return code;
  if (/^[A-Z]{3}$/.test(code)) return ALPHA3_TO_ALPHA2[code] ?? code;
  return undefined;
}

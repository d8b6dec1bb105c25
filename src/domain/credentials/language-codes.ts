/**
 * ISO 639-2 (bibliographic and terminology) and EU Publications Office language authority codes
 * mapped to ISO 639-1. The EU authority (`http://publications.europa.eu/resource/authority/
 * language/ENG`) uses three-letter codes; the catalogue stores two-letter ones.
 */
const THREE_TO_TWO: Readonly<Record<string, string>> = {
  ara: 'ar',
  bos: 'bs',
  bul: 'bg',
  cat: 'ca',
  ces: 'cs',
  cze: 'cs',
  chi: 'zh',
  zho: 'zh',
  cym: 'cy',
  wel: 'cy',
  dan: 'da',
  deu: 'de',
  ger: 'de',
  ell: 'el',
  gre: 'el',
  eng: 'en',
  est: 'et',
  eus: 'eu',
  baq: 'eu',
  fas: 'fa',
  per: 'fa',
  fin: 'fi',
  fra: 'fr',
  fre: 'fr',
  gle: 'ga',
  glg: 'gl',
  heb: 'he',
  hin: 'hi',
  hrv: 'hr',
  hun: 'hu',
  hye: 'hy',
  arm: 'hy',
  isl: 'is',
  ice: 'is',
  ita: 'it',
  jpn: 'ja',
  kat: 'ka',
  geo: 'ka',
  kor: 'ko',
  lav: 'lv',
  lit: 'lt',
  ltz: 'lb',
  mkd: 'mk',
  mac: 'mk',
  mlt: 'mt',
  msa: 'ms',
  may: 'ms',
  nld: 'nl',
  dut: 'nl',
  nor: 'no',
  nob: 'nb',
  nno: 'nn',
  pol: 'pl',
  por: 'pt',
  ron: 'ro',
  rum: 'ro',
  rus: 'ru',
  slk: 'sk',
  slo: 'sk',
  slv: 'sl',
  spa: 'es',
  sqi: 'sq',
  alb: 'sq',
  srp: 'sr',
  swe: 'sv',
  tur: 'tr',
  ukr: 'uk',
};

/**
 * A lower-case ISO 639-1 code from a BCP 47 tag, a three-letter code or an EU language authority
 * URI; a three-letter code with no two-letter equivalent is returned lower-cased as it is.
 *
 * @example
 * toLanguageCode('en-EN') // 'en'
 * toLanguageCode('http://publications.europa.eu/resource/authority/language/FRA') // 'fr'
 * toLanguageCode('mul') // 'mul'
 */
export function toLanguageCode(raw: string): string | undefined {
  const trimmed = raw.trim();
  const lastSegment = trimmed.includes('/') ? trimmed.slice(trimmed.lastIndexOf('/') + 1) : trimmed;
  const primary = lastSegment.split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (/^[a-z]{2}$/.test(primary)) return primary;
  if (/^[a-z]{3}$/.test(primary)) return THREE_TO_TWO[primary] ?? primary;
  return undefined;
}

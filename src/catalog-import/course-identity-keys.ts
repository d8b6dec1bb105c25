/**
 * The keys that make the same course from two catalogues one credential: its web address, and
 * its provider with its title. Both are normalised so trivial differences (scheme, "www.", a
 * trailing slash, a fragment; case, accents and punctuation of a title) do not split a course.
 */

/**
 * `url:<host><path><query>` of an http(s) address, or null for anything else.
 *
 * @example
 * courseUrlKey('https://www.Coursera.org/learn/sql/#about') // 'url:coursera.org/learn/sql'
 */
export function courseUrlKey(url: string | null): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const pathname = parsed.pathname.replace(/\/+$/, '');
  return `url:${host}${pathname}${parsed.search}`;
}

/** A title reduced to lower-case letters and digits separated by single spaces, accents removed. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * `title:<providerId>|<normalised title>`, or null when the title has no letter or digit.
 *
 * @example
 * courseTitleKey('prov-a', 'Intro to SQL!') === courseTitleKey('prov-a', 'intro to  sql') // true
 */
export function courseTitleKey(providerId: string, title: string): string | null {
  const normalised = normaliseTitle(title);
  return normalised === '' ? null : `title:${providerId}|${normalised}`;
}

/** Both keys of a course, the URL key first (it decides when the two point at different credentials). */
export function courseIdentityKeys(providerId: string, title: string, url: string | null): string[] {
  return [courseUrlKey(url), courseTitleKey(providerId, title)].filter((key): key is string => key !== null);
}

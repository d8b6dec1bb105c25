import { toCountryCode } from './country-codes';
import { isHttpUrl, isJsonObject, languageText, text } from './json-ld-values';
import type { CredentialProvider } from './parsed-credential';

/**
 * The provider described by an Open Badges issuer/creator `Profile` (2.0 or 3.0), which may be
 * embedded or given only as its IRI.
 *
 * A linked-only issuer has no readable name; its URL host stands in (the parser does no I/O to
 * fetch the profile), so a catalogue preview still shows who issued the badge.
 *
 * @example
 * providerFromProfile('https://example.org/organization.json')
 * // { name: 'example.org', id: 'https://example.org/organization.json' }
 */
export function providerFromProfile(profile: unknown): CredentialProvider | undefined {
  if (typeof profile === 'string') {
    const iri = text(profile);
    if (iri === undefined) return undefined;
    return { name: isHttpUrl(iri) ? new URL(iri).hostname : iri, id: iri };
  }
  if (!isJsonObject(profile)) return undefined;
  const id = text(profile.id);
  const url = text(profile.url);
  const name = languageText(profile.name) ?? hostOf(url) ?? hostOf(id) ?? id;
  if (name === undefined) return undefined;
  const address = isJsonObject(profile.address) ? profile.address : undefined;
  const countryCode = text(address?.addressCountryCode);
  const countryName = text(address?.addressCountry);
  const country =
    (countryCode === undefined ? undefined : toCountryCode(countryCode)) ??
    (countryName === undefined ? undefined : toCountryCode(countryName));
  return {
    name,
    ...(url !== undefined && isHttpUrl(url) ? { url } : {}),
    ...(country !== undefined ? { country } : {}),
    ...(id !== undefined ? { id } : {}),
  };
}

function hostOf(value: string | undefined): string | undefined {
  return value !== undefined && isHttpUrl(value) ? new URL(value).hostname : undefined;
}

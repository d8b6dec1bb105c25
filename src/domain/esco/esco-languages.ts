/**
 * The languages ESCO is published in and where their labels live on a concept node. English is
 * the import's base language and stays in the plain properties (`preferredLabel`, `altLabels`,
 * `description`), so every existing query and index keeps working; another language adds
 * suffixed properties (`preferredLabel_de`, ...) next to them.
 */
import { BadInputError } from '../errors';
import { quotedExcerpt } from '../text/quoted-excerpt';

/** ISO 639-1 codes of ESCO's 28 languages (the 24 EU languages, Icelandic, Norwegian, Ukrainian, Arabic). */
export const ESCO_LANGUAGES = [
  'ar',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'is',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
  'uk',
] as const;

/** One of {@link ESCO_LANGUAGES}. */
export type EscoLanguage = (typeof ESCO_LANGUAGES)[number];

/** The language of the plain label properties and the fallback of every other language. */
export const BASE_LANGUAGE: EscoLanguage = 'en';

/**
 * Validates a language argument: an ESCO language code, case-insensitive; a BCP-47 region
 * subtag is accepted and ignored, since ESCO has one variant per language.
 *
 * @example
 * checkEscoLanguage('de-AT') // 'de'
 * checkEscoLanguage('xx')    // throws BadInputError
 */
export function checkEscoLanguage(value: string): EscoLanguage {
  const match = /^([a-zA-Z]{2})(?:-[a-zA-Z0-9]{1,8})*$/.exec(value.trim());
  const code = match?.[1]?.toLowerCase();
  if (!code || !(ESCO_LANGUAGES as readonly string[]).includes(code)) {
    throw new BadInputError(
      `language must be one of ESCO's languages (${ESCO_LANGUAGES.join(', ')}), got ${quotedExcerpt(value)}`,
      { field: 'language', value: value.slice(0, 40) },
    );
  }
  return code as EscoLanguage;
}

/** Property names holding a concept's labels in one language. */
export interface LabelProperties {
  readonly preferredLabel: string;
  readonly altLabels: string;
  readonly description: string;
}

/**
 * Where a language's labels are stored.
 *
 * @example
 * labelProperties('de') // { preferredLabel: 'preferredLabel_de', altLabels: 'altLabels_de', description: 'description_de' }
 */
export function labelProperties(language: EscoLanguage): LabelProperties {
  if (language === BASE_LANGUAGE)
    return { preferredLabel: 'preferredLabel', altLabels: 'altLabels', description: 'description' };
  return {
    preferredLabel: `preferredLabel_${language}`,
    altLabels: `altLabels_${language}`,
    description: `description_${language}`,
  };
}

/**
 * The language code an ESCO file name carries (`skills_de.csv` → 'de'), or null when the name
 * carries none or an unknown one.
 */
export function languageOfFileName(name: string): EscoLanguage | null {
  const code = /_([a-z]{2})\.csv$/i.exec(name)?.[1]?.toLowerCase();
  return code && (ESCO_LANGUAGES as readonly string[]).includes(code) ? (code as EscoLanguage) : null;
}

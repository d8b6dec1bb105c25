import { describe, expect, it } from 'vitest';
import { detectTranslationLanguage } from '../../src/esco/import/import-esco-translations';
import { EscoImportError } from '../../src/esco/import/esco-import-error';

describe('language of a translation folder', () => {
  it('reads the language from the label file names and ignores language-free relation files', () => {
    expect(
      detectTranslationLanguage(['skills_de.csv', 'occupations_de.csv', 'skillSkillRelations.csv', 'README.md']),
    ).toBe('de');
    expect(detectTranslationLanguage(['ISCOGroups_FR.csv'])).toBe('fr');
    expect(detectTranslationLanguage(['skillSkillRelations.csv', 'notes_de.csv'])).toBeNull();
  });

  it('refuses a folder mixing languages, and English label files', () => {
    expect(() => detectTranslationLanguage(['skills_de.csv', 'occupations_fr.csv'])).toThrow(EscoImportError);
    expect(() => detectTranslationLanguage(['skills_de.csv', 'occupations_fr.csv'])).toThrow(
      /mixes languages \(de, fr\)/,
    );
    expect(() => detectTranslationLanguage(['skills_en.csv'])).toThrow(/main ESCO import/);
  });
});

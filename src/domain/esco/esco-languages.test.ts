import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors';
import { checkEscoLanguage, labelProperties, languageOfFileName, ESCO_LANGUAGES } from './esco-languages';

describe('ESCO languages', () => {
  it('lists 28 distinct languages, English included', () => {
    expect(new Set(ESCO_LANGUAGES).size).toBe(28);
    expect(ESCO_LANGUAGES).toContain('en');
  });

  it('accepts ESCO language codes and BCP-47 tags, and rejects anything else with BAD_USER_INPUT', () => {
    expect(checkEscoLanguage('de')).toBe('de');
    expect(checkEscoLanguage('FR')).toBe('fr');
    expect(checkEscoLanguage('de-AT')).toBe('de');
    for (const bad of ['xx', 'ja', '', 'deu', 'de_AT', "en' OR 1=1"]) {
      expect(() => checkEscoLanguage(bad)).toThrow(BadInputError);
    }
  });

  it('keeps English in the plain properties and suffixes the others', () => {
    expect(labelProperties('en').preferredLabel).toBe('preferredLabel');
    expect(labelProperties('de')).toEqual({
      preferredLabel: 'preferredLabel_de',
      altLabels: 'altLabels_de',
      description: 'description_de',
    });
  });

  it('reads the language from ESCO file names', () => {
    expect(languageOfFileName('skills_de.csv')).toBe('de');
    expect(languageOfFileName('ISCOGroups_fr.csv')).toBe('fr');
    expect(languageOfFileName('skillSkillRelations.csv')).toBeNull();
    expect(languageOfFileName('skills_xx.csv')).toBeNull();
  });
});

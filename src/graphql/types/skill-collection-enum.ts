import { registerEnumType } from 'type-graphql';

/**
 * ESCO's skill collections. The values are the names stored in `Skill.collections` (the
 * importer takes them from the collection file names, e.g. `digitalSkillsCollection_en.csv`).
 */
export enum SkillCollection {
  TRANSVERSAL = 'transversal',
  DIGITAL = 'digital',
  GREEN = 'green',
  LANGUAGE = 'language',
  DIGCOMP = 'digcomp',
  RESEARCH = 'research',
}
registerEnumType(SkillCollection, {
  name: 'SkillCollection',
  description: 'An ESCO skill collection: a cross-cutting selection of skills published with ESCO.',
  valuesConfig: {
    TRANSVERSAL: { description: 'Transversal skills and competences (transversalSkillsCollection).' },
    DIGITAL: { description: 'Digital skills (digitalSkillsCollection).' },
    GREEN: { description: 'Green skills (greenSkillsCollection).' },
    LANGUAGE: { description: 'Language skills and knowledge (languageSkillsCollection).' },
    DIGCOMP: { description: "The DigComp framework's competences (digCompSkillsCollection)." },
    RESEARCH: { description: 'Research skills (researchSkillsCollection).' },
  },
});

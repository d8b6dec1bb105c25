import { describe, expect, it } from 'vitest';
import {
  isConceptUri,
  mapBroaderRow,
  mapCollectionRow,
  mapHierarchyRow,
  mapIscoGroupRow,
  mapOccupationRow,
  mapOccupationSkillRow,
  mapSkillGroupRow,
  mapSkillRow,
  mapSkillSkillRow,
  parseRelationKind,
} from '../../../src/esco/import/row-mapping';

const SKILL = 'http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab';
const SKILL_2 = 'http://data.europa.eu/esco/skill/00064735-8fad-454b-90c7-ed858cc993f2';
const GROUP = 'http://data.europa.eu/esco/isced-f/00';
const OCCUPATION = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const ISCO = 'http://data.europa.eu/esco/isco/C2512';

describe('mapSkillRow', () => {
  const row = {
    conceptType: 'KnowledgeSkillCompetence',
    conceptUri: SKILL,
    skillType: 'skill/competence',
    reuseLevel: 'sector-specific',
    preferredLabel: 'manage musical staff',
    altLabels: 'manage staff of music\ncoordinate duties of musical staff\n',
    hiddenLabels: '',
    description: 'Assign and manage staff tasks.',
  };

  it('maps the columns of skills_en.csv', () => {
    expect(mapSkillRow(row, ['digital'])).toEqual({
      ok: true,
      record: {
        uri: SKILL,
        preferredLabel: 'manage musical staff',
        altLabels: ['manage staff of music', 'coordinate duties of musical staff'],
        hiddenLabels: [],
        description: 'Assign and manage staff tasks.',
        skillType: 'skill/competence',
        reuseLevel: 'sector-specific',
        collections: ['digital'],
      },
    });
  });

  it('stores an empty skill type, reuse level and description as null (six release skills lack a type)', () => {
    const mapped = mapSkillRow({ ...row, skillType: '', reuseLevel: '', description: '' });
    expect(mapped.ok && mapped.record).toMatchObject({ skillType: null, reuseLevel: null, description: null });
  });

  it('keeps a row with an unknown skill type, with a warning', () => {
    const mapped = mapSkillRow({ ...row, skillType: 'attitude' });
    expect(mapped).toMatchObject({
      ok: true,
      record: { skillType: null },
      warning: expect.stringContaining('attitude'),
    });
  });

  it('rejects rows without a URI or label', () => {
    expect(mapSkillRow({ ...row, conceptUri: '' })).toEqual({ ok: false, message: 'empty conceptUri' });
    expect(mapSkillRow({ ...row, conceptUri: 'not a uri' })).toMatchObject({ ok: false });
    expect(mapSkillRow({ ...row, preferredLabel: ' ' })).toEqual({ ok: false, message: 'empty preferredLabel' });
  });
});

describe('mapOccupationRow', () => {
  it('maps code, ISCO group code and the research flag', () => {
    const mapped = mapOccupationRow(
      {
        conceptUri: OCCUPATION,
        iscoGroup: '2512',
        preferredLabel: 'software developer',
        altLabels: 'programmer\nsoftware engineer',
        hiddenLabels: 'coder',
        description: 'Software developers implement software.',
        code: '2512.4',
      },
      true,
    );
    expect(mapped).toEqual({
      ok: true,
      record: {
        uri: OCCUPATION,
        preferredLabel: 'software developer',
        altLabels: ['programmer', 'software engineer'],
        hiddenLabels: ['coder'],
        description: 'Software developers implement software.',
        code: '2512.4',
        iscoGroupCode: '2512',
        research: true,
      },
    });
  });
});

describe('group rows', () => {
  it('keeps ISCO codes as text with their leading zeros', () => {
    const mapped = mapIscoGroupRow({
      conceptUri: 'http://data.europa.eu/esco/isco/C0110',
      code: '0110',
      preferredLabel: 'x',
      description: '',
    });
    expect(mapped).toEqual({
      ok: true,
      record: { uri: 'http://data.europa.eu/esco/isco/C0110', code: '0110', preferredLabel: 'x', description: null },
    });
  });

  it('rejects an ISCO group without a code', () => {
    expect(mapIscoGroupRow({ conceptUri: ISCO, code: '', preferredLabel: 'x' })).toEqual({
      ok: false,
      message: 'empty code',
    });
  });

  it('maps skill groups with an empty code as null', () => {
    const mapped = mapSkillGroupRow({
      conceptUri: GROUP,
      preferredLabel: 'generic programmes',
      altLabels: '',
      description: 'd',
      code: '',
    });
    expect(mapped).toEqual({
      ok: true,
      record: { uri: GROUP, preferredLabel: 'generic programmes', altLabels: [], description: 'd', code: null },
    });
  });

  it('takes the deepest level of a hierarchy row', () => {
    const mapped = mapHierarchyRow({
      'Level 0 URI': 'http://data.europa.eu/esco/skill/L',
      'Level 0 preferred term': 'language skills',
      'Level 1 URI': 'http://data.europa.eu/esco/skill/L1',
      'Level 1 preferred term': 'languages',
      'Level 2 URI': '',
      'Level 3 URI': '',
      Description: 'Ability to communicate.',
      'Level 0 code': 'L',
      'Level 1 code': 'L1',
    });
    expect(mapped).toEqual({
      ok: true,
      record: {
        uri: 'http://data.europa.eu/esco/skill/L1',
        preferredLabel: 'languages',
        altLabels: [],
        description: 'Ability to communicate.',
        code: 'L1',
      },
    });
    expect(mapHierarchyRow({})).toEqual({ ok: false, message: 'no level URI' });
  });
});

describe('relation rows', () => {
  it.each([
    ['KnowledgeSkillCompetence', 'KnowledgeSkillCompetence', 'skill-broader'],
    ['KnowledgeSkillCompetence', 'SkillGroup', 'skill-in-group'],
    ['SkillGroup', 'SkillGroup', 'group-broader'],
    ['Occupation', 'Occupation', 'occupation-broader'],
    ['Occupation', 'ISCOGroup', 'occupation-isco-group'],
    ['ISCOGroup', 'ISCOGroup', 'isco-broader'],
  ])('maps a %s → %s broader row to %s', (conceptType, broaderType, kind) => {
    const mapped = mapBroaderRow({ conceptType, conceptUri: SKILL, broaderType, broaderUri: SKILL_2 });
    expect(mapped).toEqual({ ok: true, record: { kind, from: SKILL, to: SKILL_2 } });
  });

  it('rejects an unsupported pair of types', () => {
    const mapped = mapBroaderRow({
      conceptType: 'SkillGroup',
      conceptUri: GROUP,
      broaderType: 'KnowledgeSkillCompetence',
      broaderUri: SKILL,
    });
    expect(mapped).toMatchObject({ ok: false, message: expect.stringContaining('unsupported') });
  });

  it('maps occupation–skill and skill–skill relations with their kind', () => {
    expect(
      mapOccupationSkillRow({
        occupationUri: OCCUPATION,
        relationType: 'essential',
        skillType: 'knowledge',
        skillUri: SKILL,
      }),
    ).toEqual({
      ok: true,
      record: { kind: 'occupation-skill', from: OCCUPATION, to: SKILL, relation: 'ESSENTIAL' },
    });
    expect(mapSkillSkillRow({ originalSkillUri: SKILL, relationType: 'optional', relatedSkillUri: SKILL_2 })).toEqual({
      ok: true,
      record: { kind: 'skill-related', from: SKILL, to: SKILL_2, relation: 'OPTIONAL' },
    });
  });

  it('rejects an unknown relation type or an empty URI', () => {
    expect(
      mapOccupationSkillRow({ occupationUri: OCCUPATION, relationType: 'sometimes', skillUri: SKILL }),
    ).toMatchObject({ ok: false });
    expect(mapSkillSkillRow({ originalSkillUri: '', relationType: 'optional', relatedSkillUri: SKILL })).toEqual({
      ok: false,
      message: 'empty originalSkillUri',
    });
  });

  it('parses relation kinds regardless of case and padding', () => {
    expect(parseRelationKind(' Essential ')).toBe('ESSENTIAL');
    expect(parseRelationKind('OPTIONAL')).toBe('OPTIONAL');
    expect(parseRelationKind(undefined)).toBeUndefined();
  });
});

describe('small helpers', () => {
  it('recognizes concept URIs', () => {
    expect(isConceptUri(SKILL)).toBe(true);
    expect(isConceptUri('urn:x')).toBe(false);
    expect(isConceptUri('http://a b')).toBe(false);
  });

  it('maps collection rows to the member URI', () => {
    expect(mapCollectionRow({ conceptUri: ` ${SKILL} ` })).toEqual({ ok: true, record: SKILL });
  });
});

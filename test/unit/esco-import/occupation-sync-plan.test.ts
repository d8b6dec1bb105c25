import { describe, expect, it } from 'vitest';
import type { EscoOccupation, EscoSkill } from '../../../src/esco/api/esco-types';
import type { OccupationWithSkills } from '../../../src/esco/api/fetch-occupation-with-skills';
import { iscoCodeOf, linkTargets, planOccupationSync } from '../../../src/esco/sync/occupation-sync-plan';

const OCC = 'http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1';
const ISCO = 'http://data.europa.eu/esco/isco/C2512';
const S1 = 'http://data.europa.eu/esco/skill/s1';
const S2 = 'http://data.europa.eu/esco/skill/s2';
const PARENT = 'http://data.europa.eu/esco/skill/parent';
const KNOWN_GROUP = 'http://data.europa.eu/esco/skill/known-group';
const NEW_GROUP = 'http://data.europa.eu/esco/isced-f/0613';

const labels = { preferred: {}, alternative: {}, description: {} };

function skill(uri: string, extra: Partial<EscoSkill> = {}): EscoSkill {
  return {
    kind: 'skill',
    uri,
    className: 'Skill',
    language: 'en',
    preferredLabel: uri.split('/').pop()!,
    alternativeLabels: ['alt'],
    description: 'd',
    status: 'released',
    labels,
    skillType: 'knowledge',
    reuseLevel: 'cross-sector',
    broaderSkills: [],
    broaderHierarchyConcepts: [],
    narrowerSkills: [],
    essentialSkills: [],
    optionalSkills: [],
    essentialForOccupations: [],
    optionalForOccupations: [],
    ...extra,
  };
}

const occupation: EscoOccupation = {
  kind: 'occupation',
  uri: OCC,
  className: 'Occupation',
  language: 'en',
  preferredLabel: 'software developer',
  alternativeLabels: ['programmer'],
  description: 'Writes software.',
  status: 'released',
  labels,
  code: '2512.4',
  iscoGroup: { uri: ISCO, title: 'Software developers' },
  essentialSkills: [{ uri: S1, title: 's1', skillType: 'knowledge' }],
  optionalSkills: [{ uri: S2, title: 's2', skillType: 'knowledge' }],
  broader: [
    { uri: ISCO, title: 'Software developers', code: '2512' },
    { uri: 'http://data.europa.eu/esco/occupation/broader', title: 'broader occupation' },
  ],
  narrower: [],
};

const data: OccupationWithSkills = {
  selectedVersion: 'v1.1.1',
  language: 'en',
  occupation,
  skills: [skill(S1, { optionalSkills: [{ uri: S2, title: 's2' }] }), skill(S2)],
  occupationSkills: [
    { occupationUri: OCC, skillUri: S1, relationType: 'essential', skillType: 'knowledge' },
    { occupationUri: OCC, skillUri: S2, relationType: 'optional', skillType: 'knowledge' },
  ],
  skillBroader: [
    { skillUri: S1, broaderUri: PARENT, broaderTitle: 'parent skill', via: 'broaderSkill' },
    { skillUri: S1, broaderUri: S2, broaderTitle: 's2', via: 'broaderSkill' },
    { skillUri: S2, broaderUri: KNOWN_GROUP, broaderTitle: 'known', via: 'broaderSkill' },
    { skillUri: S2, broaderUri: NEW_GROUP, broaderTitle: 'software and applications', via: 'broaderHierarchyConcept' },
  ],
};

describe('planOccupationSync', () => {
  const plan = planOccupationSync(data, new Map([[KNOWN_GROUP, 'group']]));

  it('maps the occupation and skills, leaving what the API does not know undefined', () => {
    expect(plan.occupation).toEqual({
      uri: OCC,
      preferredLabel: 'software developer',
      altLabels: ['programmer'],
      description: 'Writes software.',
      code: '2512.4',
      iscoGroupCode: '2512',
    });
    expect(plan.skills.map((record) => record.uri)).toEqual([S1, S2]);
    expect(plan.skills[0]).not.toHaveProperty('hiddenLabels');
    expect(plan.skills[0]).not.toHaveProperty('collections');
  });

  it('types broader links by what the graph knows, else by the API relation, with placeholders', () => {
    const broader = plan.links.filter((link) => link.kind === 'skill-broader' || link.kind === 'skill-in-group');
    expect(broader).toEqual([
      { kind: 'skill-broader', from: S1, to: PARENT },
      { kind: 'skill-broader', from: S1, to: S2 },
      { kind: 'skill-in-group', from: S2, to: KNOWN_GROUP },
      { kind: 'skill-in-group', from: S2, to: NEW_GROUP },
    ]);
    expect(plan.skillStubs).toEqual([{ uri: PARENT, preferredLabel: 'parent skill' }]);
    expect(plan.groupStubs).toEqual([{ uri: NEW_GROUP, preferredLabel: 'software and applications' }]);
  });

  it('writes REQUIRES with the relation, related skills, and the ISCO and broader occupation links', () => {
    expect(plan.links.filter((link) => link.kind === 'occupation-skill')).toEqual([
      { kind: 'occupation-skill', from: OCC, to: S1, relation: 'ESSENTIAL' },
      { kind: 'occupation-skill', from: OCC, to: S2, relation: 'OPTIONAL' },
    ]);
    expect(plan.links.filter((link) => link.kind === 'skill-related')).toEqual([
      { kind: 'skill-related', from: S1, to: S2, relation: 'OPTIONAL' },
    ]);
    expect(plan.links.filter((link) => link.kind === 'occupation-isco-group')).toEqual([
      { kind: 'occupation-isco-group', from: OCC, to: ISCO },
    ]);
    expect(plan.links.filter((link) => link.kind === 'occupation-broader')).toHaveLength(1);
    expect(plan.iscoGroupStubs).toEqual([{ uri: ISCO, code: '2512', preferredLabel: 'Software developers' }]);
    expect(plan.requiredSkillUris).toEqual([S1, S2]);
  });

  it('asks the graph only about broader targets it did not fetch', () => {
    expect(linkTargets(data)).toEqual([PARENT, KNOWN_GROUP, NEW_GROUP]);
  });
});

describe('iscoCodeOf', () => {
  it('prefers the link code and falls back to the URI', () => {
    expect(iscoCodeOf({ uri: ISCO, title: '', code: '2512' })).toBe('2512');
    expect(iscoCodeOf({ uri: 'http://data.europa.eu/esco/isco/C0110', title: '' })).toBe('0110');
    expect(iscoCodeOf({ uri: 'http://example.org/x', title: '' })).toBeNull();
  });
});

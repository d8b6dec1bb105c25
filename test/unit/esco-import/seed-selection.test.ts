import { describe, expect, it } from 'vitest';
import {
  ancestorsClosure,
  selectSeed,
  selectSeedOccupations,
  type SeedSector,
} from '../../../src/esco/import/seed-selection';

const occupations = [
  { uri: 'o:b1', preferredLabel: 'b one', iscoGroup: '1000' },
  { uri: 'o:a1', preferredLabel: 'a one', iscoGroup: '1000' },
  { uri: 'o:c1', preferredLabel: 'c one', iscoGroup: '1000' },
  { uri: 'o:x1', preferredLabel: 'x one', iscoGroup: '2000' },
  { uri: 'o:solar', preferredLabel: 'solar energy technician', iscoGroup: '7411' },
  { uri: 'o:teacher', preferredLabel: 'energy teacher', iscoGroup: '2320' },
];

describe('selectSeedOccupations', () => {
  it('takes included occupations first, then round-robin over groups, alphabetically within a group', () => {
    const sectors: SeedSector[] = [{ name: 'S', iscoCodes: ['1000', '2000'], include: ['o:c1'], quota: 3 }];
    expect([...selectSeedOccupations(occupations, sectors)]).toEqual([
      ['o:c1', 'S'],
      ['o:a1', 'S'],
      ['o:x1', 'S'],
    ]);
  });

  it('selects by label with exclusions, never twice across sectors', () => {
    const sectors: SeedSector[] = [
      { name: 'green', iscoCodes: [], label: /energy/, exclude: /teacher/, quota: 5 },
      { name: 'other', iscoCodes: ['7411'], quota: 5 },
    ];
    expect([...selectSeedOccupations(occupations, sectors)]).toEqual([['o:solar', 'green']]);
  });

  it('is deterministic whatever the input order', () => {
    const sectors: SeedSector[] = [{ name: 'S', iscoCodes: ['1000'], quota: 2 }];
    const forward = [...selectSeedOccupations(occupations, sectors)];
    const backward = [...selectSeedOccupations([...occupations].reverse(), sectors)];
    expect(backward).toEqual(forward);
  });
});

describe('selectSeed', () => {
  it('closes over required skills, their broader skills, groups and ISCO ancestors', () => {
    const seed = selectSeed(
      {
        occupations,
        iscoGroupByCode: new Map([
          ['1000', 'isco:1000'],
          ['2000', 'isco:2000'],
        ]),
        occupationSkills: [
          { from: 'o:a1', to: 's:1' },
          { from: 'o:x1', to: 's:9' },
        ],
        skillBroader: [
          { from: 's:1', to: 's:2' },
          { from: 's:2', to: 's:3' },
        ],
        skillInGroup: [
          { from: 's:3', to: 'g:1' },
          { from: 's:9', to: 'g:9' },
        ],
        groupBroader: [{ from: 'g:1', to: 'g:0' }],
        iscoBroader: [
          { from: 'isco:1000', to: 'isco:100' },
          { from: 'isco:100', to: 'isco:1' },
        ],
      },
      [{ name: 'S', iscoCodes: ['1000'], include: ['o:a1'], quota: 1 }],
    );
    expect([...seed.occupations.keys()]).toEqual(['o:a1']);
    expect([...seed.skills].sort()).toEqual(['s:1', 's:2', 's:3']);
    expect([...seed.skillGroups].sort()).toEqual(['g:0', 'g:1']);
    expect([...seed.iscoGroups].sort()).toEqual(['isco:1', 'isco:100', 'isco:1000']);
  });

  it('ancestorsClosure survives cycles', () => {
    expect(
      [
        ...ancestorsClosure(
          ['a'],
          [
            { from: 'a', to: 'b' },
            { from: 'b', to: 'a' },
          ],
        ),
      ].sort(),
    ).toEqual(['a', 'b']);
  });
});

import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors';
import type { Evidence, EvidenceSource } from './evidence';
import type { HierarchyLink } from './hierarchy-link';
import type { MatchPolicy } from './match-policy';
import { TEST_MATCH_POLICY } from '../../../test/support/match-policy-fixture';
import { computeSkillCredits } from './skill-credits';
import type { VerificationStatus } from '../verification/verification';

const POLICY = TEST_MATCH_POLICY;

const cred = (credentialId: string): EvidenceSource => ({ kind: 'CREDENTIAL', credentialId });
const STATED: EvidenceSource = { kind: 'STATED' };
const SELF: EvidenceSource = { kind: 'SELF_DECLARED' };
const ev = (skillUri: string, source: EvidenceSource): Evidence => ({ skillUri, source });
const narrower = (requiredUri: string, evidenceUri: string, distance: number): HierarchyLink => ({
  requiredUri,
  evidenceUri,
  kind: 'NARROWER',
  distance,
});
const broader = (requiredUri: string, evidenceUri: string, distance: number): HierarchyLink => ({
  requiredUri,
  evidenceUri,
  kind: 'BROADER',
  distance,
});

function creditOf(
  required: string,
  evidence: Evidence[],
  links: HierarchyLink[] = [],
  policy: Partial<MatchPolicy> = {},
) {
  const credit = computeSkillCredits([required], evidence, links, { ...POLICY, ...policy }).get(required);
  if (!credit) throw new Error(`no entry for ${required}`);
  return credit;
}

describe('computeSkillCredits: match kinds', () => {
  it('EXACT: the required skill itself earns the exact weight', () => {
    expect(creditOf('r', [ev('r', cred('c1'))])).toEqual({
      credit: 1,
      matchKind: 'EXACT',
      evidenceSkillUri: 'r',
      distance: 0,
      sources: [cred('c1')],
    });
    expect(creditOf('r', [ev('r', STATED)], [], { exact: 0.9 }).credit).toBe(0.9);
  });

  it('NARROWER: a skill below the required one earns the narrower weight', () => {
    expect(creditOf('r', [ev('n', cred('c1'))], [narrower('r', 'n', 1)])).toEqual({
      credit: 0.8,
      matchKind: 'NARROWER',
      evidenceSkillUri: 'n',
      distance: 1,
      sources: [cred('c1')],
    });
  });

  it('BROADER: a skill above the required one earns the broader weight', () => {
    expect(creditOf('r', [ev('b', STATED)], [broader('r', 'b', 2)])).toEqual({
      credit: 0.5,
      matchKind: 'BROADER',
      evidenceSkillUri: 'b',
      distance: 2,
      sources: [STATED],
    });
  });

  it('an occupation essential skill counts fully', () => {
    const occupation: EvidenceSource = { kind: 'OCCUPATION', occupationUri: 'occ:1' };
    expect(creditOf('r', [ev('r', occupation)]).credit).toBe(1);
  });

  it('no evidence: zero credit and no match', () => {
    expect(creditOf('r', [ev('other', cred('c1'))], [narrower('x', 'other', 1)])).toEqual({
      credit: 0,
      matchKind: null,
      evidenceSkillUri: null,
      distance: null,
      sources: [],
    });
  });
});

describe('computeSkillCredits: depth limits', () => {
  it('ignores links deeper than maxHierarchyDepth (default 2)', () => {
    expect(creditOf('r', [ev('n', cred('c1'))], [narrower('r', 'n', 2)]).credit).toBe(0.8);
    expect(creditOf('r', [ev('n', cred('c1'))], [narrower('r', 'n', 3)]).credit).toBe(0);
    expect(creditOf('r', [ev('b', cred('c1'))], [broader('r', 'b', 3)]).matchKind).toBeNull();
  });

  it('a deeper policy admits the deeper link', () => {
    expect(creditOf('r', [ev('n', cred('c1'))], [narrower('r', 'n', 3)], { maxHierarchyDepth: 3 }).credit).toBe(0.8);
  });

  it('depth 0 allows EXACT only', () => {
    expect(creditOf('r', [ev('n', cred('c1'))], [narrower('r', 'n', 1)], { maxHierarchyDepth: 0 }).credit).toBe(0);
    expect(creditOf('r', [ev('r', cred('c1'))], [], { maxHierarchyDepth: 0 }).credit).toBe(1);
  });

  it('uses the shortest of several links for one pair', () => {
    const links = [narrower('r', 'n', 2), narrower('r', 'n', 1), narrower('r', 'n', 4)];
    expect(creditOf('r', [ev('n', cred('c1'))], links).distance).toBe(1);
    expect(creditOf('r', [ev('n', cred('c1'))], [...links].reverse()).distance).toBe(1);
  });

  it('ignores a link from a skill to itself', () => {
    // Through the self-link the skill would earn 1 × 0.5; as itself it earns 0.6 × 0.5.
    expect(creditOf('r', [ev('r', SELF)], [narrower('r', 'r', 1)], { narrower: 1, exact: 0.6 })).toMatchObject({
      credit: 0.3,
      matchKind: 'EXACT',
    });
  });
});

describe('computeSkillCredits: evidence factors', () => {
  it('self-declared evidence counts selfDeclared (default 0.5) times the kind weight', () => {
    expect(creditOf('r', [ev('r', SELF)]).credit).toBe(0.5);
    expect(creditOf('r', [ev('n', SELF)], [narrower('r', 'n', 1)]).credit).toBe(0.4);
    expect(creditOf('r', [ev('b', SELF)], [broader('r', 'b', 1)]).credit).toBe(0.25);
    expect(creditOf('r', [ev('r', SELF)], [], { selfDeclared: 0.3 }).credit).toBe(0.3);
  });

  it('a credential on the same skill outranks self-declaration and alone is named', () => {
    expect(creditOf('r', [ev('r', SELF), ev('r', cred('c1'))])).toMatchObject({ credit: 1, sources: [cred('c1')] });
  });

  it('with selfDeclared = 1 self-declaration earns the same and is named too, after credentials', () => {
    expect(creditOf('r', [ev('r', SELF), ev('r', cred('c1'))], [], { selfDeclared: 1 }).sources).toEqual([
      cred('c1'),
      SELF,
    ]);
  });

  it('a zero factor earns nothing and reports no match', () => {
    expect(creditOf('r', [ev('r', SELF)], [], { selfDeclared: 0 })).toMatchObject({
      credit: 0,
      matchKind: null,
      sources: [],
    });
  });

  it('a zero kind weight earns nothing', () => {
    expect(creditOf('r', [ev('b', cred('c1'))], [broader('r', 'b', 1)], { broader: 0 }).matchKind).toBeNull();
  });
});

describe('computeSkillCredits: choosing among matches', () => {
  it('takes the highest credit whatever its kind', () => {
    // narrower credential 0.8 beats exact self-declared 0.5
    expect(creditOf('r', [ev('r', SELF), ev('n', cred('c1'))], [narrower('r', 'n', 1)])).toMatchObject({
      credit: 0.8,
      matchKind: 'NARROWER',
      evidenceSkillUri: 'n',
    });
    // broader weighted above narrower wins when it earns more
    expect(
      creditOf('r', [ev('n', STATED), ev('b', STATED)], [narrower('r', 'n', 1), broader('r', 'b', 1)], {
        narrower: 0.3,
        broader: 0.6,
      }),
    ).toMatchObject({ credit: 0.6, matchKind: 'BROADER' });
  });

  it('on equal credit prefers EXACT, then NARROWER, then BROADER', () => {
    const evidence = [ev('b', STATED), ev('n', STATED), ev('r', STATED)];
    const links = [broader('r', 'b', 1), narrower('r', 'n', 1)];
    const equal = { exact: 0.7, narrower: 0.7, broader: 0.7 };
    expect(creditOf('r', evidence, links, equal).matchKind).toBe('EXACT');
    expect(creditOf('r', evidence.slice(0, 2), links, equal).matchKind).toBe('NARROWER');
    expect(creditOf('r', evidence.slice(0, 2).reverse(), [...links].reverse(), equal).matchKind).toBe('NARROWER');
  });

  it('on equal credit and kind prefers the smaller distance, then the smaller evidence URI', () => {
    const evidence = [ev('n-far', cred('c1')), ev('n-z', cred('c2')), ev('n-a', cred('c3'))];
    const links = [narrower('r', 'n-far', 1), narrower('r', 'n-z', 1), narrower('r', 'n-a', 2)];
    expect(creditOf('r', evidence, links).evidenceSkillUri).toBe('n-far');
    const sameDistance = [narrower('r', 'n-z', 1), narrower('r', 'n-a', 1)];
    expect(creditOf('r', evidence, sameDistance).evidenceSkillUri).toBe('n-a');
    expect(creditOf('r', [...evidence].reverse(), [...sameDistance].reverse()).evidenceSkillUri).toBe('n-a');
  });

  it('names every distinct source of the chosen skill once, credentials by id first', () => {
    const evidence = [
      ev('r', STATED),
      ev('r', cred('c2')),
      ev('r', { kind: 'OCCUPATION', occupationUri: 'occ:9' }),
      ev('r', cred('c10')),
      ev('r', cred('c2')),
      ev('other', cred('c0')),
    ];
    expect(creditOf('r', evidence).sources).toEqual([
      cred('c10'),
      cred('c2'),
      { kind: 'OCCUPATION', occupationUri: 'occ:9' },
      STATED,
    ]);
  });

  it('copies sources without extra properties the caller attached', () => {
    const source = { kind: 'CREDENTIAL', credentialId: 'c1', secret: 'x' } as EvidenceSource;
    expect(creditOf('r', [ev('r', source)]).sources).toStrictEqual([{ kind: 'CREDENTIAL', credentialId: 'c1' }]);
  });
});

describe('computeSkillCredits: shape and input checks', () => {
  it('returns one entry per distinct required URI, in URI order', () => {
    const credits = computeSkillCredits(['b', 'a', 'b', 'c'], [ev('c', STATED)], [], POLICY);
    expect([...credits.keys()]).toEqual(['a', 'b', 'c']);
    expect(credits.get('c')!.credit).toBe(1);
    expect(credits.get('a')!.credit).toBe(0);
  });

  it('ignores links for skills that are not required', () => {
    const credits = computeSkillCredits(['r'], [ev('n', STATED)], [narrower('x', 'n', 1)], POLICY);
    expect(credits.has('x')).toBe(false);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects a link with distance %s', (distance) => {
    expect(() => computeSkillCredits(['r'], [], [narrower('r', 'n', distance)], POLICY)).toThrow(BadInputError);
    expect(() => computeSkillCredits(['r'], [], [narrower('r', 'n', distance)], POLICY)).toThrow(/link\.distance/);
  });

  it('rejects a link of unknown kind and an unknown source kind', () => {
    const link = { requiredUri: 'r', evidenceUri: 'n', kind: 'SIDEWAYS', distance: 1 } as unknown as HierarchyLink;
    expect(() => computeSkillCredits(['r'], [], [link], POLICY)).toThrow(/link\.kind/);
    const evidence = [{ skillUri: 'r', source: { kind: 'RUMOUR' } } as unknown as Evidence];
    expect(() => computeSkillCredits(['r'], evidence, [], POLICY)).toThrow(/evidence\.source\.kind/);
  });
});

describe('computeSkillCredits, holdings and their verification', () => {
  const held = (credentialId: string, holdingVerification: VerificationStatus | null): EvidenceSource => ({
    kind: 'CREDENTIAL',
    credentialId,
    holdingVerification,
  });

  it('a verified holding counts 1, an unverified one counts policy.unverified, an INVALID one nothing', () => {
    const policy = { ...POLICY, unverified: 0.6 };
    const credit = (source: EvidenceSource) =>
      computeSkillCredits(['s'], [{ skillUri: 's', source }], [], policy).get('s')!;
    expect(credit(held('v', 'VERIFIED')).credit).toBe(1);
    expect(credit(held('u', 'UNSIGNED')).credit).toBe(0.6);
    expect(credit(held('x', 'UNVERIFIABLE')).credit).toBe(0.6);
    expect(credit(held('n', null)).credit).toBe(0.6);
    expect(credit(held('i', 'INVALID'))).toMatchObject({ credit: 0, matchKind: null, sources: [] });
    // A credential the caller names (no holding) is not discounted.
    expect(credit(cred('c')).credit).toBe(1);
  });

  it('unverified = 0 keeps verified evidence only, and the explanation carries the status', () => {
    const policy = { ...POLICY, unverified: 0 };
    const credits = computeSkillCredits(
      ['a', 'b'],
      [
        { skillUri: 'a', source: held('verified', 'VERIFIED') },
        { skillUri: 'b', source: held('unsigned', 'UNSIGNED') },
      ],
      [],
      policy,
    );
    expect(credits.get('a')).toMatchObject({
      credit: 1,
      sources: [{ kind: 'CREDENTIAL', credentialId: 'verified', holdingVerification: 'VERIFIED' }],
    });
    expect(credits.get('b')).toMatchObject({ credit: 0, matchKind: null });
  });
});

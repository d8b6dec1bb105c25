import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors';
import { computeCoverage } from './coverage';
import type { Evidence, EvidenceSource } from './evidence';
import type { HierarchyLink } from './hierarchy-link';
import { TEST_MATCH_POLICY } from '../../../test/support/match-policy-fixture';
import type { Requirement } from './requirement';

const POLICY = TEST_MATCH_POLICY;

const cred = (credentialId: string): EvidenceSource => ({ kind: 'CREDENTIAL', credentialId });
const ev = (skillUri: string, source: EvidenceSource): Evidence => ({ skillUri, source });
const req = (skillUri: string, relation: Requirement['relation']): Requirement => ({ skillUri, relation });

/*
 * Hand-computed scenario (defaults):
 *   a  ESSENTIAL  c1 on a itself                       → EXACT 1       COVERED
 *   b  ESSENTIAL  c1 and c2 on b1, one step below b     → NARROWER 0.8  COVERED
 *   c  ESSENTIAL  self-declared on c                    → EXACT 0.5     PARTIAL
 *   d  ESSENTIAL  nothing                               → 0             MISSING
 *   e  OPTIONAL   stated e0, two steps above e          → BROADER 0.5   PARTIAL
 *   f  OPTIONAL   c3 on f3, three steps below (too deep) → 0            MISSING
 *   c4 holds an unrelated skill z.
 * essential Σ = 2.3 → 0.575; optional Σ = 0.5 → 0.25; score = (2.3 + 0.125) / 4.5.
 * Without c1: a → 0, b stays 0.8 through c2: score = 1.425 / 4.5, drop = 1 / 4.5.
 */
const requirements: Requirement[] = [
  req('f', 'OPTIONAL'),
  req('d', 'ESSENTIAL'),
  req('a', 'OPTIONAL'), // duplicate of an essential requirement: ESSENTIAL wins
  req('b', 'ESSENTIAL'),
  req('e', 'OPTIONAL'),
  req('a', 'ESSENTIAL'),
  req('c', 'ESSENTIAL'),
];
const evidence: Evidence[] = [
  ev('a', cred('c1')),
  ev('b1', cred('c2')),
  ev('b1', cred('c1')),
  ev('c', { kind: 'SELF_DECLARED' }),
  ev('e0', { kind: 'STATED' }),
  ev('f3', cred('c3')),
  ev('z', cred('c4')),
];
const links: HierarchyLink[] = [
  { requiredUri: 'b', evidenceUri: 'b1', kind: 'NARROWER', distance: 1 },
  { requiredUri: 'e', evidenceUri: 'e0', kind: 'BROADER', distance: 2 },
  { requiredUri: 'f', evidenceUri: 'f3', kind: 'NARROWER', distance: 3 },
];

describe('computeCoverage: hand-computed scenario', () => {
  const result = computeCoverage({ requirements, evidence, links, policy: POLICY });

  it('computes score and coverages', () => {
    expect(result.score).toBeCloseTo(2.425 / 4.5, 12);
    expect(result.essentialCoverage).toBeCloseTo(0.575, 12);
    expect(result.optionalCoverage).toBeCloseTo(0.25, 12);
  });

  it('lists requirements essential first, each by URI, with match details', () => {
    expect(result.requirements.map((r) => [r.skillUri, r.relation, r.credit, r.status, r.matchKind])).toEqual([
      ['a', 'ESSENTIAL', 1, 'COVERED', 'EXACT'],
      ['b', 'ESSENTIAL', 0.8, 'COVERED', 'NARROWER'],
      ['c', 'ESSENTIAL', 0.5, 'PARTIAL', 'EXACT'],
      ['d', 'ESSENTIAL', 0, 'MISSING', null],
      ['e', 'OPTIONAL', 0.5, 'PARTIAL', 'BROADER'],
      ['f', 'OPTIONAL', 0, 'MISSING', null],
    ]);
    expect(result.requirements[1]).toEqual({
      skillUri: 'b',
      relation: 'ESSENTIAL',
      credit: 0.8,
      status: 'COVERED',
      matchKind: 'NARROWER',
      evidenceSkillUri: 'b1',
      distance: 1,
      sources: [cred('c1'), cred('c2')],
    });
    expect(result.requirements[4]).toMatchObject({
      evidenceSkillUri: 'e0',
      distance: 2,
      sources: [{ kind: 'STATED' }],
    });
  });

  it('counts statuses per relation', () => {
    expect(result.counts).toEqual({
      essential: { total: 4, covered: 2, partial: 1, missing: 1 },
      optional: { total: 2, covered: 0, partial: 1, missing: 1 },
    });
  });

  it('explains each credential: what it matched and what losing it would cost', () => {
    expect(result.contributions.map((c) => [c.credentialId, c.requirements])).toEqual([
      ['c1', ['a', 'b']],
      ['c2', ['b']],
      ['c3', []],
      ['c4', []],
    ]);
    expect(result.contributions[0]!.scoreDrop).toBeCloseTo(1 / 4.5, 12);
    // b keeps 0.8 through c1 when c2 goes; c3 and c4 match nothing.
    expect(result.contributions.slice(1).map((c) => c.scoreDrop)).toEqual([0, 0, 0]);
  });
});

describe('computeCoverage: statuses and thresholds', () => {
  const single = (credit: 'exact' | 'self' | 'narrowSelf', coverThreshold: number) => {
    const evidenceFor: Record<typeof credit, Evidence[]> = {
      exact: [ev('r', cred('c1'))],
      self: [ev('r', { kind: 'SELF_DECLARED' })],
      narrowSelf: [ev('n', { kind: 'SELF_DECLARED' })],
    };
    return computeCoverage({
      requirements: [req('r', 'ESSENTIAL')],
      evidence: evidenceFor[credit],
      links: [{ requiredUri: 'r', evidenceUri: 'n', kind: 'NARROWER', distance: 1 }],
      policy: { ...POLICY, coverThreshold },
    }).requirements[0]!;
  };

  it('COVERED at or above the threshold, PARTIAL below, MISSING at zero', () => {
    expect(single('exact', 1).status).toBe('COVERED');
    expect(single('self', 0.8).status).toBe('PARTIAL'); // 0.5
    expect(single('self', 0.5).status).toBe('COVERED'); // 0.5 reaches 0.5
    expect(single('narrowSelf', 0.5)).toMatchObject({ credit: 0.4, status: 'PARTIAL' });
    expect(single('narrowSelf', 0.4).status).toBe('COVERED');
  });

  it('a requirement without evidence is MISSING even with threshold 0', () => {
    const result = computeCoverage({
      requirements: [req('r', 'ESSENTIAL')],
      evidence: [],
      links: [],
      policy: { ...POLICY, coverThreshold: 0 },
    });
    expect(result.requirements[0]!.status).toBe('MISSING');
  });
});

describe('computeCoverage: edge cases', () => {
  it('no requirements: zeros, empty lists, credentials still listed', () => {
    const result = computeCoverage({ requirements: [], evidence: [ev('x', cred('c1'))], links: [], policy: POLICY });
    expect(result).toEqual({
      score: 0,
      essentialCoverage: 0,
      optionalCoverage: 0,
      counts: {
        essential: { total: 0, covered: 0, partial: 0, missing: 0 },
        optional: { total: 0, covered: 0, partial: 0, missing: 0 },
      },
      requirements: [],
      contributions: [{ credentialId: 'c1', requirements: [], scoreDrop: 0 }],
    });
  });

  it('a credential whose loss falls back to self-declaration drops by the difference', () => {
    const result = computeCoverage({
      requirements: [req('r', 'ESSENTIAL'), req('s', 'ESSENTIAL')],
      evidence: [ev('r', cred('c1')), ev('r', { kind: 'SELF_DECLARED' }), ev('s', cred('c2'))],
      links: [],
      policy: POLICY,
    });
    // r: 1 → 0.5 without c1, over 2 essential requirements: drop 0.25. s: 1 → 0: drop 0.5.
    expect(result.contributions.map((c) => [c.credentialId, c.scoreDrop])).toEqual([
      ['c2', 0.5],
      ['c1', 0.25],
    ]);
    expect(result.requirements[0]!.sources).toEqual([cred('c1')]);
  });

  it('rejects an unknown relation', () => {
    expect(() =>
      computeCoverage({
        requirements: [{ skillUri: 'r', relation: 'NICE_TO_HAVE' } as unknown as Requirement],
        evidence: [],
        links: [],
        policy: POLICY,
      }),
    ).toThrow(BadInputError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateCourse } from '../../../test/support/candidate-course';
import { evidenceLines } from '../../../test/support/packed-evidence';
import { unpackOccupationRows } from '../coverage/packed-occupation-rows';
import { Interner } from './interner';
import { ReadModel } from './read-model';
import type { CredentialRow } from './read-model-rows';
import { changeScopeOf } from './change-scope';

// a ← b ← c ← d (d is narrowest), and e below a; x stands alone.
const SKILLS = ['a', 'b', 'c', 'd', 'e', 'x'];
const BROADER = [
  { narrowerUri: 'b', broaderUri: 'a' },
  { narrowerUri: 'c', broaderUri: 'b' },
  { narrowerUri: 'd', broaderUri: 'c' },
  { narrowerUri: 'e', broaderUri: 'a' },
];
const OCCUPATIONS = [
  {
    uri: 'o1',
    iscoGroupCode: '2512',
    essentialCount: 2,
    optionalCount: 1,
    requirements: [
      { skillUri: 'a', relation: 'ESSENTIAL' as const },
      { skillUri: 'c', relation: 'ESSENTIAL' as const },
      { skillUri: 'x', relation: 'OPTIONAL' as const },
    ],
  },
  {
    uri: 'o2',
    iscoGroupCode: null,
    essentialCount: null,
    optionalCount: null,
    requirements: [{ skillUri: 'c', relation: 'OPTIONAL' as const }],
  },
];

/** A credential teaching `taught` (the planner's candidate course is the read model's credential row). */
function course(id: string, taught: string[]): CredentialRow {
  return candidateCourse(id, taught);
}

function model(): ReadModel {
  const m = new ReadModel(SKILLS, BROADER, OCCUPATIONS);
  m.putCredential(course('c1', ['d', 'x']));
  m.putCredential(course('c2', ['b']));
  m.putLearner({
    id: 'l1',
    matchingConsent: true,
    holdings: [
      { credentialId: 'c1', issuedOn: '2024-01-01', expiresOn: '2025-01-01', verificationStatus: 'VERIFIED' },
      { credentialId: 'c2', issuedOn: null, expiresOn: null, verificationStatus: null },
    ],
    declaredSkillUris: ['e'],
  });
  m.putLearner({ id: 'l2', matchingConsent: false, holdings: [], declaredSkillUris: ['e'] });
  return m;
}

const sortRows = <T>(rows: T[]) => [...rows].sort((p, q) => JSON.stringify(p).localeCompare(JSON.stringify(q)));

describe('Interner', () => {
  it('gives one dense id per distinct string and maps it back', () => {
    const interner = new Interner();
    expect([interner.intern('p'), interner.intern('q'), interner.intern('p')]).toEqual([0, 1, 0]);
    expect(interner.value(1)).toBe('q');
    expect(interner.lookup('r')).toBeUndefined();
    expect(interner.size).toBe(2);
    expect(() => interner.value(5)).toThrow(RangeError);
  });
});

describe('skill hierarchy closure', () => {
  it('lists skills below and above within the depth, at the shortest distance', () => {
    const rows = model().expandSkillHierarchy(['b'], 2);
    expect(sortRows(rows)).toEqual(
      sortRows([
        { skillUri: 'b', relatedUri: 'c', kind: 'NARROWER', distance: 1 },
        { skillUri: 'b', relatedUri: 'd', kind: 'NARROWER', distance: 2 },
        { skillUri: 'b', relatedUri: 'a', kind: 'BROADER', distance: 1 },
      ]),
    );
  });

  it('stops at the depth, gives nothing at depth 0 or for unknown skills, and repeats duplicated inputs', () => {
    const m = model();
    expect(
      m
        .expandSkillHierarchy(['a'], 1)
        .map((r) => r.relatedUri)
        .sort(),
    ).toEqual(['b', 'e']);
    expect(
      m
        .expandSkillHierarchy(['a'], 5)
        .map((r) => [r.relatedUri, r.distance])
        .sort(),
    ).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 3],
      ['e', 1],
    ]);
    expect(m.expandSkillHierarchy(['a'], 0)).toEqual([]);
    expect(m.expandSkillHierarchy(['nope', 'x'], 3)).toEqual([]);
    expect(m.expandSkillHierarchy(['d', 'd'], 1)).toHaveLength(2);
  });

  it('takes the shortest of two routes (a diamond)', () => {
    const m = new ReadModel(
      ['t', 'm1', 'm2', 'n'],
      [
        { narrowerUri: 'm1', broaderUri: 't' },
        { narrowerUri: 'm2', broaderUri: 'm1' },
        { narrowerUri: 'n', broaderUri: 'm2' },
        { narrowerUri: 'n', broaderUri: 't' },
      ],
      [],
    );
    expect(m.expandSkillHierarchy(['n'], 5).find((r) => r.relatedUri === 't')).toEqual({
      skillUri: 'n',
      relatedUri: 't',
      kind: 'BROADER',
      distance: 1,
    });
  });
});

describe('learner evidence', () => {
  it('keeps holdings valid at the date: issued on or before, expiring strictly after', () => {
    const m = model();
    const ids = (asOf: string) =>
      m
        .learnerEvidence('l1', asOf)
        .credentials.map((c) => c.id)
        .sort();
    expect(ids('2023-12-31')).toEqual(['c2']);
    expect(ids('2024-01-01')).toEqual(['c1', 'c2']);
    expect(ids('2024-12-31')).toEqual(['c1', 'c2']);
    expect(ids('2025-01-01')).toEqual(['c2']);
  });

  it('answers the taught skills, verification and declared skills, and found=false for unknown learners', () => {
    const m = model();
    expect(m.learnerEvidence('l1', '2024-06-01')).toEqual({
      found: true,
      credentials: [
        { id: 'c1', skillUris: ['d', 'x'], verificationStatus: 'VERIFIED' },
        { id: 'c2', skillUris: ['b'], verificationStatus: null },
      ],
      declaredSkillUris: ['e'],
    });
    expect(m.learnerEvidence('zz', '2024-06-01').found).toBe(false);
  });

  it('never counts a holding whose date is not a string (the query compares it as null)', () => {
    const m = model();
    m.putLearner({
      id: 'l3',
      matchingConsent: true,
      holdings: [{ credentialId: 'c2', issuedOn: { year: 2020 }, expiresOn: null, verificationStatus: null }],
      declaredSkillUris: [],
    });
    expect(m.learnerEvidence('l3', '2024-06-01').credentials).toEqual([]);
  });

  it('drops the holdings of a removed credential, and a removed learner', () => {
    const m = model();
    m.removeCredential('c1');
    expect(m.learnerEvidence('l1', '2024-06-01').credentials.map((c) => c.id)).toEqual(['c2']);
    expect(m.counts().holdings).toBe(1);
    m.removeLearner('l1');
    expect(m.learnerEvidence('l1', '2024-06-01').found).toBe(false);
    expect(m.counts()).toMatchObject({ learners: 1, holdings: 0, credentials: 1 });
  });
});

describe('candidates, occupations and courses', () => {
  it('finds consenting learners by taught and declared skills only', () => {
    const m = model();
    // c1 (verified, kind 0) teaches d; l1 declares e (kind 3).
    expect(evidenceLines(m.candidateEvidence(['d', 'e'], '2024-06-01'))).toEqual(['l1 d 0', 'l1 e 3']);
    expect(evidenceLines(m.candidateEvidence(['d'], '2026-01-01'))).toEqual([]);
    m.putLearner({ id: 'l1', matchingConsent: false, holdings: [], declaredSkillUris: ['e'] });
    expect(evidenceLines(m.candidateEvidence(['d', 'e'], '2024-06-01'))).toEqual([]);
  });

  it('gives every consenting learner the entries of its own evidence, after any puts and removals', () => {
    // The ranking reads holdings grouped by credential, the learner's own evidence reads its
    // record: after any writes, both must tell the same holdings valid at the same day.
    const ids = (prefix: string, n: number) => fc.constantFrom(...Array.from({ length: n }, (_, i) => `${prefix}${i}`));
    const date = fc.oneof(
      fc.constant(null),
      fc.constant({ year: 2020 }),
      fc.constantFrom('2023-01-01', '2024-01-01', '2024-06-01', '2025-01-01'),
    );
    const write = fc.oneof(
      fc.record({
        put: fc.constant('credential' as const),
        id: ids('c', 4),
        taught: fc.array(fc.constantFrom(...SKILLS), { maxLength: 3 }),
      }),
      fc.record({ remove: fc.constant('credential' as const), id: ids('c', 4) }),
      fc.record({
        put: fc.constant('learner' as const),
        id: ids('l', 5),
        consent: fc.boolean(),
        holdings: fc.array(
          fc.record({
            credentialId: ids('c', 4),
            issuedOn: date,
            expiresOn: date,
            verificationStatus: fc.constantFrom(null, 'VERIFIED' as const, 'INVALID' as const, 'UNSIGNED' as const),
          }),
          { maxLength: 4 },
        ),
        declared: fc.uniqueArray(fc.constantFrom(...SKILLS), { maxLength: 2 }),
      }),
      fc.record({ remove: fc.constant('learner' as const), id: ids('l', 5) }),
    );
    const kindOf = (status: string | null) => (status === 'VERIFIED' ? 0 : status === 'INVALID' ? 2 : 1);
    fc.assert(
      fc.property(
        fc.array(write, { maxLength: 25 }),
        fc.uniqueArray(fc.constantFrom(...SKILLS), { minLength: 1 }),
        fc.constantFrom('2023-06-01', '2024-01-01', '2024-12-31', '2025-06-01'),
        (writes, skills, asOf) => {
          const m = new ReadModel(SKILLS, BROADER, OCCUPATIONS);
          const consenting = new Map<string, boolean>();
          for (const w of writes) {
            if ('put' in w && w.put === 'credential') m.putCredential(course(w.id, w.taught));
            else if ('put' in w) {
              m.putLearner({
                id: w.id,
                matchingConsent: w.consent,
                holdings: w.holdings,
                declaredSkillUris: w.declared,
              });
              consenting.set(w.id, w.consent);
            } else if (w.remove === 'credential') m.removeCredential(w.id);
            else {
              m.removeLearner(w.id);
              consenting.delete(w.id);
            }
          }
          const wanted = new Set(skills);
          const expected: string[] = [];
          for (const [learner, consent] of consenting) {
            if (!consent) continue;
            const own = m.learnerEvidence(learner, asOf);
            for (const credential of own.credentials)
              for (const skill of credential.skillUris)
                if (wanted.has(skill)) expected.push(`${learner} ${skill} ${kindOf(credential.verificationStatus)}`);
            for (const skill of own.declaredSkillUris) if (wanted.has(skill)) expected.push(`${learner} ${skill} 3`);
          }
          expect(evidenceLines(m.candidateEvidence(skills, asOf))).toEqual(expected.sort());
        },
      ),
      { numRuns: 400 },
    );
  });

  it('names consenting candidates only, and forgets the name when consent is withdrawn', () => {
    const m = model();
    m.putLearner({ id: 'n1', matchingConsent: true, holdings: [], declaredSkillUris: [], displayName: 'Ann' });
    m.putLearner({ id: 'n2', matchingConsent: false, holdings: [], declaredSkillUris: [], displayName: 'Bob' });
    expect([...m.candidateNames(['n1', 'n2', 'missing'])]).toEqual([['n1', 'Ann']]);
    m.putLearner({ id: 'n1', matchingConsent: false, holdings: [], declaredSkillUris: [], displayName: 'Ann' });
    expect(m.candidateNames(['n1']).size).toBe(0);
  });

  it('finds occupations requiring skills, with stored counts (0 when missing) and the ISCO prefix, packed', () => {
    const m = model();
    const rows = (skills: string[], prefix: string | null) =>
      unpackOccupationRows(m.occupationsRequiring(skills, prefix), skills);
    const found = rows(['c', 'x'], null);
    expect(sortRows(found)).toEqual(
      sortRows([
        {
          uri: 'o1',
          essentialCount: 2,
          optionalCount: 1,
          matched: [
            { skillUri: 'c', relation: 'ESSENTIAL' },
            { skillUri: 'x', relation: 'OPTIONAL' },
          ],
        },
        { uri: 'o2', essentialCount: 0, optionalCount: 0, matched: [{ skillUri: 'c', relation: 'OPTIONAL' }] },
      ]),
    );
    // Each row's requirements in the order of the skills asked for, as the ranking sums them.
    expect(
      rows(['x', 'c'], null)
        .find((o) => o.uri === 'o1')
        ?.matched.map((r) => r.skillUri),
    ).toEqual(['x', 'c']);
    expect(rows(['c'], '25').map((o) => o.uri)).toEqual(['o1']);
    expect(rows(['c'], '3')).toEqual([]);
    expect(rows(['unknown'], null)).toEqual([]);
  });

  it('lists each course teaching a skill once, without the excluded ones; follows replacements', () => {
    const m = model();
    expect(m.coursesTeaching(['d', 'x', 'b'], []).map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(m.coursesTeaching(['d', 'x', 'b'], ['c1']).map((c) => c.id)).toEqual(['c2']);
    m.putCredential(course('c1', ['a']));
    expect(m.coursesTeaching(['d'], [])).toEqual([]);
    expect(m.coursesTeaching(['a'], []).map((c) => c.id)).toEqual(['c1']);
  });

  it('knows which skills exist and the requirements of targets', () => {
    const m = model();
    m.putPosting({ id: 'p1', portalId: 'portal', requirements: [{ skillUri: 'a', relation: 'ESSENTIAL' }] });
    expect([...m.existingSkills(['a', 'nope'])]).toEqual(['a']);
    expect(m.jobPostingRequirements('p1')).toEqual({
      found: true,
      requirements: [{ skillUri: 'a', relation: 'ESSENTIAL' }],
      portalId: 'portal',
    });
    m.removePosting('p1');
    expect(m.jobPostingRequirements('p1').found).toBe(false);
    expect(m.occupationRequirements('o2').requirements).toEqual([{ skillUri: 'c', relation: 'OPTIONAL' }]);
    expect([...m.requirementsOfOccupations(['o1', 'zz']).keys()]).toEqual(['o1']);
  });

  it('hands every request the same read-only rows, each with its own list, and new rows for a changed posting', () => {
    const m = model();
    m.putPosting({ id: 'p1', portalId: 'portal', requirements: [{ skillUri: 'c', relation: 'OPTIONAL' }] });
    const first = m.jobPostingRequirements('p1').requirements;
    const again = m.jobPostingRequirements('p1').requirements;
    expect(again).not.toBe(first);
    expect(again[0]).toBe(first[0]);
    // Occupation o2 requires c as OPTIONAL too: the same row.
    expect(m.occupationRequirements('o2').requirements[0]).toBe(first[0]);
    m.putPosting({ id: 'p1', portalId: 'portal', requirements: [{ skillUri: 'c', relation: 'ESSENTIAL' }] });
    expect(m.jobPostingRequirements('p1').requirements).toEqual([{ skillUri: 'c', relation: 'ESSENTIAL' }]);
    expect(first).toEqual([{ skillUri: 'c', relation: 'OPTIONAL' }]);
  });
});

describe('changeScopeOf', () => {
  it('names the entities of known writes and ignores locks', () => {
    expect(
      changeScopeOf([
        { name: 'locks/lock-learner', params: { learnerId: 'l1' } },
        { name: 'learners/merge-holding', params: { learnerId: 'l1', credentialId: 'c1' } },
        { name: 'catalog/merge-credential', params: { credential: { id: 'c9' } } },
        { name: 'postings/delete-job-posting', params: { postingId: 'p1' } },
        { name: 'catalog/merge-provider', params: { provider: { id: 'pr1', name: 'Renamed' } } },
      ]),
    ).toEqual({ full: false, learnerIds: ['l1'], credentialIds: ['c9'], postingIds: ['p1'], providerIds: ['pr1'] });
    expect(changeScopeOf([{ name: 'locks/lock-learner', params: { learnerId: 'l1' } }])).toBeNull();
  });

  it('asks for a full reload for unknown writes, generated data and the end of an ESCO import', () => {
    expect(changeScopeOf([{ name: 'somewhere/new-write', params: {} }])?.full).toBe(true);
    expect(changeScopeOf([{ name: 'generate/create-learners', params: {} }])?.full).toBe(true);
    expect(changeScopeOf([{ name: 'esco-import/merge-skills', params: {} }])).toBeNull();
    expect(changeScopeOf([{ name: 'esco-import/merge-graph-meta', params: {} }])?.full).toBe(true);
    expect(changeScopeOf([{ name: 'learners/merge-holding', params: { learnerId: 7 } }])?.full).toBe(true);
  });
});

describe('odd stored data', () => {
  it('keeps a requirement relation it does not know, as the query would return it', () => {
    const m = new ReadModel(
      ['a'],
      [],
      [
        {
          uri: 'o',
          iscoGroupCode: '1',
          essentialCount: 0,
          optionalCount: 0,
          requirements: [{ skillUri: 'a', relation: null as unknown as 'ESSENTIAL' }],
        },
      ],
    );
    expect(m.occupationRequirements('o').requirements).toEqual([{ skillUri: 'a', relation: null }]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLabelVocabulary } from '../../../src/domain/skill-mapping/label-vocabulary';
import { minimalSpan, rankCandidates } from '../../../src/domain/skill-mapping/score-candidates';
import type { SkillCandidate } from '../../../src/domain/skill-mapping/skill-candidate';

function candidate(uri: string, preferredLabel: string, more: Partial<SkillCandidate> = {}): SkillCandidate {
  return {
    uri,
    preferredLabel,
    altLabels: [],
    hiddenLabels: [],
    description: null,
    reuseLevel: null,
    skillType: null,
    hits: [],
    ...more,
  };
}

const SKILLS: SkillCandidate[] = [
  candidate('u:js', 'JavaScript'),
  candidate('u:java', 'Java (computer programming)', { altLabels: ['Java'] }),
  candidate('u:sql', 'SQL'),
  candidate('u:dbms', 'database management systems', { altLabels: ['SQL', 'DBMS'] }),
  candidate('u:teams', 'work in teams', { altLabels: ['team-working'], hiddenLabels: ['team spirit'] }),
  candidate('u:team-lead', 'lead a team'),
  candidate('u:search', 'search engines', { altLabels: ['Google'] }),
  candidate('u:cloud', 'cloud technologies', { altLabels: ['cloud computing'] }),
  candidate('u:debug', 'debug software'),
  candidate('u:dev-software', 'develop software prototype'),
  candidate('u:ms', 'mass spectrometry'),
  candidate('u:manage', 'manage staff'),
];
const vocabulary = buildLabelVocabulary([
  ...SKILLS,
  // Filler skills so common words are common, as in ESCO.
  ...[
    'manage budgets',
    'manage projects',
    'manage a team',
    'develop software',
    'develop games',
    'work safely',
    'work in shifts',
    'software testing',
  ].map((label) => candidate(`u:${label}`, label)),
]);

const rank = (text: string, candidates: SkillCandidate[] = SKILLS) => rankCandidates(text, candidates, vocabulary);

describe('rankCandidates', () => {
  it('scores an exact preferred label 1, ahead of the same label used as an alternative', () => {
    const [first, second] = rank('SQL');
    expect(first).toMatchObject({ uri: 'u:sql', score: 1, matchedLabel: 'SQL', method: 'exact', labelScore: 1 });
    expect(second?.uri).toBe('u:dbms');
    expect(second?.method).toBe('exact');
    expect(second!.score).toBeLessThan(1);
  });

  it('finds labels inside a sentence as phrases, via alternative labels and inflections', () => {
    const ranked = rank('We want someone debugging software written in Java');
    expect(ranked.slice(0, 2).map((r) => r.uri)).toEqual(['u:debug', 'u:java']);
    expect(ranked.find((r) => r.uri === 'u:java')).toMatchObject({ matchedLabel: 'Java', method: 'phrase' });
    expect(ranked.find((r) => r.uri === 'u:debug')?.method).toBe('phrase');
  });

  it('prefers a label whose words all occur, close together, to one sharing a single word', () => {
    const ranked = rank('Experience with mass spectrometry and managing laboratory staff');
    expect(ranked[0]?.uri).toBe('u:ms');
    const partial = rank('software prototype');
    expect(partial[0]?.uri).toBe('u:dev-software');
    expect(partial[0]?.method).toBe('partial');
  });

  it('requires a short text to be explained by the label: a tag is not mapped on one of its words', () => {
    const ranked = rank('Google Cloud Platform');
    const search = ranked.find((r) => r.uri === 'u:search')!;
    const alone = rank('Google').find((r) => r.uri === 'u:search')!;
    expect(alone.score).toBeGreaterThan(0.9);
    expect(search.score).toBeLessThan(0.6);
  });

  it('falls back to the description index for candidates no label explains', () => {
    const described = candidate('u:described', 'reinforce positive behaviour', { hits: [{ query: -1, score: 3 }] });
    const [only] = rank('celebrate and reward', [described]);
    expect(only).toMatchObject({ uri: 'u:described', matchedLabel: null, method: 'description' });
    expect(only!.score).toBeGreaterThan(0);
  });

  it('always returns scores in [0, 1], best first, ties by URI', () => {
    const words = [
      'java',
      'team',
      'software',
      'cloud',
      'sql',
      'manage',
      'the',
      'of',
      'debugging',
      'spectrometry',
      'google',
      'x',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), (picked) => {
        const text = picked.join(' ');
        if (!/[a-z]{2}/.test(picked.filter((w) => !['the', 'of'].includes(w)).join(''))) return;
        const ranked = rank(text);
        expect(ranked).toHaveLength(SKILLS.length);
        for (let i = 0; i < ranked.length; i += 1) {
          expect(ranked[i]!.score).toBeGreaterThanOrEqual(0);
          expect(ranked[i]!.score).toBeLessThanOrEqual(1);
          if (i > 0) {
            const [a, b] = [ranked[i - 1]!, ranked[i]!];
            expect(a.score > b.score || (a.score === b.score && a.uri < b.uri)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('minimalSpan', () => {
  it('finds the shortest window holding every stem', () => {
    expect(
      minimalSpan(
        ['a', 'b'],
        new Map([
          ['a', [0, 5]],
          ['b', [4]],
        ]),
      ),
    ).toEqual([4, 5]);
    expect(minimalSpan(['a'], new Map([['a', [3, 7]]]))).toEqual([3, 3]);
    expect(
      minimalSpan(
        ['a', 'b', 'c'],
        new Map([
          ['a', [0, 9]],
          ['b', [1, 8]],
          ['c', [5]],
        ]),
      ),
    ).toEqual([5, 9]);
  });
});

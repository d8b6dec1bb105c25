import { describe, expect, it } from 'vitest';
import { SkillIndex, type IndexedSkillRow } from '../../../src/domain/skill-mapping/skill-index';
import { rerankFeatures, RERANK_FEATURES } from '../../../src/domain/skill-mapping/rerank-features';
import { rankCandidates } from '../../../src/domain/skill-mapping/score-candidates';

function skill(uri: string, preferredLabel: string, extra: Partial<IndexedSkillRow> = {}): IndexedSkillRow {
  return {
    uri,
    preferredLabel,
    altLabels: [],
    hiddenLabels: [],
    description: null,
    reuseLevel: null,
    skillType: null,
    occupations: [],
    neighbours: [],
    ...extra,
  };
}

const ROWS: IndexedSkillRow[] = [
  skill('u:java', 'Java (computer programming)', {
    altLabels: ['Java'],
    occupations: ['o1', 'o2', 'o3', 'o4'],
    neighbours: ['u:prog'],
  }),
  skill('u:sql', 'SQL', { altLabels: ['structured query language'], occupations: ['o1', 'o2'] }),
  skill('u:island', 'tourism in Java', { occupations: ['o9'] }),
  skill('u:prog', 'computer programming', {
    description: 'Techniques of software development: analysis, algorithms, coding, testing and compiling.',
    occupations: ['o1', 'o2', 'o3'],
  }),
  skill('u:budget', 'manage budgets', { description: 'Plan, monitor and report on the budget.' }),
];

describe('SkillIndex', () => {
  const index = SkillIndex.build(ROWS);

  it('finds skills by any label word, in any inflection, and by their description', () => {
    const uris = (text: string) => index.findCandidates(text).map((c) => c.uri);
    expect(uris('experience with structured queries')).toContain('u:sql');
    expect(uris('budgeting and monitoring')).toContain('u:budget');
    // "compiling" names no label; the description says it.
    const byDescription = index.findCandidates('compiling and testing code').find((c) => c.uri === 'u:prog');
    expect(byDescription?.hits[0]?.score).toBeGreaterThan(0);
    expect(uris('gardening')).toEqual([]);
  });

  it('keeps only the best candidates of each look-up', () => {
    expect(index.findCandidates('Java', { labelCandidates: 1, descriptionCandidates: 0 }).map((c) => c.uri)).toEqual([
      'u:java',
    ]);
  });

  it('measures co-occurrence as the cosine of the sets of requiring occupations', () => {
    // java {o1..o4}, sql {o1, o2}: 2 shared / sqrt(4 * 2).
    expect(index.cooccurrence('u:java', 'u:sql')).toBeCloseTo(2 / Math.sqrt(8), 12);
    expect(index.cooccurrence('u:sql', 'u:java')).toBeCloseTo(2 / Math.sqrt(8), 12);
    expect(index.cooccurrence('u:java', 'u:island')).toBe(0);
    expect(index.cooccurrence('u:java', 'u:budget')).toBe(0);
    expect(index.cooccurrence('u:java', 'u:unknown')).toBe(0);
    expect(index.occupationCount('u:java')).toBe(4);
  });

  it('knows broader, narrower and related skills in both directions', () => {
    expect(index.linked('u:java', 'u:prog')).toBe(true);
    expect(index.linked('u:prog', 'u:java')).toBe(true);
    expect(index.linked('u:java', 'u:sql')).toBe(false);
  });
});

describe('rerankFeatures', () => {
  const index = SkillIndex.build(ROWS);

  it('gives a candidate the co-occurrence and link support of the well-matched skills around it', () => {
    const text = 'Java and SQL developer';
    const featured = rerankFeatures(rankCandidates(text, index.findCandidates(text), index.vocabulary), index);
    const byUri = new Map(featured.map((f) => [f.lexical.uri, f]));
    const feature = (uri: string, name: (typeof RERANK_FEATURES)[number]) =>
      byUri.get(uri)!.features[RERANK_FEATURES.indexOf(name)]!;
    expect([...byUri.keys()].sort()).toEqual(['u:island', 'u:java', 'u:prog', 'u:sql']);
    const score = (uri: string) => byUri.get(uri)!.lexical.score;
    // Java's support: the best of SQL's score times cos(java, sql) = 2/sqrt(8) and programming's
    // score times cos(java, prog) = 3/sqrt(12).
    expect(feature('u:java', 'occupationCooccurrence')).toBeCloseTo(
      Math.max(score('u:sql') * (2 / Math.sqrt(8)), score('u:prog') * (3 / Math.sqrt(12))),
      12,
    );
    // The island shares no occupation with software skills.
    expect(feature('u:island', 'occupationCooccurrence')).toBe(0);
    expect(feature('u:java', 'occupationCount')).toBeCloseTo(Math.log(5), 12);
    // Programming is linked to Java (its narrower skill here), so it gets Java's score as support.
    expect(feature('u:prog', 'linkedSkillSupport')).toBe(score('u:java'));
    expect(feature('u:sql', 'linkedSkillSupport')).toBe(0);
    expect(featured.every((f) => f.features.length === RERANK_FEATURES.length)).toBe(true);
  });
});

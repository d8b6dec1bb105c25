import { describe, expect, it } from 'vitest';
import {
  LabelSearchIndex,
  MAX_PREFIX_WORDS,
  type SearchableConcept,
} from '../../../src/domain/search/label-search-index';
import { withTitles } from '../../../src/domain/search/occupation-titles';
import { expandAbbreviation } from '../../../src/domain/search/abbreviations';
import { scoreTitles, titleFolds, meanAndSpread } from '../../../src/domain/search/job-title-evaluation';

const concept = (uri: string, preferredLabel: string, extra: Partial<SearchableConcept> = {}): SearchableConcept => ({
  uri,
  preferredLabel,
  altLabels: [],
  hiddenLabels: [],
  ...extra,
});

const SKILLS = [
  concept('s:python', 'Python (computer programming)', { altLabels: ['Python'] }),
  concept('s:pythagoras', 'apply Pythagorean theorem'),
  concept('s:analyse-data', 'analyse data'),
  concept('s:analytics', 'perform data analytics'),
  concept('s:catalog', 'manage product catalogue'),
];

const OCCUPATIONS = [
  concept('o:software-developer', 'software developer', {
    altLabels: ['programmer', 'software engineer'],
    groupLabel: 'Software developers',
  }),
  concept('o:chimney-sweep', 'chimney sweep', { altLabels: ['chimney sweeper', 'stack cleaner'] }),
  concept('o:web-developer', 'web developer', { groupLabel: 'Web and multimedia developers' }),
  concept('o:marketing-manager', 'marketing manager', { altLabels: ['head of marketing'] }),
  concept('o:marketing-assistant', 'marketing assistant', { altLabels: ['marketing coordinator'] }),
  concept('o:data-analyst', 'data analyst', { altLabels: ['data analytics specialist'] }),
  concept('o:financial-analyst', 'financial analyst'),
  concept('o:data-scientist', 'data scientist'),
];

const uris = (hits: { uri: string }[]) => hits.map((hit) => hit.uri);

describe('LabelSearchIndex', () => {
  const skills = LabelSearchIndex.build(SKILLS);
  const occupations = LabelSearchIndex.build(OCCUPATIONS);

  it('completes the last word as a prefix while it is typed ("pyth" finds Python, "analy" analysts)', () => {
    expect(uris(skills.search('pyth', 5))).toContain('s:python');
    expect(uris(skills.search('pyth', 5))).toContain('s:pythagoras');
    expect(uris(occupations.search('analy', 10))).toEqual(
      expect.arrayContaining(['o:data-analyst', 'o:financial-analyst']),
    );
  });

  it('reads full-width letters and ligatures as the plain word (NFKC)', () => {
    expect(skills.search('Ｐｙｔｈｏｎ', 2)[0]).toMatchObject({ uri: 's:python', matchedLabel: 'Python' });
    expect(uris(occupations.search('ｄａｔａ ａｎａｌｙｓｔ', 1))).toEqual(['o:data-analyst']);
    expect(uris(occupations.search('ﬁnancial analyst', 1))).toEqual(['o:financial-analyst']);
  });

  it('does not complete a word followed by a space or punctuation, nor the earlier words', () => {
    expect(skills.search('pyth ', 5)).toEqual([]);
    expect(skills.search('pyth data', 5).map((h) => h.uri)).not.toContain('s:python');
    expect(skills.search('pyth', 5, { completeLastWord: false })).toEqual([]);
  });

  it('ranks an exact label first, then full-word matches above completions', () => {
    expect(skills.search('Python', 2)[0]).toMatchObject({ uri: 's:python', matchedLabel: 'Python' });
    // "data analyst" is a label: first; "data" is a full word of the other data occupations, "analy…" only a completion.
    const ranked = uris(occupations.search('data analyst', 4));
    expect(ranked[0]).toBe('o:data-analyst');
    expect(ranked.indexOf('o:financial-analyst')).toBeGreaterThan(0);
    const typed = uris(occupations.search('data anal', 3));
    expect(typed[0]).toBe('o:data-analyst');
  });

  it('expands job-ad abbreviations ("full stack dev" is a developer, not a chimney sweep)', () => {
    const ranked = uris(occupations.search('full stack dev', 3));
    expect(ranked.slice(0, 2).sort()).toEqual(['o:software-developer', 'o:web-developer']);
    expect(ranked).not.toContain('o:chimney-sweep');
    expect(uris(occupations.search('mktg mgr', 1))).toEqual(['o:marketing-manager']);
  });

  it('lets words no label uses (places) weigh nothing', () => {
    expect(uris(occupations.search('MARKETING MANAGER IN PENANG', 1))).toEqual(['o:marketing-manager']);
    expect(occupations.search('Penang', 5)).toEqual([]);
  });

  it('finds an occupation by a learned job title, and several agreeing titles outvote one', () => {
    const learned = LabelSearchIndex.build(
      withTitles(OCCUPATIONS, [
        { title: 'Full Stack Developer', occupationUri: 'o:software-developer' },
        { title: 'Senior Full Stack Developer (Solar)', occupationUri: 'o:software-developer' },
        { title: 'Full stack developer - AWS', occupationUri: 'o:software-developer' },
        { title: 'Full stack web developer', occupationUri: 'o:web-developer' },
      ]),
    );
    expect(uris(learned.search('full stack dev', 1))).toEqual(['o:software-developer']);
  });

  it('is deterministic: equal scores are ordered by URI', () => {
    const twins = LabelSearchIndex.build([concept('b', 'welder'), concept('a', 'welder')]);
    expect(uris(twins.search('welder', 2))).toEqual(['a', 'b']);
  });

  it('caps the completions of a prefix', () => {
    const many = LabelSearchIndex.build(
      Array.from({ length: MAX_PREFIX_WORDS + 20 }, (_, i) => concept(`c${i}`, `zz${String(i).padStart(3, '0')}x`)),
    );
    expect(many.search('zz', 1000)).toHaveLength(MAX_PREFIX_WORDS);
  });
});

describe('abbreviations', () => {
  it('expands known short forms only', () => {
    expect(expandAbbreviation('mgr')).toEqual(['manager']);
    expect(expandAbbreviation('dev')).toContain('developer');
    expect(expandAbbreviation('constructor')).toEqual([]);
  });
});

describe('job-title evaluation', () => {
  it('computes accuracy@1 and MRR@10', () => {
    expect(scoreTitles([['a', 'b'], ['x', 'a'], ['x']], ['a', 'a', 'a'])).toEqual({
      titles: 3,
      accuracyAt1: 1 / 3,
      mrrAt10: (1 + 0.5 + 0) / 3,
    });
    const deep = Array.from({ length: 11 }, (_, i) => `x${i}`).concat('a');
    expect(scoreTitles([deep], ['a']).mrrAt10).toBe(0);
  });

  it('puts the same title written differently in one fold', () => {
    const folds = titleFolds(['Accountant', ' ACCOUNTANT', 'accountant  ', 'Driver', 'Cook'], 3);
    expect(new Set(folds.slice(0, 3)).size).toBe(1);
    expect(folds.every((f) => f >= 0 && f < 3)).toBe(true);
  });

  it('gives mean and sample standard deviation', () => {
    expect(meanAndSpread([1, 3])).toEqual({ mean: 2, sd: Math.SQRT2 });
  });
});

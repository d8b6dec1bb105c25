import { describe, expect, it } from 'vitest';
import { planCandidateQueries } from '../../../src/domain/skill-mapping/candidate-queries';
import { buildLabelVocabulary } from '../../../src/domain/skill-mapping/label-vocabulary';

const vocabulary = buildLabelVocabulary([
  { preferredLabel: 'web programming', altLabels: ['web development', 'develop websites'], hiddenLabels: [] },
  { preferredLabel: 'manage budgets', altLabels: ['budget management'], hiddenLabels: [] },
]);

describe('planCandidateQueries', () => {
  it('asks each window of one to three content words over the labels, naming the label forms of each word', () => {
    const plan = planCandidateQueries('Web development of budgets', vocabulary);
    expect(plan.labelQueries.map((q) => q.query)).toEqual([
      'web',
      '(development OR develop)',
      '(budgets OR budget)',
      '+web +(development OR develop)',
      '+(development OR develop) +(budgets OR budget)',
      '+web +(development OR develop) +(budgets OR budget)',
      // The whole text over labels.
      'web OR (development OR develop) OR (budgets OR budget)',
    ]);
    // Descriptions use words no label does: stems are also asked as prefixes.
    expect(plan.textQuery).toBe('web OR (development OR develop*) OR (budgets OR budget*)');
  });

  it('escapes Lucene syntax so user text cannot change the query', () => {
    const queries = planCandidateQueries('C++ AND (hacking) "quoted" title:x -minus', vocabulary).labelQueries.map((q) => q.query);
    expect(queries).toContain('c\\+\\+');
    for (const query of queries) {
      expect(query.replace(/\\./g, '')).not.toMatch(/[:"\-]|\bAND\b/);
    }
  });

  it('refuses a text without content words', () => {
    expect(() => planCandidateQueries('the and of ((', vocabulary)).toThrow(/at least one word/);
  });

  it('bounds the work for long texts', () => {
    const long = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const plan = planCandidateQueries(long, vocabulary);
    expect(plan.labelQueries.length).toBeLessThanOrEqual(251);
  });
});

describe('planCandidateQueries on long texts', () => {
  it('keeps whole-text queries under Lucene\'s 1024-clause limit, asking the rarest words', () => {
    const words = Array.from({ length: 300 }, (_, i) => `developing${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const plan = planCandidateQueries(`${words.join(' ')} budgets`, vocabulary);
    // A prefix expands to up to 16 term clauses before Lucene switches to a filter.
    const leaves = (query: string) => {
      const parts = query.split(' OR ');
      const prefixes = parts.filter((p) => p.includes('*')).length;
      return parts.length - prefixes + 16 * prefixes;
    };
    expect(leaves(plan.textQuery)).toBeLessThanOrEqual(1024);
    expect(leaves(plan.labelQueries.at(-1)!.query)).toBeLessThanOrEqual(1024);
  });
});

import { describe, expect, it } from 'vitest';
import { contentTokens, stemOf, tokenize } from '../../../src/domain/skill-mapping/text-tokens';

describe('tokenize', () => {
  it('keeps technology names whole and lower-cases', () => {
    expect(tokenize('C# and C++ with Node.js or ASP.NET').map((t) => t.word)).toEqual([
      'c#',
      'and',
      'c++',
      'with',
      'node.js',
      'or',
      'asp.net',
    ]);
  });

  it('flags function words and job-ad filler, but not upper-case names in mixed-case text', () => {
    const tokens = tokenize('Strong knowledge of LESS and IT security');
    expect(tokens.filter((t) => !t.stop).map((t) => t.word)).toEqual(['less', 'it', 'security']);
    expect(tokenize('less experience').every((t) => t.stop)).toBe(true);
  });

  it('drops anonymisation placeholders', () => {
    expect(contentTokens('<ORGANIZATION> is hiring engineers').map((t) => t.word)).toEqual(['hiring', 'engineers']);
  });

  it('gives inflected and British/American forms one stem', () => {
    expect(new Set(['develop', 'developing', 'development', 'developer'].map(stemOf)).size).toBe(1);
    expect(stemOf('organisation')).toBe(stemOf('organization'));
    expect(stemOf('optimise')).toBe(stemOf('optimize'));
    expect(new Set(['analyse', 'analyze', 'analysis', 'analysing'].map(stemOf)).size).toBe(1);
  });
});

describe('tokenize on text that is not English', () => {
  it('ignores non-Latin scripts and over-long runs, which no English label can match', () => {
    expect(contentTokens('学习者需要选择一个实战商业机会 marketing')).toEqual([
      expect.objectContaining({ word: 'marketing' }),
    ]);
    expect(contentTokens(`${'x'.repeat(60)} SQL`).map((t) => t.word)).toEqual(['sql']);
    expect(contentTokens('Gestión de proyectos').map((t) => t.word)).toEqual(['gestión', 'de', 'proyectos']);
  });
});

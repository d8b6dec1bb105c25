import { describe, expect, it } from 'vitest';
import {
  rPrecisionAtK,
  reciprocalRank,
  scoreRanking,
  summariseScores,
} from '../../../src/domain/skill-mapping/ranking-metrics';
import { toEvaluationItems } from '../../../src/domain/skill-mapping/evaluation-set';

describe('ranking metrics', () => {
  it('R-Precision@K divides the hits in the first K by min(K, gold size)', () => {
    expect(rPrecisionAtK(['a', 'x', 'b'], new Set(['a', 'b']), 5)).toBe(1);
    expect(rPrecisionAtK(['x', 'a'], new Set(['a', 'b', 'c']), 1)).toBe(0);
    expect(rPrecisionAtK(['a', 'b', 'x', 'y', 'z', 'c'], new Set(['a', 'b', 'c', 'd', 'e', 'f']), 5)).toBe(2 / 5);
    expect(rPrecisionAtK(['a', 'a', 'a'], new Set(['a', 'b']), 5)).toBe(1 / 2);
    expect(() => rPrecisionAtK(['a'], new Set(), 5)).toThrow(RangeError);
  });

  it('reciprocal rank is 1/rank of the first hit, 0 without one', () => {
    expect(reciprocalRank(['x', 'y', 'a'], new Set(['a']))).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['x'], new Set(['a']))).toBe(0);
  });

  it('summarises means over items', () => {
    const scores = [scoreRanking(['a'], new Set(['a'])), scoreRanking(['x', 'b'], new Set(['b']))];
    expect(summariseScores(scores)).toEqual({ items: 2, rPrecisionAt5: 1, mrr: 0.75 });
    expect(summariseScores([])).toEqual({ items: 0, rPrecisionAt5: 0, mrr: 0 });
  });
});

describe('toEvaluationItems', () => {
  it('groups rows by sentence, keeps distinct real labels and skips sentences without any', () => {
    const set = toEvaluationItems(
      'tech',
      [
        { sentence: 's1', label: 'SQL' },
        { sentence: 's1', label: 'LABEL NOT PRESENT' },
        { sentence: 's1', label: 'SQL' },
        { sentence: 's1', label: 'Java (computer programming)' },
        { sentence: 's2', label: 'UNDERSPECIFIED' },
        { sentence: 's3', label: 'no such label' },
      ],
      new Map([
        ['SQL', 'u-sql'],
        ['Java (computer programming)', 'u-java'],
      ]),
    );
    expect(set.items).toEqual([
      {
        split: 'tech',
        sentence: 's1',
        goldLabels: ['SQL', 'Java (computer programming)'],
        goldUris: ['u-sql', 'u-java'],
      },
    ]);
    expect(set.sentencesWithoutSkills).toBe(2);
    expect(set.unknownLabels).toEqual(['no such label']);
  });
});

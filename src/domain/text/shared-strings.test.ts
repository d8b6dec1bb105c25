import { describe, expect, it } from 'vitest';
import { SharedStrings } from './shared-strings';

describe('SharedStrings', () => {
  // Which string object comes back cannot be observed from JavaScript (strings compare by
  // value); the heap it saves is measured with heap snapshots (docs/benchmarks.md). What can
  // fail here: a value changed on the way, or equal values pooled twice.
  it('gives back equal values and pools each distinct value once', () => {
    const pool = new SharedStrings();
    const first = ['data', 'analysis'].join(' ');
    expect(pool.share(first)).toBe('data analysis');
    expect(pool.share(['data', 'analysis'].join(' '))).toBe('data analysis');
    expect(pool.shareAll(['data analysis', 'statistics', 'Statistics'])).toEqual([
      'data analysis',
      'statistics',
      'Statistics',
    ]);
    expect(pool.size).toBe(3);
  });
});

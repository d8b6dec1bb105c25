import { describe, expect, it } from 'vitest';
import { labelKeysOf, labelsText, splitLabels, toLabelKey } from '../../../src/esco/import/label-keys';

describe('toLabelKey', () => {
  it('lower-cases, collapses whitespace and trims', () => {
    expect(toLabelKey('  Manage   Musical\tStaff \n')).toBe('manage musical staff');
  });

  it('normalizes to NFC so composed and decomposed accents match', () => {
    expect(toLabelKey('Cafe\u0301')).toBe(toLabelKey('Caf\u00e9'));
  });
});

describe('splitLabels', () => {
  it('splits newline cells, trims, drops blanks and repeats', () => {
    expect(splitLabels('a\n b \r\n\na\n')).toEqual(['a', 'b']);
  });

  it('splits collection cells on the pipe', () => {
    expect(splitLabels('take the initiative | give impetus', '|')).toEqual(['take the initiative', 'give impetus']);
  });

  it('gives no labels for empty or missing cells', () => {
    expect(splitLabels('')).toEqual([]);
    expect(splitLabels(undefined)).toEqual([]);
  });
});

describe('labelKeysOf', () => {
  it('keys the preferred label first and keeps each key once', () => {
    expect(labelKeysOf('Java', ['JAVA', 'java  programming'])).toEqual(['java', 'java programming']);
  });

  it('leaves out labels that are only whitespace', () => {
    expect(labelKeysOf('x', ['  '])).toEqual(['x']);
  });
});

describe('labelsText', () => {
  it('joins with newlines for the full-text indexes', () => {
    expect(labelsText(['a', 'b'])).toBe('a\nb');
    expect(labelsText([])).toBe('');
  });
});

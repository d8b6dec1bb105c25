/**
 * Bounds of the full-text query built from user text, and of cursors (issue #11 item 1, #18 item 16).
 */
import { describe, expect, it } from 'vitest';
import { MAX_FUZZY_TERMS, MAX_TERMS, searchTerms, toFullTextQuery } from '../../../src/domain/search/full-text-query';
import { decodeCursor, encodeCursor, MAX_CURSOR_OFFSET } from '../../../src/domain/pagination/cursor';
import { BadInputError } from '../../../src/domain/errors';

describe('full-text query bounds', () => {
  it('keeps the plain behaviour', () => {
    expect(toFullTextQuery('Software developer')).toBe(
      '"software developer"^4 OR (software AND developer)^2 OR software~1 OR developer~1',
    );
    expect(searchTerms('Node.js and C#')).toEqual(['node.js', 'c']);
  });

  it('drops overlong words, so no fuzzy automaton is built over a huge "word"', () => {
    expect(() => toFullTextQuery('x'.repeat(100_000))).toThrow(BadInputError);
    // Full-width letters fold to the word Lucene indexed.
    expect(searchTerms('ＳＱＬ ﬁnance')).toEqual(['sql', 'finance']);
    // A text of one overlong word is told why it has no word, not just that it has none.
    expect(() => toFullTextQuery('z'.repeat(41))).toThrow(/at most 40 characters/);
    expect(toFullTextQuery(`${'y'.repeat(41)} welding`)).toBe('welding^2 OR welding');
  });

  it('splits scripts written without spaces into one term per character, at most 32', () => {
    expect(searchTerms('软件开发')).toEqual(['软', '件', '开', '发']);
    expect(searchTerms('软'.repeat(1_000))).toHaveLength(MAX_TERMS);
  });

  it('splits at punctuation the analyser splits at', () => {
    expect(searchTerms('java,python;sql')).toEqual(['java', 'python', 'sql']);
  });

  it('makes at most 8 terms fuzzy', () => {
    const query = toFullTextQuery(
      Array.from({ length: 30 }, (_, i) => `programming${String.fromCharCode(97 + i)}`).join(' '),
    );
    expect(query.match(/~1/g)).toHaveLength(MAX_FUZZY_TERMS);
  });
});

describe('cursor bounds', () => {
  const raw = (text: string) => Buffer.from(text).toString('base64url');

  it('round-trips offsets up to the maximum', () => {
    expect(decodeCursor(encodeCursor(0))).toBe(0);
    expect(decodeCursor(encodeCursor(MAX_CURSOR_OFFSET))).toBe(MAX_CURSOR_OFFSET);
  });

  it.each(['o:2147483648', 'o:1000000001', 'o:1e3', 'o:-1', 'o:', 'o:12abc', 'x:1'])(
    'refuses %s with BAD_USER_INPUT',
    (text) => {
      expect(() => decodeCursor(raw(text))).toThrow(BadInputError);
    },
  );

  it('does not echo a huge cursor', () => {
    try {
      decodeCursor('a'.repeat(100_000));
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(200);
    }
  });
});

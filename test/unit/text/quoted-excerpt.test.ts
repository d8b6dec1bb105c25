import { describe, expect, it } from 'vitest';
import { QUOTED_EXCERPT_CHARS, quotedExcerpt } from '../../../src/domain/text/quoted-excerpt';

describe('quotedExcerpt', () => {
  it('quotes a short value whole', () => {
    expect(quotedExcerpt('12a')).toBe('"12a"');
    expect(quotedExcerpt('x'.repeat(QUOTED_EXCERPT_CHARS))).toBe(`"${'x'.repeat(QUOTED_EXCERPT_CHARS)}"`);
  });

  it('cuts a long value and names its length', () => {
    const text = quotedExcerpt('y'.repeat(900_000));
    expect(text).toBe(`"${'y'.repeat(QUOTED_EXCERPT_CHARS)}…" (900000 characters)`);
    expect(quotedExcerpt('abcdef', 3)).toBe('"abc…" (6 characters)');
  });
});

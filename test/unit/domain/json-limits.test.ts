import { describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/domain/errors';
import { checkJsonLimits, CREDENTIAL_JSON_LIMITS } from '../../../src/domain/json/json-limits';

const limits = { maxDepth: 4, maxValues: 20, maxKeys: 5, maxStringLength: 10 };
const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + '1' + ']'.repeat(depth));

describe('checkJsonLimits', () => {
  it('accepts values within every limit', () => {
    expect(() => checkJsonLimits({ a: [1, 2, { b: 'short' }], c: null }, limits, 'doc')).not.toThrow();
    expect(() => checkJsonLimits(nested(3), limits, 'doc')).not.toThrow();
  });

  it('names the depth limit and where it was exceeded', () => {
    expect(() => checkJsonLimits(nested(5), limits, 'doc')).toThrow(BadInputError);
    expect(() => checkJsonLimits(nested(5), limits, 'doc')).toThrow(
      'doc is nested deeper than 4 levels (at doc[0][0][0][0])',
    );
  });

  it('names the other limits', () => {
    expect(() => checkJsonLimits({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 }, limits, 'doc')).toThrow(
      /6 entries in one object, more than 5/,
    );
    expect(() => checkJsonLimits(['x'.repeat(11)], limits, 'doc')).toThrow(
      /string of 11 characters, more than 10 \(at doc\[0\]\)/,
    );
    expect(() => checkJsonLimits({ ['k'.repeat(11)]: 1 }, limits, 'doc')).toThrow(/key of 11 characters/);
    expect(() =>
      checkJsonLimits(
        [
          [1, 2, 3, 4],
          [1, 2, 3, 4],
          [1, 2, 3, 4],
          [1, 2, 3, 4],
          [1, 2, 3, 4],
        ],
        limits,
        'doc',
      ),
    ).toThrow(/more than 20 JSON values/);
  });

  it('checks 200,000 levels of nesting without overflowing the stack', () => {
    expect(() => checkJsonLimits(nested(200_000), CREDENTIAL_JSON_LIMITS, 'document')).toThrow(
      /nested deeper than 32 levels/,
    );
  });
});

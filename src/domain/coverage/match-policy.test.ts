import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors';
import { DEFAULT_MATCH_POLICY, resolveMatchPolicy } from './match-policy';

const NOW = new Date('2025-06-01T12:00:00Z');

function errorOf(run: () => unknown): BadInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return error as BadInputError;
  }
  throw new Error('expected a BadInputError, nothing was thrown');
}

describe('resolveMatchPolicy', () => {
  it('fills every default and uses now for asOf when nothing is given', () => {
    for (const input of [undefined, null, {}]) {
      expect(resolveMatchPolicy(input, NOW)).toEqual({
        exact: 1,
        narrower: 0.8,
        broader: 0.5,
        selfDeclared: 0.5,
        unverified: 1,
        maxHierarchyDepth: 2,
        coverThreshold: 0.8,
        optionalWeight: 0.25,
        asOf: NOW,
      });
    }
  });

  it('keeps given fields and defaults null ones', () => {
    const asOf = new Date('2020-01-01T00:00:00Z');
    const policy = resolveMatchPolicy({ narrower: 0.9, broader: null, maxHierarchyDepth: 0, asOf }, NOW);
    expect(policy.narrower).toBe(0.9);
    expect(policy.broader).toBe(0.5);
    expect(policy.maxHierarchyDepth).toBe(0);
    expect(policy.asOf.toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it('accepts the bounds of every range', () => {
    const low = resolveMatchPolicy(
      {
        exact: 0,
        narrower: 0,
        broader: 0,
        selfDeclared: 0,
        coverThreshold: Number.MIN_VALUE,
        optionalWeight: 0,
        maxHierarchyDepth: 0,
      },
      NOW,
    );
    expect(low).toMatchObject({
      exact: 0,
      selfDeclared: 0,
      optionalWeight: 0,
      maxHierarchyDepth: 0,
      coverThreshold: Number.MIN_VALUE,
    });
    const high = resolveMatchPolicy(
      {
        exact: 1,
        narrower: 1,
        broader: 1,
        selfDeclared: 1,
        coverThreshold: 1,
        optionalWeight: 1,
        maxHierarchyDepth: 5,
      },
      NOW,
    );
    expect(high).toMatchObject({ narrower: 1, coverThreshold: 1, maxHierarchyDepth: 5 });
  });

  it('names the field and value of an out-of-range weight', () => {
    const error = errorOf(() => resolveMatchPolicy({ narrower: 1.5 }, NOW));
    expect(error.message).toBe('policy.narrower must lie in [0, 1], got 1.5');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ field: 'policy.narrower', value: 1.5 });
  });

  it.each([
    ['exact', -0.1, 'policy.exact must lie in [0, 1], got -0.1'],
    ['broader', Number.NaN, 'policy.broader must lie in [0, 1], got NaN'],
    ['selfDeclared', Number.POSITIVE_INFINITY, 'policy.selfDeclared must lie in [0, 1], got Infinity'],
    ['coverThreshold', 2, 'policy.coverThreshold must lie in (0, 1], got 2'],
    // #18.6: 0 made coverage call every skill MISSING while planning saw no gap.
    [
      'coverThreshold',
      0,
      'policy.coverThreshold must lie in (0, 1] (0 would count a requirement without any evidence as met), got 0',
    ],
    ['coverThreshold', -0.5, 'policy.coverThreshold must lie in (0, 1], got -0.5'],
    ['optionalWeight', '0.5', 'policy.optionalWeight must lie in [0, 1], got "0.5"'],
    ['maxHierarchyDepth', -1, 'policy.maxHierarchyDepth must be an integer in [0, 5], got -1'],
    ['maxHierarchyDepth', 6, 'policy.maxHierarchyDepth must be an integer in [0, 5], got 6'],
    ['maxHierarchyDepth', 1.5, 'policy.maxHierarchyDepth must be an integer in [0, 5], got 1.5'],
    ['asOf', new Date(Number.NaN), 'policy.asOf must be a valid date, got Invalid Date'],
    ['asOf', '2025-01-01', 'policy.asOf must be a valid date, got "2025-01-01"'],
  ])('rejects %s = %s', (field, value, message) => {
    expect(() => resolveMatchPolicy({ [field]: value } as never, NOW)).toThrow(message);
  });

  it('rejects an invalid now when asOf is not given', () => {
    expect(() => resolveMatchPolicy({}, new Date('nope'))).toThrow('policy.asOf must be a valid date');
  });

  it('is isolated from later mutation of the caller date', () => {
    const asOf = new Date('2021-01-01T00:00:00Z');
    const policy = resolveMatchPolicy({ asOf }, NOW);
    asOf.setUTCFullYear(1999);
    expect(policy.asOf.getUTCFullYear()).toBe(2021);
  });

  it('exposes defaults that are frozen', () => {
    expect(Object.isFrozen(DEFAULT_MATCH_POLICY)).toBe(true);
    expect(DEFAULT_MATCH_POLICY.narrower).toBe(0.8);
  });
});

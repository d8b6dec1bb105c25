import { describe, expect, it } from 'vitest';
import { isoDurationToHours } from '../../../src/domain/credentials';

describe('isoDurationToHours', () => {
  it.each([
    ['PT60H', 60],
    ['PT2H', 2],
    ['PT1H30M', 1.5],
    ['PT90M', 1.5],
    ['pt2h', 2],
    ['PT7.5H', 7.5],
    ['P0DT3H', 3],
  ])('reads %s as %d hours', (duration, hours) => {
    expect(isoDurationToHours(duration)).toBe(hours);
  });

  it.each(['P2M', 'P60M', 'P1W', 'P1D', 'P', 'PT', 'PT0H', '60 hours', '', 42, undefined])(
    'refuses %j (date components are not a fixed number of learning hours)',
    (duration) => {
      expect(isoDurationToHours(duration)).toBeUndefined();
    },
  );
});

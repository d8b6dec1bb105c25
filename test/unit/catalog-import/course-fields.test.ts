import { describe, expect, it } from 'vitest';
import { languageCodes, parseHours, parsePrice, splitTags } from '../../../src/catalog-import/course-fields';

describe('splitTags', () => {
  it('reads {"a","b"} array cells and separated lists, trimmed and deduplicated', () => {
    expect(splitTags('{" Network Security"," Python Programming"," network security"}')).toEqual(['Network Security', 'Python Programming']);
    expect(splitTags('Decision Trees, Xgboost, ')).toEqual(['Decision Trees', 'Xgboost']);
    expect(splitTags('a; b', ';')).toEqual(['a', 'b']);
  });

  it('drops scrape artefacts and empty cells', () => {
    expect(splitTags('{"(461 reviews)"}')).toEqual([]);
    expect(splitTags('{}')).toEqual([]);
    expect(splitTags('123, ---, SQL')).toEqual(['SQL']);
    expect(splitTags(undefined)).toEqual([]);
  });
});

describe('parseHours', () => {
  it('reads hours as stated, ranges as their middle', () => {
    expect(parseHours('Approx. 13 hours to complete', null)).toBe(13);
    expect(parseHours(' Less Than 2 Hours', null)).toBe(2);
    expect(parseHours('90 minutes', null)).toBe(1.5);
    expect(parseHours('2-4 hours', null)).toBe(3);
  });

  it('converts weeks and months only with a stated weekly effort', () => {
    expect(parseHours('4 weeks', null)).toBeNull();
    expect(parseHours('4 weeks', 5)).toBe(20);
    expect(parseHours(' 1 - 3 Months', 10)).toBeCloseTo(86.7, 1);
    expect(parseHours('Estimated timeApprox. 2 Months', 4)).toBeCloseTo(34.7, 1);
    expect(parseHours(' 4 meses', 5)).toBeCloseTo(86.7, 1);
  });

  it('gives null for years and unreadable text', () => {
    expect(parseHours(' 1 - 4 Years', 10)).toBeNull();
    expect(parseHours('self-paced', 10)).toBeNull();
    expect(parseHours(undefined, 10)).toBeNull();
  });
});

describe('parsePrice', () => {
  it('reads amounts with symbols, codes and separators', () => {
    expect(parsePrice('Free')).toEqual({ amount: 0, currency: null });
    expect(parsePrice('$49.99')).toEqual({ amount: 49.99, currency: 'USD' });
    expect(parsePrice('1.200,50 EUR')).toEqual({ amount: 1200.5, currency: 'EUR' });
    expect(parsePrice('$2,000,000')).toEqual({ amount: 2_000_000, currency: 'USD' });
    expect(parsePrice('ask us')).toBeNull();
  });
});

describe('languageCodes', () => {
  it('maps names and codes to ISO 639-1, skipping unknown names', () => {
    expect(languageCodes('English, Portuguese (Brazilian)')).toEqual(['en', 'pt']);
    expect(languageCodes('EN-gb; fr')).toEqual(['en', 'fr']);
    expect(languageCodes('Klingon')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { languageCodes, parseHours, parsePrice, splitTags } from '../../../src/catalog-import/course-fields';

describe('splitTags', () => {
  it('reads {"a","b"} array cells and separated lists, trimmed and deduplicated', () => {
    expect(splitTags('{" Network Security"," Python Programming"," network security"}')).toEqual([
      'Network Security',
      'Python Programming',
    ]);
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

  // Issue #18.4: the amount pattern stopped after three digits.
  it('reads amounts of four digits and more whole (1200 EUR was stored as 120)', () => {
    expect(parsePrice('1200 EUR')).toEqual({ amount: 1200, currency: 'EUR' });
    expect(parsePrice('€1499')).toEqual({ amount: 1499, currency: 'EUR' });
    expect(parsePrice('2500.00 USD')).toEqual({ amount: 2500, currency: 'USD' });
    expect(parsePrice('¥5000')).toEqual({ amount: 5000, currency: 'JPY' });
    expect(parsePrice('123456')).toEqual({ amount: 123456, currency: null });
  });

  it.each([
    ['1,200.50', 1200.5, null],
    ['1.200,50', 1200.5, null],
    ['1 200', 1200, null],
    ['1\u00a0200,00 €', 1200, 'EUR'],
    ["CHF 1'200.00", 1200, 'CHF'],
    ['USD 1,299', 1299, 'USD'],
    ['1,299 USD', 1299, 'USD'],
    ['EUR 99', 99, 'EUR'],
    ['99 eur', 99, 'EUR'],
    ['99 euros', 99, 'EUR'],
    ['£12.5', 12.5, 'GBP'],
    ['12,5 €', 12.5, 'EUR'],
    ['₹ 4,999', 4999, 'INR'],
    ['US$ 10', 10, 'USD'],
    ['R$ 1.234,56', 1234.56, 'BRL'],
    ['1.234.567,89 €', 1234567.89, 'EUR'],
    ['1,234,567.89', 1234567.89, null],
    ['5.000 JPY', 5000, 'JPY'],
    ['0.99', 0.99, null],
  ])('reads %s as %s %s', (cell, amount, currency) => {
    expect(parsePrice(cell)).toEqual({ amount, currency });
  });

  it('keeps the sign and the exponent so that the caller can reject the value', () => {
    expect(parsePrice('-5')).toEqual({ amount: -5, currency: null });
    expect(parsePrice('-$5')).toEqual({ amount: -5, currency: 'USD' });
    expect(parsePrice('$-5')).toEqual({ amount: -5, currency: 'USD' });
    expect(parsePrice('− 20 EUR')).toEqual({ amount: -20, currency: 'EUR' });
    expect(parsePrice('1e308')).toEqual({ amount: 1e308, currency: null });
  });

  it('refuses inconsistent grouping rather than guessing', () => {
    expect(parsePrice('1,2,3')).toBeNull();
    expect(parsePrice('1.200.5')).toBeNull();
    expect(parsePrice('12,34.567,8')).toBeNull();
  });

  it('reads back any amount written in any common format (property)', () => {
    const formats: ((whole: string[], cents: string) => string)[] = [
      (w, c) => `${w.join(',')}.${c}`,
      (w, c) => `${w.join('.')},${c}`,
      (w, c) => `${w.join(' ')},${c}`,
      (w, c) => `${w.join('')}.${c}`,
      (w) => w.join(','),
      (w) => w.join(''),
    ];
    const placements: ((amount: string, currency: string) => string)[] = [
      (a, c) => `${a} ${c}`,
      (a, c) => `${c} ${a}`,
      (a, c) => `${c}${a}`,
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 0, max: formats.length - 1 }),
        fc.integer({ min: 0, max: placements.length - 1 }),
        fc.constantFrom('EUR', 'USD', 'JPY', 'GBP', 'INR'),
        (cents, format, placement, currency) => {
          const whole = Math.floor(cents / 100);
          const withCents = format < 4;
          const groups = whole
            .toString()
            .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
            .split(' ');
          const text = formats[format]!(groups, String(cents % 100).padStart(2, '0'));
          const cell = placements[placement]!(text, currency);
          expect(parsePrice(cell), cell).toEqual({ amount: withCents ? cents / 100 : whole, currency });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('languageCodes', () => {
  it('maps names and codes to ISO 639-1, skipping unknown names', () => {
    expect(languageCodes('English, Portuguese (Brazilian)')).toEqual(['en', 'pt']);
    expect(languageCodes('EN-gb; fr')).toEqual(['en', 'fr']);
    expect(languageCodes('Klingon')).toEqual([]);
  });

  it('knows every ISO 639-1 language by its English or native name, not only a hand-picked few', () => {
    expect(languageCodes('Icelandic / Íslenska; Swahili, Galician')).toEqual(['is', 'sw', 'gl']);
    expect(languageCodes('Deutsch, Español, Français')).toEqual(['de', 'es', 'fr']);
  });
});

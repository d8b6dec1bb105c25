import { describe, expect, it } from 'vitest';
import { parseCatalogMapping } from '../../../src/catalog-import/catalog-mapping';
import { readCourseRow, RowRejection } from '../../../src/catalog-import/course-row';

const mapping = parseCatalogMapping({ columns: { title: 'title', price: 'price' }, defaults: { currency: 'EUR' } });
const columns = { title: 'title', price: 'price' } as const;
const read = (price: string) => readCourseRow(1, { title: 'A course', price }, columns, mapping);

describe('readCourseRow prices (issue #18.4)', () => {
  it('stores four-digit and larger prices whole', () => {
    expect(read('1200 EUR').price).toEqual({ amount: 1200, currency: 'EUR' });
    expect(read('2500.00 USD').price).toEqual({ amount: 2500, currency: 'USD' });
    expect(read('1 000 000').price).toEqual({ amount: 1_000_000, currency: 'EUR' });
  });

  it.each(['-5', '-$5', '1e308', '1,000,001 EUR', '99999999'])(
    'rejects the row with price %s, naming the price',
    (price) => {
      expect(() => read(price)).toThrow(RowRejection);
      expect(() => read(price)).toThrow(/price/);
    },
  );

  it('keeps an unreadable price as a warning and imports the course without it', () => {
    const row = read('ask us');
    expect(row.price).toBeNull();
    expect(row.warnings).toEqual(['unreadable price "ask us"']);
  });
});

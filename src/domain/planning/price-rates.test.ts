import { describe, expect, it } from 'vitest';
import { checkPlanCurrency, convertPrice, parsePriceRates } from './price-rates';

const rates = parsePriceRates(
  { date: '2025-01-31', source: 'test', base: 'EUR', rates: { USD: 1.04, JPY: 160 } },
  'test.json',
);

describe('price rates', () => {
  it('converts through the euro and rounds to a hundredth', () => {
    expect(convertPrice(5000, 'JPY', 'EUR', rates)).toBe(31.25);
    expect(convertPrice(100, 'EUR', 'JPY', rates)).toBe(16000);
    expect(convertPrice(104, 'USD', 'JPY', rates)).toBe(16000);
    expect(convertPrice(7, 'GBP', 'GBP', rates)).toBe(7);
  });

  it('gives null for a currency without a rate', () => {
    expect(convertPrice(1, 'XTS', 'EUR', rates)).toBeNull();
    expect(convertPrice(1, 'EUR', 'XTS', rates)).toBeNull();
  });

  it('checks the plan currency', () => {
    expect(checkPlanCurrency(undefined, rates)).toBe('EUR');
    expect(checkPlanCurrency(' usd ', rates)).toBe('USD');
    expect(() => checkPlanCurrency('euro', rates)).toThrow(
      'currency must be an ISO 4217 code such as "EUR", got "euro"',
    );
    expect(() => checkPlanCurrency('GBP', rates)).toThrow(
      'no exchange rate for GBP in the price rate table of 2025-01-31; known: EUR, JPY, USD',
    );
  });

  it('refuses malformed tables, naming the file', () => {
    expect(() => parsePriceRates({ date: '2025-01-31', source: 's', base: 'USD', rates: {} }, 'r.json')).toThrow(
      'price rate table r.json: "base" must be "EUR"',
    );
    expect(() => parsePriceRates({ date: '31.01.2025', source: 's', base: 'EUR', rates: {} }, 'r.json')).toThrow(
      '"date" must be YYYY-MM-DD',
    );
    expect(() =>
      parsePriceRates({ date: '2025-01-31', source: 's', base: 'EUR', rates: { USD: -1 } }, 'r.json'),
    ).toThrow('the rate of USD must be a positive number');
    expect(() =>
      parsePriceRates({ date: '2025-01-31', source: 's', base: 'EUR', rates: { usd: 1 } }, 'r.json'),
    ).toThrow('"usd" is not an ISO 4217 code');
  });
});

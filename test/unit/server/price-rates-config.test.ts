import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config';
import { loadPriceRates } from '../../../src/config/price-rates-file';

describe('PRICE_RATES_FILE', () => {
  it('defaults to the shipped, dated table with the major currencies', () => {
    expect(loadConfig({}).priceRatesFile).toBeUndefined();
    const shipped = loadPriceRates();
    expect(shipped.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const code of ['EUR', 'USD', 'JPY', 'GBP', 'CHF', 'INR']) expect(shipped.perEur.has(code), code).toBe(true);
  });

  it('replaces the table by configuration, and refuses a missing or invalid file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credgraph-rates-'));
    try {
      const file = path.join(dir, 'rates.json');
      fs.writeFileSync(file, JSON.stringify({ date: '2026-11-30', source: 'own', base: 'EUR', rates: { USD: 1.1 } }));
      const config = loadConfig({ PRICE_RATES_FILE: file });
      expect(config.priceRatesFile).toBe(file);
      expect(loadPriceRates(config.priceRatesFile)).toMatchObject({ date: '2026-11-30', source: 'own' });
      expect(() => loadConfig({ PRICE_RATES_FILE: path.join(dir, 'none.json') })).toThrow(
        /PRICE_RATES_FILE must name an existing file/,
      );
      fs.writeFileSync(file, '{"date": "x"}');
      expect(() => loadPriceRates(file)).toThrow(/price rate table rates\.json: "date" must be YYYY-MM-DD/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Loads the exchange-rate table price plans convert with: the file named by `PRICE_RATES_FILE`,
 * else the snapshot shipped in `seed/price-rates/eur-reference-rates.json`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { repoPath } from './repo-root';
import { parsePriceRates, type PriceRates } from '../domain/planning/price-rates';

/** The shipped snapshot, found from this module whether run from `src/` or `dist/src/`. */
export function shippedPriceRatesFile(): string {
  const candidate = repoPath('seed', 'price-rates', 'eur-reference-rates.json');
  if (fs.existsSync(candidate)) return candidate;
  throw new Error('the shipped price rate table seed/price-rates/eur-reference-rates.json is missing');
}

/**
 * Reads and validates a rate table.
 *
 * @throws Error naming the file when it is unreadable or not a valid table.
 */
export function loadPriceRates(file: string | undefined = undefined): PriceRates {
  const resolved = file ?? shippedPriceRatesFile();
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(resolved, 'utf8'));
  } catch (error) {
    throw new Error(`price rate table ${path.basename(resolved)}: ${(error as Error).message}`);
  }
  return parsePriceRates(raw, path.basename(resolved));
}

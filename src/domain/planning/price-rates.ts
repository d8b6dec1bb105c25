/**
 * Prices in one currency. Course prices come in the currency their catalogue states; a PRICE
 * plan or a price budget compares and sums them, which only means something in one currency.
 * A dated table of reference rates (units per 1 EUR, as the ECB publishes them) converts each
 * price into the plan's currency; a price in a currency the table lacks cannot be converted and
 * its course is left out of price planning, named.
 */
import { BadInputError } from '../errors';
import { quotedExcerpt } from '../text/quoted-excerpt';

/** A dated table of exchange rates against the euro. */
export interface PriceRates {
  /** The day the rates are of (YYYY-MM-DD). */
  readonly date: string;
  /** Where they come from, for answers and logs. */
  readonly source: string;
  /** Units of each ISO 4217 currency per 1 EUR; EUR itself is 1. */
  readonly perEur: ReadonlyMap<string, number>;
}

/** The currency plans use when the caller names none. */
export const DEFAULT_PLAN_CURRENCY = 'EUR';

/**
 * Validates a rate table read from JSON (`{ date, source, base: "EUR", rates: { USD: 1.04, ... } }`).
 *
 * @throws Error naming `name` and what is wrong (a bad table must stop the server at start).
 * @example
 * parsePriceRates({ date: '2025-01-31', source: 'ECB', base: 'EUR', rates: { USD: 1.0393 } }, 'rates.json').perEur.get('USD') // 1.0393
 */
export function parsePriceRates(raw: unknown, name: string): PriceRates {
  const fail = (reason: string): never => {
    throw new Error(`price rate table ${name}: ${reason}`);
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('expected a JSON object');
  const table = raw as Record<string, unknown>;
  if (typeof table.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(table.date)) fail('"date" must be YYYY-MM-DD');
  if (typeof table.source !== 'string' || table.source.trim() === '')
    fail('"source" must name where the rates come from');
  if (table.base !== 'EUR') fail('"base" must be "EUR" (rates are units per 1 EUR)');
  if (typeof table.rates !== 'object' || table.rates === null || Array.isArray(table.rates))
    return fail('"rates" must map currency codes to numbers');
  const perEur = new Map<string, number>([['EUR', 1]]);
  for (const [code, rate] of Object.entries(table.rates as Record<string, unknown>)) {
    if (!/^[A-Z]{3}$/.test(code)) fail(`"${code}" is not an ISO 4217 code`);
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0)
      fail(`the rate of ${code} must be a positive number`);
    if (code === 'EUR' && rate !== 1) fail('the rate of EUR must be 1');
    perEur.set(code, rate as number);
  }
  return { date: table.date as string, source: (table.source as string).trim(), perEur };
}

/**
 * Checks the currency a plan is asked in: an ISO 4217 code the table has a rate for.
 *
 * @throws BadInputError naming the currency and the table's date.
 */
export function checkPlanCurrency(currency: string | null | undefined, rates: PriceRates): string {
  const code = (currency ?? DEFAULT_PLAN_CURRENCY).trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code))
    throw new BadInputError(`currency must be an ISO 4217 code such as "EUR", got ${quotedExcerpt(String(currency))}`, {
      field: 'currency',
    });
  if (!rates.perEur.has(code)) {
    throw new BadInputError(
      `no exchange rate for ${code} in the price rate table of ${rates.date}; known: ${[...rates.perEur.keys()].sort().join(', ')}`,
      { field: 'currency' },
    );
  }
  return code;
}

/**
 * `amount` in `from` expressed in `to`, rounded to a hundredth; null when either currency has no
 * rate in the table. Equal currencies are returned unchanged.
 *
 * @example
 * convertPrice(5000, 'JPY', 'EUR', rates) // 31.13 with JPY at 160.63 per EUR
 */
export function convertPrice(amount: number, from: string, to: string, rates: PriceRates): number | null {
  if (from === to) return amount;
  const fromRate = rates.perEur.get(from);
  const toRate = rates.perEur.get(to);
  if (fromRate === undefined || toRate === undefined) return null;
  return Math.round((amount / fromRate) * toRate * 100) / 100;
}

/**
 * A course's price in `currency` (a price without a currency is taken to be in it already), or
 * null when it has no price or its currency no rate.
 *
 * @example
 * priceInCurrency({ price: 60, currency: 'USD' }, 'EUR', rates) // 30 with USD at 2 per EUR
 */
export function priceInCurrency(
  course: { readonly price: number | null; readonly currency: string | null },
  currency: string,
  rates: PriceRates,
): number | null {
  return course.price === null ? null : convertPrice(course.price, course.currency ?? currency, currency, rates);
}

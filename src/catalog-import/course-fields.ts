/**
 * Parsers of the free-text cells of course catalogues: skill tag lists, durations, prices and
 * language names. Each returns null (or an empty list) for what it cannot read, so an odd cell
 * costs a field, never the row.
 */
import ISO6391 from 'iso-639-1';

/**
 * Skill tags of a cell: a `{"a","b"}` array (as some scrapes export them) or a separated list.
 * Tags are trimmed and deduplicated case-insensitively; tags without a letter and fully
 * parenthesised scrape artefacts such as "(461 reviews)" are dropped.
 *
 * @example
 * splitTags('{" Network Security"," Python Programming"}') // ['Network Security', 'Python Programming']
 * splitTags('Decision Trees, Xgboost, ') // ['Decision Trees', 'Xgboost']
 */
export function splitTags(cell: string | undefined, separator = ','): string[] {
  if (!cell) return [];
  const text = cell.trim();
  let parts: string[];
  if (text.startsWith('{') && text.endsWith('}')) {
    const inner = text.slice(1, -1);
    parts = [...inner.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)].map((m) => (m[1] ?? m[2] ?? '').replace(/\\"/g, '"'));
  } else {
    parts = text.split(separator);
  }
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of parts) {
    const tag = part.replace(/\s+/g, ' ').trim();
    if (tag === '' || tag.length > 120 || !/\p{L}/u.test(tag) || /^\(.*\)$/.test(tag)) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

const UNIT_HOURS: Readonly<Record<string, number | 'week' | 'month'>> = {
  hour: 1,
  hours: 1,
  hr: 1,
  hrs: 1,
  h: 1,
  minute: 1 / 60,
  minutes: 1 / 60,
  min: 1 / 60,
  mins: 1 / 60,
  week: 'week',
  weeks: 'week',
  semana: 'week',
  semanas: 'week',
  month: 'month',
  months: 'month',
  mes: 'month',
  meses: 'month',
};

/**
 * Notional hours of a duration cell: "Approx. 13 hours to complete" → 13, "Less Than 2 Hours" → 2,
 * "1 - 3 Months" → the middle of the range. Weeks and months count only with `hoursPerWeek`
 * (a catalogue's stated weekly effort); years and unreadable text give null.
 *
 * @example
 * parseHours('Approx. 13 hours to complete', null) // 13
 * parseHours(' 1 - 4 Weeks', 5) // 12.5
 * parseHours('4 weeks', null) // null
 */
export function parseHours(cell: string | undefined, hoursPerWeek: number | null): number | null {
  if (!cell) return null;
  const match = /(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:[.,]\d+)?))?\s*([a-z]+)/i.exec(
    cell.replace(/approx(?:imately|\.)?/gi, ' '),
  );
  if (!match) return null;
  const low = Number(match[1]!.replace(',', '.'));
  const high = match[2] === undefined ? low : Number(match[2].replace(',', '.'));
  const unit = UNIT_HOURS[match[3]!.toLowerCase()];
  if (unit === undefined || !Number.isFinite(low) || !Number.isFinite(high)) return null;
  const amount = (low + high) / 2;
  let hours: number | null;
  if (typeof unit === 'number') hours = amount * unit;
  else if (hoursPerWeek === null) hours = null;
  else hours = amount * hoursPerWeek * (unit === 'week' ? 1 : 52 / 12);
  return hours === null ? null : Math.round(hours * 10) / 10;
}

/**
 * Currency signs and the ISO 4217 code they stand for. Longer signs come first so "US$" is not
 * read as a bare "$". "$" alone means USD, the convention of the scraped catalogues.
 */
const CURRENCY_SIGNS: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'USD'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['NZ$', 'NZD'],
  ['R$', 'BRL'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₴', 'UAH'],
  ['₦', 'NGN'],
  ['₱', 'PHP'],
  ['฿', 'THB'],
];

const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** A price as a cell states it: the amount (negative when the cell says so) and its currency. */
export interface ParsedPrice {
  readonly amount: number;
  /** ISO 4217 code, or null when the cell names none. */
  readonly currency: string | null;
}

/**
 * The number of a price cell: digits with optional grouping (",", ".", spaces, apostrophes) and
 * decimals, an optional sign before it (possibly before a leading currency sign) and an optional
 * exponent, which is read so that "1e308" is seen as the absurd amount it is rather than as 1.
 */
const PRICE_NUMBER =
  /([-−–]\s*)?(?:(?:[A-Z]{3}|[^\s\d\p{L}\-−–]{1,2}|[A-Z]{1,2}\$)\s*)?([-−–]\s*)?(\d[\d.,'’\s\u00a0\u202f]*)(?:[eE]([+-]?\d+))?/u;

/**
 * The value of a digit run with separators, or null when the grouping is inconsistent.
 * The last separator is the decimal mark when one or two digits (or four or more) follow it, or
 * when both "." and "," occur; a single separator followed by exactly three digits groups
 * thousands ("1,200", "1.200" → 1200), since prices with three decimals do not occur.
 */
function readDigits(raw: string): number | null {
  const text = raw.replace(/[\s\u00a0\u202f'’]+$/u, '').replace(/[.,]$/, '');
  const groupedBySpace = text.replace(/(\d)[\s\u00a0\u202f'’](?=\d{3}(?:\D|$))/gu, '$1');
  if (/[\s\u00a0\u202f'’]/u.test(groupedBySpace)) return null;
  const separators = [...groupedBySpace.matchAll(/[.,]/g)];
  if (separators.length === 0) return Number(groupedBySpace);
  const last = separators[separators.length - 1]!;
  const lastMark = last[0];
  const after = groupedBySpace.slice(last.index! + 1);
  const mixed = separators.some((s) => s[0] !== lastMark);
  const decimalAtEnd = mixed || (separators.length === 1 && after.length !== 3);
  const integerPart = decimalAtEnd ? groupedBySpace.slice(0, last.index) : groupedBySpace;
  const fraction = decimalAtEnd ? after : '';
  const groups = integerPart.split(/[.,]/);
  // Grouping marks must all be the same and split off groups of exactly three digits.
  if (groups.length > 1) {
    const marks = new Set([...integerPart.matchAll(/[.,]/g)].map((m) => m[0]));
    if (
      marks.size > 1 ||
      (decimalAtEnd && marks.has(lastMark)) ||
      !groups.slice(1).every((g) => /^\d{3}$/.test(g)) ||
      !/^\d{1,3}$/.test(groups[0]!)
    )
      return null;
  }
  return Number(`${groups.join('')}${fraction === '' ? '' : `.${fraction}`}`);
}

/**
 * A price cell: "Free" → 0, "$49.99" → 49.99 USD, "1.200,50 EUR" → 1200.5 EUR, "EUR 1 200" →
 * 1200 EUR, "-5" → -5 (the caller rejects it). The currency is an ISO 4217 code or a sign
 * ({@link CURRENCY_SIGNS}) before or after the amount, null unless the cell states it. Returns
 * null for a cell without a readable amount.
 *
 * @example
 * parsePrice('1,200.50 USD') // { amount: 1200.5, currency: 'USD' }
 * parsePrice('€1499') // { amount: 1499, currency: 'EUR' }
 */
export function parsePrice(cell: string | undefined): ParsedPrice | null {
  if (!cell || cell.trim() === '') return null;
  const text = cell.trim();
  if (/^(free|gratis|gratuit|kostenlos|0)$/i.test(text)) return { amount: 0, currency: null };
  const match = PRICE_NUMBER.exec(text);
  if (!match) return null;
  let amount = readDigits(match[3]!);
  if (amount === null || !Number.isFinite(amount)) return null;
  if (match[4] !== undefined) amount *= 10 ** Number(match[4]);
  if (match[1] !== undefined || match[2] !== undefined) amount = -amount;
  return { amount, currency: priceCurrency(text) };
}

/** The ISO code or sign a price cell names, if any. */
function priceCurrency(text: string): string | null {
  for (const word of text.toUpperCase().match(/(?<![A-Z])[A-Z]{3}(?![A-Z])/g) ?? []) {
    if (ISO_CURRENCIES.has(word)) return word;
  }
  if (/(?<!\p{L})euros?(?!\p{L})/iu.test(text)) return 'EUR';
  return CURRENCY_SIGNS.find(([sign]) => text.includes(sign))?.[1] ?? null;
}

/** The ISO 639-1 code of a language named in English or in itself ("German", "Deutsch"), if any. */
function languageCodeOfName(name: string): string | undefined {
  return ISO6391.getCode(name) || undefined;
}

/**
 * ISO 639-1 codes of a language cell: names ("English", "Portuguese (Brazilian)") or codes
 * ("en", "EN-gb"), several separated by commas, semicolons or slashes. Unknown names are skipped.
 *
 * @example
 * languageCodes('English, Portuguese (Brazilian)') // ['en', 'pt']
 */
export function languageCodes(cell: string | undefined): string[] {
  if (!cell) return [];
  const codes = new Set<string>();
  for (const part of cell.split(/[,;/|]/)) {
    const text = part.trim().toLowerCase();
    if (text === '') continue;
    // "Portuguese (Brazilian)": the whole name first, then its first word.
    const code =
      /^([a-z]{2})(?:[-_][a-z]{2,4})?$/.exec(text)?.[1] ??
      languageCodeOfName(text) ??
      languageCodeOfName(text.split(/[\s(]/)[0]!);
    if (code !== undefined) codes.add(code);
  }
  return [...codes];
}

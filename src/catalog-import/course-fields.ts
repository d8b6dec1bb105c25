/**
 * Parsers of the free-text cells of course catalogues: skill tag lists, durations, prices and
 * language names. Each returns null (or an empty list) for what it cannot read, so an odd cell
 * costs a field, never the row.
 */

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
  hour: 1, hours: 1, hr: 1, hrs: 1, h: 1, minute: 1 / 60, minutes: 1 / 60, min: 1 / 60, mins: 1 / 60,
  week: 'week', weeks: 'week', semana: 'week', semanas: 'week',
  month: 'month', months: 'month', mes: 'month', meses: 'month',
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
  const match = /(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:[.,]\d+)?))?\s*([a-z]+)/i.exec(cell.replace(/approx(?:imately|\.)?/gi, ' '));
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

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };

/**
 * A price cell: "Free" → 0, "$49.99" → 49.99 USD, "1.200,50 EUR" → 1200.5 EUR. The currency is
 * null unless the cell states it.
 */
export function parsePrice(cell: string | undefined): { amount: number; currency: string | null } | null {
  if (!cell || cell.trim() === '') return null;
  const text = cell.trim();
  if (/^(free|gratis|0)$/i.test(text)) return { amount: 0, currency: null };
  const number = /(\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)/.exec(text);
  if (!number) return null;
  let digits = number[1]!.replace(/\s/g, '');
  // A trailing ",dd" is a decimal comma; other separators group thousands.
  digits = /,\d{1,2}$/.test(digits) ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  const amount = Number(digits);
  if (!Number.isFinite(amount)) return null;
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1] ?? null;
  const symbol = Object.entries(CURRENCY_SYMBOLS).find(([s]) => text.includes(s))?.[1] ?? null;
  return { amount, currency: code ?? symbol };
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  english: 'en', spanish: 'es', español: 'es', french: 'fr', français: 'fr', german: 'de', deutsch: 'de', italian: 'it',
  portuguese: 'pt', dutch: 'nl', polish: 'pl', russian: 'ru', ukrainian: 'uk', arabic: 'ar', chinese: 'zh', japanese: 'ja',
  korean: 'ko', turkish: 'tr', hindi: 'hi', indonesian: 'id', vietnamese: 'vi', greek: 'el', swedish: 'sv', danish: 'da',
  finnish: 'fi', norwegian: 'no', czech: 'cs', hungarian: 'hu', romanian: 'ro', bulgarian: 'bg', croatian: 'hr',
  slovak: 'sk', slovenian: 'sl', estonian: 'et', latvian: 'lv', lithuanian: 'lt', irish: 'ga', maltese: 'mt',
  persian: 'fa', hebrew: 'he', thai: 'th', catalan: 'ca',
};

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
    const code = /^([a-z]{2})(?:[-_][a-z]{2,4})?$/.exec(text)?.[1] ?? LANGUAGE_NAMES[text.split(/[\s(]/)[0]!];
    if (code !== undefined) codes.add(code);
  }
  return [...codes];
}

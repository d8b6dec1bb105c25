/**
 * One catalogue row read through a mapping: the fields of a micro-credential before skill mapping
 * and validation. Nothing here touches the database.
 */
import type { CatalogMapping, MappableField } from './catalog-mapping';
import { MAX_PRICE_AMOUNT } from '../domain/catalog/credential-input';
import { languageCodes, parseHours, parsePrice, splitTags } from './course-fields';

/** A course as the catalogue describes it. */
export interface CourseRow {
  /** 1-based data row (header excluded). */
  readonly row: number;
  readonly id: string | null;
  readonly title: string;
  readonly providerName: string | null;
  readonly url: string | null;
  readonly workloadHours: number | null;
  readonly price: { amount: number; currency: string } | null;
  readonly languages: string[];
  readonly country: string | null;
  readonly participationForm: 'ONLINE' | 'ONSITE' | 'BLENDED' | null;
  readonly tags: string[];
  readonly description: string | null;
  readonly learningOutcomes: string[];
  /** Fields that were present but unreadable (the row is still imported). */
  readonly warnings: string[];
}

/** Why a row cannot become a course at all. */
export class RowRejection extends Error {}

/**
 * Reads one CSV record.
 *
 * @throws RowRejection when the row has no title, or a negative price or one above
 *   {@link MAX_PRICE_AMOUNT}.
 */
export function readCourseRow(
  row: number,
  values: Readonly<Record<string, string>>,
  columns: Partial<Record<MappableField, string>>,
  mapping: CatalogMapping,
): CourseRow {
  const cell = (field: MappableField): string | undefined => {
    const column = columns[field];
    const value = column === undefined ? undefined : values[column]?.trim();
    // Scrapes write "None" for a missing value.
    return value === undefined || value === '' || value === 'None' ? undefined : value;
  };
  const title = cell('title');
  if (title === undefined) throw new RowRejection('no title');
  const warnings: string[] = [];
  const hoursCell = cell('hours');
  const workloadHours = parseHours(hoursCell, mapping.hoursPerWeek);
  if (hoursCell !== undefined && workloadHours === null && /\d/.test(hoursCell) && /hour|hr|min/i.test(hoursCell))
    warnings.push(`unreadable duration "${hoursCell}"`);
  const priceCell = cell('price');
  const parsedPrice = parsePrice(priceCell);
  if (priceCell !== undefined && parsedPrice === null) warnings.push(`unreadable price "${priceCell}"`);
  // A negative or absurd price is a broken row, not a missing field: importing the course without
  // it would hide the error, so the row is reported instead.
  if (parsedPrice !== null && parsedPrice.amount < 0) throw new RowRejection(`negative price "${priceCell}"`);
  if (parsedPrice !== null && parsedPrice.amount > MAX_PRICE_AMOUNT)
    throw new RowRejection(`price "${priceCell}" is above the maximum of ${MAX_PRICE_AMOUNT.toLocaleString('en')}`);
  const currency =
    (cell('currency') ?? parsedPrice?.currency ?? mapping.defaults.currency ?? null)?.toUpperCase() ?? null;
  let price: CourseRow['price'] = null;
  if (parsedPrice !== null) {
    if (currency === null && parsedPrice.amount > 0)
      warnings.push(`price "${priceCell}" has no currency and was not stored`);
    else price = { amount: parsedPrice.amount, currency: currency ?? 'EUR' };
  }
  const languageCell = cell('language') ?? mapping.defaults.language;
  const languages = languageCodes(languageCell);
  if (languageCell !== undefined && languages.length === 0) warnings.push(`unknown language "${languageCell}"`);
  const description = cell('description') ?? null;
  const outcomes = cell('learningOutcomes');
  return {
    row,
    id: cell('id') ?? null,
    title,
    providerName: cell('provider') ?? mapping.defaults.provider ?? null,
    url: cell('url') ?? null,
    workloadHours,
    price,
    languages,
    country: cell('country') ?? mapping.defaults.country ?? null,
    participationForm: mapping.defaults.participationForm ?? null,
    tags: splitTags(cell('skills'), mapping.skillSeparator),
    description,
    learningOutcomes:
      outcomes === undefined
        ? []
        : outcomes
            .split(mapping.outcomeSeparator)
            .map((o) => o.trim())
            .filter((o) => o !== ''),
    warnings,
  };
}

/** True when the row passes the mapping's filter. */
export function passesFilter(values: Readonly<Record<string, string>>, mapping: CatalogMapping): boolean {
  return mapping.filter === null || mapping.filter.values.includes((values[mapping.filter.column] ?? '').trim());
}

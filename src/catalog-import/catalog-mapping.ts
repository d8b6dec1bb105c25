/**
 * How the columns of a course catalogue CSV map to micro-credential fields, read from a JSON file
 * (`--mapping`). Every field is optional except the title; unknown keys are refused so a typo in a
 * mapping file is caught instead of silently importing less.
 *
 * @example
 * {
 *   "columns": { "title": "course", "provider": "partner", "skills": "skills", "hours": "duration" },
 *   "defaults": { "participationForm": "ONLINE" },
 *   "hoursPerWeek": null
 * }
 */
import { BadInputError } from '../domain/errors';

/** Fields a column can feed. */
export const MAPPABLE_FIELDS = [
  'id',
  'title',
  'provider',
  'url',
  'hours',
  'price',
  'currency',
  'language',
  'skills',
  'description',
  'learningOutcomes',
  'country',
] as const;
/** A field a mapping can name a column for. */
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** Values used when a row has none (or no column is mapped). */
export interface CatalogDefaults {
  readonly provider?: string;
  readonly currency?: string;
  readonly language?: string;
  readonly country?: string;
  readonly participationForm?: 'ONLINE' | 'ONSITE' | 'BLENDED';
}

/** A validated mapping. */
export interface CatalogMapping {
  readonly name: string;
  readonly columns: Readonly<Partial<Record<MappableField, string>>>;
  /** Separator of the skill tags cell; `{"a","b"}` array cells are recognised whatever it is. */
  readonly skillSeparator: string;
  /** Separator of several learning outcomes in one cell (default: newline). */
  readonly outcomeSeparator: string;
  readonly defaults: CatalogDefaults;
  /** Converts week and month durations to hours; null keeps only durations stated in hours. */
  readonly hoursPerWeek: number | null;
  /** Import only rows whose column equals one of the values (e.g. one site of a multi-site file). */
  readonly filter: { readonly column: string; readonly values: readonly string[] } | null;
}

const TOP_KEYS = new Set([
  'name',
  'description',
  'columns',
  'skillSeparator',
  'outcomeSeparator',
  'defaults',
  'hoursPerWeek',
  'filter',
]);
const DEFAULT_KEYS = new Set(['provider', 'currency', 'language', 'country', 'participationForm']);

function fail(message: string): never {
  throw new BadInputError(`Invalid catalog mapping: ${message}`);
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') fail(`${where} must be a non-empty string`);
  return value;
}

/**
 * Checks a parsed mapping file. When no title column is given, a column literally named `title`
 * (any case) is assumed by {@link resolveColumns}.
 */
export function parseCatalogMapping(raw: unknown, name = 'mapping'): CatalogMapping {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('expected a JSON object');
  const obj = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(obj).filter((key) => !TOP_KEYS.has(key));
  if (unknownKeys.length > 0) fail(`unknown key(s) ${unknownKeys.join(', ')}`);
  const columnsRaw = (obj.columns ?? {}) as Record<string, unknown>;
  if (typeof columnsRaw !== 'object' || Array.isArray(columnsRaw)) fail('"columns" must map fields to column names');
  const columns: Partial<Record<MappableField, string>> = {};
  for (const [field, column] of Object.entries(columnsRaw)) {
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(field))
      fail(`unknown field "${field}" in columns (known: ${MAPPABLE_FIELDS.join(', ')})`);
    const value = optionalString(column, `columns.${field}`);
    if (value !== undefined) columns[field as MappableField] = value;
  }
  const defaultsRaw = (obj.defaults ?? {}) as Record<string, unknown>;
  const unknownDefaults = Object.keys(defaultsRaw).filter((key) => !DEFAULT_KEYS.has(key));
  if (unknownDefaults.length > 0) fail(`unknown default(s) ${unknownDefaults.join(', ')}`);
  const participationForm = optionalString(defaultsRaw.participationForm, 'defaults.participationForm');
  if (participationForm !== undefined && !['ONLINE', 'ONSITE', 'BLENDED'].includes(participationForm))
    fail('defaults.participationForm must be ONLINE, ONSITE or BLENDED');
  const hoursPerWeek = obj.hoursPerWeek ?? null;
  if (hoursPerWeek !== null && !(typeof hoursPerWeek === 'number' && hoursPerWeek > 0 && hoursPerWeek <= 80))
    fail('hoursPerWeek must be a number in (0, 80] or null');
  let filter: CatalogMapping['filter'] = null;
  if (obj.filter !== undefined && obj.filter !== null) {
    const f = obj.filter as Record<string, unknown>;
    const column = optionalString(f.column, 'filter.column');
    if (column === undefined || !Array.isArray(f.values) || !f.values.every((v) => typeof v === 'string'))
      fail('filter needs a column and a list of string values');
    filter = { column, values: f.values as string[] };
  }
  const defaults: CatalogDefaults = {
    ...(optionalString(defaultsRaw.provider, 'defaults.provider') === undefined
      ? {}
      : { provider: defaultsRaw.provider as string }),
    ...(optionalString(defaultsRaw.currency, 'defaults.currency') === undefined
      ? {}
      : { currency: defaultsRaw.currency as string }),
    ...(optionalString(defaultsRaw.language, 'defaults.language') === undefined
      ? {}
      : { language: defaultsRaw.language as string }),
    ...(optionalString(defaultsRaw.country, 'defaults.country') === undefined
      ? {}
      : { country: defaultsRaw.country as string }),
    ...(participationForm === undefined
      ? {}
      : { participationForm: participationForm as CatalogDefaults['participationForm'] & string }),
  };
  return {
    name: optionalString(obj.name, 'name') ?? name,
    columns,
    skillSeparator: optionalString(obj.skillSeparator, 'skillSeparator') ?? ',',
    outcomeSeparator: optionalString(obj.outcomeSeparator, 'outcomeSeparator') ?? '\n',
    defaults,
    hoursPerWeek: hoursPerWeek as number | null,
    filter,
  };
}

/**
 * The mapping's columns checked against a CSV header. Without a mapped title, a header column
 * named like a field (case-insensitive: "Title", "URL", "Skills", ...) is used for it.
 *
 * @throws BadInputError naming mapped columns the header lacks, or when no title column is found.
 */
export function resolveColumns(
  mapping: CatalogMapping,
  header: readonly string[],
): Partial<Record<MappableField, string>> {
  const columns: Partial<Record<MappableField, string>> = { ...mapping.columns };
  if (Object.keys(mapping.columns).length === 0) {
    for (const field of MAPPABLE_FIELDS) {
      const found = header.find((column) => column.trim().toLowerCase() === field.toLowerCase());
      if (found !== undefined) columns[field] = found;
    }
  }
  const missing = Object.entries(columns).filter(([, column]) => !header.includes(column!));
  if (mapping.filter && !header.includes(mapping.filter.column)) missing.push(['filter', mapping.filter.column]);
  if (missing.length > 0)
    fail(
      `the CSV has no column ${missing.map(([field, column]) => `"${column}" (for ${field})`).join(', ')}; it has ${header.map((c) => `"${c}"`).join(', ')}`,
    );
  if (columns.title === undefined) fail('no title column: map one in "columns" or name a column "title"');
  return columns;
}

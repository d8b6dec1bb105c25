/**
 * What population to generate: sizes, seed, id prefix and the reference date that "now" means for
 * holding dates. Together they determine every generated row.
 */

/** Sizes and identity of a population. */
export interface PopulationOptions {
  readonly credentials: number;
  readonly learners: number;
  readonly postings: number;
  /** Awarding bodies; default {@link defaultProviderCount}. */
  readonly providers: number;
  readonly seed: number;
  /** Prefix of every generated id (providers, credentials, learners, postings). */
  readonly prefix: string;
  /** YYYY-MM-DD: holdings are issued before it; ~5% expired by it. */
  readonly referenceDate: string;
  /** Share of credentials naming 1-2 prerequisite skills (see {@link DEFAULT_PREREQUISITE_SHARE}). */
  readonly prerequisiteShare: number;
}

/** Input of {@link resolvePopulationOptions}: everything but the counts is optional. */
export interface PopulationOptionsInput {
  readonly credentials: number;
  readonly learners: number;
  readonly postings: number;
  readonly providers?: number | undefined;
  readonly seed?: number | undefined;
  readonly prefix?: string | undefined;
  readonly referenceDate?: string | undefined;
  readonly prerequisiteShare?: number | undefined;
}

/**
 * Share of credentials with prerequisites unless told otherwise. Kept low on purpose: the
 * planner follows prerequisites three levels deep, and in a 20,000-course catalog with popular
 * skills taught by hundreds of courses, 5% already pulls a median of ~10,000 candidate courses
 * into one plan (20%: ~19,000, i.e. the whole catalog); see docs/benchmarks.md.
 */
export const DEFAULT_PREREQUISITE_SHARE = 0.01;

/** The prefix of generated data unless told otherwise. */
export const DEFAULT_PREFIX = 'gen-';

/** Thrown for options that cannot describe a population. */
export class PopulationOptionsError extends Error {
  override readonly name = 'PopulationOptionsError';
}

/** A few hundred awarding bodies for a full catalog, at least a handful for tiny ones. */
export function defaultProviderCount(credentials: number): number {
  return Math.min(400, Math.max(5, Math.round(credentials / 70)));
}

function wholeNumber(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new PopulationOptionsError(`${name} must be a whole number in [${min}, ${max}], got ${value}`);
  }
  return value;
}

/**
 * Validates options and fills defaults. The prefix must be a non-trivial id stem ending in `-`
 * because wiping deletes everything whose id starts with it.
 *
 * @example
 * resolvePopulationOptions({ credentials: 50, learners: 100, postings: 10, seed: 3 }, new Date('2026-01-01'))
 * // → { …, providers: 5, prefix: 'gen-', referenceDate: '2026-01-01', prerequisiteShare: 0.01 }
 */
export function resolvePopulationOptions(input: PopulationOptionsInput, today: Date = new Date()): PopulationOptions {
  const credentials = wholeNumber('credentials', input.credentials, 0, 10_000_000);
  const learners = wholeNumber('learners', input.learners, 0, 10_000_000);
  const postings = wholeNumber('postings', input.postings, 0, 10_000_000);
  if (learners > 0 && credentials === 0)
    throw new PopulationOptionsError('learners hold credentials: generate at least one credential');
  const providers = wholeNumber(
    'providers',
    input.providers ?? defaultProviderCount(credentials),
    credentials > 0 ? 1 : 0,
    1_000_000,
  );
  const seed = wholeNumber('seed', input.seed ?? 1, 0, Number.MAX_SAFE_INTEGER);
  const prefix = input.prefix ?? DEFAULT_PREFIX;
  if (!/^[A-Za-z][A-Za-z0-9_-]{1,60}-$/.test(prefix)) {
    throw new PopulationOptionsError(
      `prefix must be 3-62 letters, digits, "_" or "-", start with a letter and end with "-", got "${prefix}"`,
    );
  }
  const referenceDate = input.referenceDate ?? today.toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) || Number.isNaN(Date.parse(`${referenceDate}T00:00:00Z`))) {
    throw new PopulationOptionsError(`referenceDate must be a date YYYY-MM-DD, got "${referenceDate}"`);
  }
  const prerequisiteShare = input.prerequisiteShare ?? DEFAULT_PREREQUISITE_SHARE;
  if (!(Number.isFinite(prerequisiteShare) && prerequisiteShare >= 0 && prerequisiteShare <= 1)) {
    throw new PopulationOptionsError(`prerequisiteShare must be a number in [0, 1], got ${prerequisiteShare}`);
  }
  return { credentials, learners, postings, providers, seed, prefix, referenceDate, prerequisiteShare };
}

/** Ids of generated entities: prefix, kind, zero-padded 1-based number (sorts like it counts). */
export const populationIds = {
  provider: (prefix: string, index: number) => `${prefix}provider-${String(index + 1).padStart(4, '0')}`,
  credential: (prefix: string, index: number) => `${prefix}credential-${String(index + 1).padStart(6, '0')}`,
  learner: (prefix: string, index: number) => `${prefix}learner-${String(index + 1).padStart(6, '0')}`,
  posting: (prefix: string, index: number) => `${prefix}posting-${String(index + 1).padStart(6, '0')}`,
};

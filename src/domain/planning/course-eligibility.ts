/**
 * Which catalogue courses a plan may use, and why the others may not. The repository returns
 * every course teaching a wanted skill with the facts the filters need; the filters are applied
 * here, so a plan can say how many courses each constraint excluded.
 */
import type { CourseFilterSpec } from './plan-request';

/** One link of a course to a skill it teaches. */
export interface TaughtLink {
  readonly uri: string;
  readonly source: 'DECLARED' | 'MAPPED' | null;
  /** 1 for declared links; the mapping confidence for mapped ones (null reads as 1). */
  readonly confidence: number | null;
}

/** A course teaching some wanted skill, before the request's filters. */
export interface CandidateCourse {
  readonly id: string;
  readonly hours: number | null;
  /** In `currency`, as the catalogue states it. */
  readonly price: number | null;
  readonly currency: string | null;
  readonly ects: number | null;
  readonly languages: readonly string[];
  readonly participationForm: string | null;
  readonly eqfLevel: number | null;
  readonly providerIds: readonly string[];
  readonly teaches: readonly TaughtLink[];
  readonly prerequisites: readonly string[];
}

/**
 * Why a catalogue filter left a course out, checked in this order (providers first: a course of
 * a provider the request rules out is out whatever else it is):
 * - `excluded-provider`: awarded by a provider in `excludeProviderIds`;
 * - `other-provider`: not awarded by a provider in `providerIds`;
 * - `language`: taught in none of the requested languages;
 * - `participation-form`: not in a requested form of participation;
 * - `eqf-level`: above `maxEqfLevel` (a course without a level passes);
 * - `low-confidence`: it would cover a gap skill only through MAPPED links below `minConfidence`
 *   (decided per target, see {@link countCatalogueExclusions}).
 */
export type CatalogueExclusion =
  | 'language'
  | 'participation-form'
  | 'eqf-level'
  | 'excluded-provider'
  | 'other-provider'
  | 'low-confidence';

/**
 * The first catalogue filter `course` fails, or null when it passes them all. Loops rather than
 * callbacks: a compute worker calls it for each of thousands of courses in every job, and the
 * callbacks' optimised code did not outlive the job.
 */
export function catalogueExclusion(
  course: CandidateCourse,
  filter: CourseFilterSpec,
): Exclude<CatalogueExclusion, 'low-confidence'> | null {
  if (sharesAny(course.providerIds, filter.excludeProviderIds)) return 'excluded-provider';
  if (filter.onlyProviderIds !== null && !sharesAny(course.providerIds, filter.onlyProviderIds))
    return 'other-provider';
  if (filter.languages !== null && !teachesInAny(course.languages, filter.languages)) return 'language';
  if (
    filter.participationForms !== null &&
    (course.participationForm === null || !filter.participationForms.includes(course.participationForm))
  )
    return 'participation-form';
  if (filter.maxEqfLevel !== null && course.eqfLevel !== null && course.eqfLevel > filter.maxEqfLevel)
    return 'eqf-level';
  return null;
}

function sharesAny(values: readonly string[], wanted: readonly string[]): boolean {
  for (const value of values) if (wanted.includes(value)) return true;
  return false;
}

/** Whether one of a course's languages is among `wanted` (lower-case codes). */
function teachesInAny(languages: readonly string[], wanted: readonly string[]): boolean {
  for (const language of languages) if (wanted.includes(language.toLowerCase())) return true;
  return false;
}

/** True when the link counts under `minConfidence`: declared links always, mapped ones from it up. */
export function linkCounts(link: TaughtLink, minConfidence: number): boolean {
  return link.source !== 'MAPPED' || (link.confidence ?? 1) >= minConfidence;
}

/** The skill URIs a course teaches through links that count under `minConfidence`. */
export function confidentTeaches(course: CandidateCourse, minConfidence: number): string[] {
  const uris: string[] = [];
  for (const link of course.teaches) if (linkCounts(link, minConfidence)) uris.push(link.uri);
  return uris;
}

/** A candidate with what it would cover of the gaps: through every link, and through the links that count. */
export interface CandidateCoverage {
  readonly exclusion: Exclude<CatalogueExclusion, 'low-confidence'> | null;
  readonly coversAny: ReadonlySet<string>;
  readonly coversConfident: ReadonlySet<string>;
}

/**
 * How many courses relevant to one target's gap each catalogue filter excluded. A course counts
 * once, under the first filter it fails; a course is relevant when some link of it, of whatever
 * confidence, would cover a skill of `gap`. Courses passing every filter but covering the gap
 * only through links below `minConfidence` count as `low-confidence`.
 *
 * @example
 * countCatalogueExclusions(['s1'], [{ exclusion: 'language', coversAny: new Set(['s1']), coversConfident: new Set(['s1']) }])
 * // Map { 'language' => 1 }
 */
export function countCatalogueExclusions(
  gap: readonly string[],
  candidates: Iterable<CandidateCoverage>,
): Map<CatalogueExclusion, number> {
  const counts = new Map<CatalogueExclusion, number>();
  for (const c of candidates) {
    if (!gap.some((uri) => c.coversAny.has(uri))) continue;
    const reason: CatalogueExclusion | null =
      c.exclusion ?? (gap.some((uri) => c.coversConfident.has(uri)) ? null : 'low-confidence');
    if (reason !== null) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return counts;
}

/**
 * A candidate course as the catalogue read returns it, with nothing but what a test names: one
 * hour, no price, no ECTS or EQF level, no language, form or provider, every taught skill declared.
 */
import type { CandidateCourse } from '../../src/domain/planning';

/**
 * @example
 * candidateCourse('c1', ['skill:a'], ['skill:p']) // 1 hour, teaches a (declared), needs p
 */
export function candidateCourse(id: string, teaches: readonly string[], prerequisites: string[] = []): CandidateCourse {
  return {
    id,
    hours: 1,
    price: null,
    currency: null,
    ects: null,
    languages: [],
    participationForm: null,
    eqfLevel: null,
    providerIds: [],
    teaches: teaches.map((uri) => ({ uri, source: 'DECLARED' as const, confidence: 1 })),
    prerequisites,
  };
}

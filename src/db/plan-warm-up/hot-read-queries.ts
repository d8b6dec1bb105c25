/**
 * The read queries a request runs against Neo4j once the read model serves scoring and planning,
 * each with parameters of the types and sizes the repositories send. Planning one of them on a
 * freshly started Neo4j takes 300 ms to 1 s on two cores (for each size bucket of its lists),
 * which a plan's reply cannot afford within its deadline; {@link warmQueryPlans} plans them at
 * start instead. The values are placeholders that match nothing (a run costs a few index
 * look-ups): only their types and sizes key the plan.
 */
import { labelKey, toFullTextQuery } from '../../domain/search/full-text-query';

/**
 * The list sizes a warm-up plans for: one per bucket a request's reads use (a single id, a
 * DataLoader batch, a plan's or a page's courses). Larger batches are rare and pay their own plan.
 */
export const WARMED_LIST_SIZES: readonly number[] = [1, 10, 100];

/** One query to plan, with parameters shaped like a real call's. */
export interface QueryPlanWarmUp {
  /** The query file's name, `area/verb-noun`. */
  readonly name: string;
  readonly params: Record<string, unknown>;
}

/** `size` distinct placeholder ids: strings, as the API's ids and URIs are. */
function placeholderIds(size: number): string[] {
  return Array.from({ length: size }, (_, i) => `warm-up:${i}`);
}

/** One warm-up per warmed list size (up to `maxSize`) of a query whose only parameter is a list. */
function byListSize(name: string, param: string, maxSize: number): QueryPlanWarmUp[] {
  return WARMED_LIST_SIZES.filter((size) => size <= maxSize).map((size) => ({
    name,
    params: { [param]: placeholderIds(size) },
  }));
}

/** A skill search as the search service sends it, for a user's text. */
function skillSearch(text: string): QueryPlanWarmUp {
  return { name: 'esco/search-skills', params: { query: toFullTextQuery(text), text: labelKey(text), limit: 10 } };
}

/**
 * The warm-ups, most urgent first: a plan's reply reads its courses (up to a hundred), then the
 * DataLoaders' entity reads, the read model's re-reads after a write, the one-round-trip browse
 * and the skill search.
 */
export function hotReadQueryWarmUps(): QueryPlanWarmUp[] {
  return [
    ...byListSize('catalog/get-credentials-by-ids', 'ids', 100),
    ...byListSize('esco/get-skills-by-uris', 'uris', 100),
    ...byListSize('esco/get-occupations-by-uris', 'uris', 10),
    ...byListSize('catalog/get-providers-by-ids', 'ids', 10),
    ...byListSize('catalog/get-credential-skill-links', 'ids', 10),
    ...byListSize('learners/get-learners-by-ids', 'ids', 10),
    ...byListSize('postings/get-job-postings-by-ids', 'ids', 10),
    // After a write, the next request on this replica waits for the read model to re-read what
    // the write touched: a learner adding a course and asking for its coverage.
    ...byListSize('read-model/get-learners-by-ids', 'ids', 10),
    ...byListSize('read-model/get-credentials-by-ids', 'ids', 10),
    ...byListSize('read-model/get-postings-by-ids', 'ids', 10),
    ...[1, 10].map((size) => ({
      name: 'browse/get-occupation-browse',
      params: {
        uris: placeholderIds(size),
        relation: 'ESSENTIAL',
        skillOffset: 0,
        skillLimit: 20,
        withCourses: true,
        courseOffset: 0,
        courseLimit: 3,
      },
    })),
    // A word, two words and a phrase: their texts and full-text queries span the size buckets
    // that typed searches fall in.
    skillSearch('python'),
    skillSearch('data analysis'),
    skillSearch('manage a software development team'),
  ];
}

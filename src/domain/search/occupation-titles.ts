/**
 * Job titles as written in ads, attached to the occupations they were labelled with, so occupation
 * search also finds an occupation by the words employers use for it ("full stack developer" is no
 * ESCO label, but ads titled so are software developers). The titles are learned data: their
 * effect is measured by cross-validation (`npm run eval:titles`).
 */
import type { LabelledTitle } from './job-title-evaluation';
import type { SearchableConcept } from './label-search-index';

/** Most titles kept per occupation (the most frequent ones), bounding the index. */
export const MAX_TITLES_PER_OCCUPATION = 200;

/**
 * The concepts with the titles labelled with each of them (normalised, one copy each, most
 * frequent first); titles naming an unknown occupation are ignored.
 *
 * @example
 * withTitles([{ uri: 'u', preferredLabel: 'software developer', altLabels: [], hiddenLabels: [] }],
 *   [{ title: 'Full Stack Developer ', occupationUri: 'u' }])[0].titles // ['full stack developer']
 */
export function withTitles(
  concepts: readonly SearchableConcept[],
  titles: readonly LabelledTitle[],
): SearchableConcept[] {
  const counts = new Map<string, Map<string, number>>();
  for (const { title, occupationUri } of titles) {
    const key = title.toLowerCase().replace(/\s+/g, ' ').trim();
    if (key === '') continue;
    const forConcept = counts.get(occupationUri) ?? new Map<string, number>();
    counts.set(occupationUri, forConcept);
    forConcept.set(key, (forConcept.get(key) ?? 0) + 1);
  }
  return concepts.map((concept) => {
    const learned = counts.get(concept.uri);
    if (!learned) return concept;
    const ordered = [...learned]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_TITLES_PER_OCCUPATION)
      .map(([title]) => title);
    return { ...concept, titles: [...(concept.titles ?? []), ...ordered] };
  });
}

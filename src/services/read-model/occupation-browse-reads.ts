/**
 * A browse of an occupation (its record, a page of its skills, each skill's page of courses) in
 * one round trip. Through the DataLoaders alone it takes three sequential queries: the
 * occupation, then its skills, then their courses, each level waiting for the one above. The
 * occupation resolver looks ahead at the fields asked and, when the caches lack the occupation or
 * its page of skills, reads all three levels with one query and keeps them in the caches.
 */
import type {
  BrowseRepository,
  OccupationBrowse,
  OccupationBrowseRequest,
} from '../../db/repositories/browse-repository';
import type { CachedConceptReads } from './cached-concept-reads';
import type { CachedTeachingPages } from './cached-teaching-pages';

/** The outcome of {@link OccupationBrowseReads.read}. */
export type OccupationBrowseRead =
  /** The caches hold the occupation and its page of skills: the DataLoaders serve it. */
  | { readonly read: false }
  /** Read in one query; `browse` is null when the occupation is unknown. */
  | { readonly read: true; readonly browse: OccupationBrowse | null };

/**
 * Reads whole browses, keeping what it reads in the cross-request caches when there are any
 * (without them every browse is read). Several occupations asking the same pages (aliases of one
 * request, batched by its DataLoader) are read with one query.
 *
 * @example
 * const reads = new OccupationBrowseReads(new BrowseRepository(executor), concepts, teaching);
 * const request = { relation: 'ESSENTIAL', skillPage: { offset: 0, limit: 20 }, coursePage: { offset: 0, limit: 3 } };
 * (await reads.read([uri], request)).get(uri); // { read: true, browse }: one query
 * (await reads.read([uri], request)).get(uri); // { read: false }: the caches hold it
 */
export class OccupationBrowseReads {
  constructor(
    private readonly source: Pick<BrowseRepository, 'getOccupationBrowse'>,
    private readonly concepts?: CachedConceptReads,
    private readonly teaching?: CachedTeachingPages,
  ) {}

  /** The outcome for each of `uris`. */
  async read(uris: readonly string[], request: OccupationBrowseRequest): Promise<Map<string, OccupationBrowseRead>> {
    const conceptGeneration = await this.concepts?.enterRead();
    const outcomes = new Map<string, OccupationBrowseRead>();
    const missing: string[] = [];
    for (const uri of new Set(uris)) {
      // With the occupation and its skills held, at most the courses remain: one query either
      // way, and the DataLoaders' may be answered from the course cache.
      if (this.concepts?.holdsOccupationPage(uri, request.relation, request.skillPage))
        outcomes.set(uri, { read: false });
      else missing.push(uri);
    }
    if (missing.length === 0) return outcomes;
    // Entered before the read, so a catalogue change during it keeps its courses out of the cache.
    const catalogGeneration = request.coursePage ? await this.teaching?.enterRead() : undefined;
    const browses = await this.source.getOccupationBrowse(missing, request);
    for (const uri of missing) {
      const browse = browses.get(uri) ?? null;
      if (browse) {
        this.concepts?.keepOccupationPage(
          conceptGeneration,
          browse.occupation,
          request.relation,
          request.skillPage,
          browse.skills,
        );
        if (request.coursePage) this.teaching?.keepPages(catalogGeneration, request.coursePage, browse.courses);
      }
      outcomes.set(uri, { read: true, browse });
    }
    return outcomes;
  }
}

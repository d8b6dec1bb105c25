/**
 * Pages of the courses teaching a skill (`Skill.taughtBy`), kept across requests as credential
 * ids while the catalogue stays the same. Ordering a skill's courses by title means reading every
 * course that teaches it; a browse of an occupation's twenty skills did that twenty times per
 * request. Cached, a page costs one lookup of its credentials by id (current records and
 * providers, so a provider's new name shows at once). The key is the read model's catalogue
 * generation: every credential put or removed changes it, on the writing replica before its next
 * request, on the others once their model has applied the change.
 */
import { LRUCache } from 'lru-cache';
import type { TeachingCredential } from '../../db/repositories/catalog-repository';
import type { Page, PageRequest } from '../../domain/pagination/cursor';
import { GenerationGate } from './generation-gate';

/** The page read the `taughtBy` DataLoader makes (a method of `CatalogRepository`). */
export interface TeachingPageReads {
  getTeachingCredentialsPage(
    uris: readonly string[],
    page: PageRequest,
  ): Promise<Map<string, Page<TeachingCredential>>>;
}

/** What {@link CachedTeachingPages} reads through: pages, and their credentials by id. */
export interface TeachingPageSource extends TeachingPageReads {
  getTeachingCredentialsByIds(ids: readonly string[]): Promise<Map<string, TeachingCredential>>;
}

/** Pages kept; a page is at most `MAX_PAGE_SIZE` ids, so 20,000 pages are a few MB. */
export const DEFAULT_MAX_TEACHING_PAGES = 20_000;

interface IdPage {
  readonly ids: readonly string[];
  readonly totalCount: number;
}

/**
 * {@link TeachingPageReads} over a source, caching each skill's page as ids. `generation` must
 * change whenever any credential may have changed, after this process's own writes are visible
 * (the live read model's `freshCatalogGeneration`). A skill the source knows nothing of is not
 * cached. A credential deleted by another replica within its polling interval drops out of a
 * cached page (the page is then one short) rather than showing a record that is gone.
 *
 * @example
 * const pages = new CachedTeachingPages(new CatalogRepository(executor), () => live.freshCatalogGeneration());
 * await pages.getTeachingCredentialsPage([skillUri], { offset: 0, limit: 3 }); // the page query
 * await pages.getTeachingCredentialsPage([skillUri], { offset: 0, limit: 3 }); // its 3 credentials by id
 */
export class CachedTeachingPages implements TeachingPageReads {
  private readonly pages: LRUCache<string, IdPage>;
  private readonly gate: GenerationGate;

  constructor(
    private readonly source: TeachingPageSource,
    currentGeneration: () => Promise<unknown>,
    maxPages = DEFAULT_MAX_TEACHING_PAGES,
  ) {
    this.pages = new LRUCache({ max: maxPages });
    this.gate = new GenerationGate(currentGeneration, () => this.pages.clear());
  }

  async getTeachingCredentialsPage(
    uris: readonly string[],
    page: PageRequest,
  ): Promise<Map<string, Page<TeachingCredential>>> {
    const generation = await this.gate.enter();
    const key = (uri: string) => `${page.offset} ${page.limit} ${uri}`;
    const hits = new Map<string, IdPage>();
    const missing: string[] = [];
    for (const uri of new Set(uris)) {
      const cached = this.pages.get(key(uri));
      if (cached) hits.set(uri, cached);
      else missing.push(uri);
    }
    const hitIds = [...new Set([...hits.values()].flatMap((hit) => hit.ids))];
    const [fetched, records] = await Promise.all([
      missing.length > 0
        ? this.source.getTeachingCredentialsPage(missing, page)
        : new Map<string, Page<TeachingCredential>>(),
      hitIds.length > 0 ? this.source.getTeachingCredentialsByIds(hitIds) : new Map<string, TeachingCredential>(),
    ]);
    const result = new Map<string, Page<TeachingCredential>>();
    for (const [uri, hit] of hits) {
      const items = hit.ids.flatMap((id) => {
        const record = records.get(id);
        return record ? [record] : [];
      });
      result.set(uri, { items, totalCount: hit.totalCount, offset: page.offset });
    }
    // A page read while the catalogue changed may be of either version: keep it out of the new one.
    const keep = this.gate.isCurrent(generation);
    for (const [uri, found] of fetched) {
      if (keep)
        this.pages.set(key(uri), { ids: found.items.map((item) => item.credential.id), totalCount: found.totalCount });
      result.set(uri, found);
    }
    return result;
  }
}

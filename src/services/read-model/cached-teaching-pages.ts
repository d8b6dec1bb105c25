/**
 * Pages of the courses teaching a skill (`Skill.taughtBy`) and the courses' records, kept across
 * requests while the catalogue stays the same. Ordering a skill's courses by title means reading
 * every course that teaches it; a browse of an occupation's twenty skills did that twenty times
 * per request, then (pages cached as ids) still read their records by id in one round trip. The
 * key is the read model's catalogue generation: every credential put or removed and every
 * provider changed moves it, on the writing replica before its next request, on the others once
 * their model has applied the change (within the polling interval).
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

/**
 * Course records kept (a summary and its provider, about 1 KB each with a description): the
 * courses of the skills browsed most, a few MB.
 */
export const DEFAULT_MAX_TEACHING_RECORDS = 10_000;

interface IdPage {
  readonly ids: readonly string[];
  readonly totalCount: number;
}

/**
 * {@link TeachingPageReads} over a source, caching each skill's page as ids and each course's
 * record by id. `generation` must change whenever any credential or provider may have changed,
 * after this process's own writes are visible (the live read model's `freshCatalogGeneration`).
 * A skill the source knows nothing of is not cached, nor a record the source no longer has.
 *
 * @example
 * const pages = new CachedTeachingPages(new CatalogRepository(executor), () => live.freshCatalogGeneration());
 * await pages.getTeachingCredentialsPage([skillUri], { offset: 0, limit: 3 }); // the page query
 * await pages.getTeachingCredentialsPage([skillUri], { offset: 0, limit: 3 }); // no query
 */
export class CachedTeachingPages implements TeachingPageReads {
  private readonly pages: LRUCache<string, IdPage>;
  private readonly records: LRUCache<string, TeachingCredential>;
  private readonly gate: GenerationGate;

  constructor(
    private readonly source: TeachingPageSource,
    currentGeneration: () => Promise<unknown>,
    limits: { readonly maxPages?: number; readonly maxRecords?: number } = {},
  ) {
    this.pages = new LRUCache({ max: limits.maxPages ?? DEFAULT_MAX_TEACHING_PAGES });
    this.records = new LRUCache({ max: limits.maxRecords ?? DEFAULT_MAX_TEACHING_RECORDS });
    this.gate = new GenerationGate(currentGeneration, () => {
      this.pages.clear();
      this.records.clear();
    });
  }

  async getTeachingCredentialsPage(
    uris: readonly string[],
    page: PageRequest,
  ): Promise<Map<string, Page<TeachingCredential>>> {
    const generation = await this.gate.enter();
    const hits = new Map<string, IdPage>();
    const missing: string[] = [];
    for (const uri of new Set(uris)) {
      const cached = this.pages.get(pageKey(uri, page));
      if (cached) hits.set(uri, cached);
      else missing.push(uri);
    }
    const records = new Map<string, TeachingCredential>();
    const unknownIds: string[] = [];
    for (const id of new Set([...hits.values()].flatMap((hit) => hit.ids))) {
      const record = this.records.get(id);
      if (record) records.set(id, record);
      else unknownIds.push(id);
    }
    const [fetched, read] = await Promise.all([
      missing.length > 0
        ? this.source.getTeachingCredentialsPage(missing, page)
        : new Map<string, Page<TeachingCredential>>(),
      unknownIds.length > 0
        ? this.source.getTeachingCredentialsByIds(unknownIds)
        : new Map<string, TeachingCredential>(),
    ]);
    // What was read while the catalogue changed may be of either version: keep it out of the new one.
    const keep = this.gate.isCurrent(generation);
    for (const [id, record] of read) {
      records.set(id, record);
      if (keep) this.records.set(id, record);
    }
    const result = new Map<string, Page<TeachingCredential>>();
    for (const [uri, hit] of hits) {
      // A credential deleted since the page was cached drops out (the page is then one short).
      const items = hit.ids.flatMap((id) => {
        const record = records.get(id);
        return record ? [record] : [];
      });
      result.set(uri, { items, totalCount: hit.totalCount, offset: page.offset });
    }
    for (const [uri, found] of fetched) {
      if (keep) this.keepPage(uri, page, found);
      result.set(uri, found);
    }
    return result;
  }

  /**
   * Enters a read made around this cache (one query for several kinds of record): empties the
   * cache if the catalogue changed, and returns the generation to pass to {@link keepPages}.
   */
  enterRead(): Promise<unknown> {
    return this.gate.enter();
  }

  /**
   * Keeps skills' pages (by skill URI) read after {@link enterRead} returned `generation`;
   * nothing is kept if the catalogue changed meanwhile.
   */
  keepPages(generation: unknown, page: PageRequest, pages: ReadonlyMap<string, Page<TeachingCredential>>): void {
    if (!this.gate.isCurrent(generation)) return;
    for (const [uri, found] of pages) this.keepPage(uri, page, found);
  }

  private keepPage(uri: string, page: PageRequest, found: Page<TeachingCredential>): void {
    this.pages.set(pageKey(uri, page), {
      ids: found.items.map((item) => item.credential.id),
      totalCount: found.totalCount,
    });
    for (const item of found.items) this.records.set(item.credential.id, item);
  }
}

function pageKey(uri: string, page: PageRequest): string {
  return `${page.offset} ${page.limit} ${uri}`;
}

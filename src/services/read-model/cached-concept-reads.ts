/**
 * Skill and occupation records by URI, kept across requests for as long as the ESCO graph stays
 * the same. Every coverage answer names its requirements' skills and every ranking its
 * occupations; without this each request paid a database round trip for labels that change only
 * with an ESCO import. The read model already follows imports (an import is a full change, which
 * reloads it), so its generation of full loads is the cache's key: a new generation empties it.
 */
import { LRUCache } from 'lru-cache';
import type { OccupationRow, SkillRow } from '../../db/repositories/esco-rows';
import type { Page, PageRequest } from '../../domain/pagination/cursor';
import { GenerationGate } from './generation-gate';

/** The ESCO reads the DataLoaders make that this caches (methods of `EscoRepository`). */
export interface ConceptReads {
  getSkillsByUris(uris: readonly string[]): Promise<SkillRow[]>;
  getOccupationsByUris(uris: readonly string[]): Promise<OccupationRow[]>;
  /** A page of each occupation's essential or optional skills (an occupation without any: absent). */
  getOccupationSkillsPage(
    uris: readonly string[],
    relation: 'ESSENTIAL' | 'OPTIONAL',
    page: PageRequest,
  ): Promise<Map<string, Page<SkillRow>>>;
}

/** Bounds of the cache; ESCO v1.1.1 has 13,896 skills and 3,007 occupations, so both fit whole. */
export interface ConceptCacheLimits {
  readonly maxSkills: number;
  readonly maxOccupations: number;
  /** Occupation skill pages, kept as skill URIs (the records live in the skill cache). */
  readonly maxSkillPages: number;
}

/**
 * Room for all of ESCO v1.1.1 with margin for a later release: about 25 MB when full (records),
 * plus under 10 MB of pages (a page holds up to `MAX_PAGE_SIZE` URIs the records already hold).
 */
export const DEFAULT_CONCEPT_CACHE_LIMITS: ConceptCacheLimits = {
  maxSkills: 20_000,
  maxOccupations: 5_000,
  maxSkillPages: 20_000,
};

function skillPageKey(uri: string, relation: 'ESSENTIAL' | 'OPTIONAL', page: PageRequest): string {
  return `${relation} ${page.offset} ${page.limit} ${uri}`;
}

/** A cached page: its skills by URI. */
interface UriPage {
  readonly uris: readonly string[];
  readonly totalCount: number;
}

/**
 * {@link ConceptReads} over another one, caching found records by URI. `generation` must resolve
 * to a value that changes whenever the ESCO graph may have changed, after this process's own
 * writes are visible (the live read model's {@link LiveReadModel.freshGeneration}). Records are
 * frozen: they are shared by concurrent requests. URIs that match nothing are not cached, so
 * junk URIs cannot crowd out real ones beyond the LRU bound, and a concept created later is found.
 *
 * @example
 * const concepts = new CachedConceptReads(new EscoRepository(executor), () => live.freshGeneration());
 * await concepts.getSkillsByUris([uri]); // one query
 * await concepts.getSkillsByUris([uri]); // none, until the next ESCO import
 */
export class CachedConceptReads implements ConceptReads {
  private readonly skills: LRUCache<string, SkillRow>;
  private readonly occupations: LRUCache<string, OccupationRow>;
  private readonly skillPages: LRUCache<string, UriPage>;
  private readonly gate: GenerationGate;

  constructor(
    private readonly source: ConceptReads,
    currentGeneration: () => Promise<unknown>,
    limits: ConceptCacheLimits = DEFAULT_CONCEPT_CACHE_LIMITS,
  ) {
    this.skills = new LRUCache({ max: limits.maxSkills });
    this.occupations = new LRUCache({ max: limits.maxOccupations });
    this.skillPages = new LRUCache({ max: limits.maxSkillPages });
    this.gate = new GenerationGate(currentGeneration, () => {
      this.skills.clear();
      this.occupations.clear();
      this.skillPages.clear();
    });
  }

  getSkillsByUris(uris: readonly string[]): Promise<SkillRow[]> {
    return this.read(this.skills, uris, (missing) => this.source.getSkillsByUris(missing));
  }

  getOccupationsByUris(uris: readonly string[]): Promise<OccupationRow[]> {
    return this.read(this.occupations, uris, (missing) => this.source.getOccupationsByUris(missing));
  }

  /**
   * Pages of occupations' skills; a page is served from the cache only while every record on it
   * still is (a page never outlives its skills' records).
   */
  async getOccupationSkillsPage(
    uris: readonly string[],
    relation: 'ESSENTIAL' | 'OPTIONAL',
    page: PageRequest,
  ): Promise<Map<string, Page<SkillRow>>> {
    const generation = await this.gate.enter();
    const pages = new Map<string, Page<SkillRow>>();
    const missing: string[] = [];
    for (const uri of new Set(uris)) {
      const cached = this.cachedSkillsPage(uri, relation, page);
      if (cached) pages.set(uri, cached);
      else missing.push(uri);
    }
    if (missing.length === 0) return pages;
    const fetched = await this.source.getOccupationSkillsPage(missing, relation, page);
    for (const [uri, found] of fetched) {
      this.keepSkillsPage(generation, uri, relation, page, found);
      pages.set(uri, found);
    }
    return pages;
  }

  /**
   * Enters a read made around this cache (one query for several kinds of record): empties the
   * cache if the graph changed, and returns the generation to pass to {@link keepOccupationPage}.
   */
  enterRead(): Promise<unknown> {
    return this.gate.enter();
  }

  /** Whether an occupation's record and that page of its skills are both held. */
  holdsOccupationPage(uri: string, relation: 'ESSENTIAL' | 'OPTIONAL', page: PageRequest): boolean {
    return this.occupations.has(uri) && this.cachedSkillsPage(uri, relation, page) !== undefined;
  }

  /**
   * Keeps an occupation and a page of its skills, read after {@link enterRead} returned
   * `generation`; nothing is kept if the graph changed meanwhile. Freezes the records.
   */
  keepOccupationPage(
    generation: unknown,
    occupation: OccupationRow,
    relation: 'ESSENTIAL' | 'OPTIONAL',
    page: PageRequest,
    skills: Page<SkillRow>,
  ): void {
    Object.freeze(occupation);
    if (this.gate.isCurrent(generation)) this.occupations.set(occupation.uri, occupation);
    this.keepSkillsPage(generation, occupation.uri, relation, page, skills);
  }

  private cachedSkillsPage(
    uri: string,
    relation: 'ESSENTIAL' | 'OPTIONAL',
    page: PageRequest,
  ): Page<SkillRow> | undefined {
    const cached = this.skillPages.get(skillPageKey(uri, relation, page));
    if (cached === undefined) return undefined;
    const items = cached.uris.map((skill) => this.skills.get(skill));
    return items.every((item): item is SkillRow => item !== undefined)
      ? { items, totalCount: cached.totalCount, offset: page.offset }
      : undefined;
  }

  private keepSkillsPage(
    generation: unknown,
    uri: string,
    relation: 'ESSENTIAL' | 'OPTIONAL',
    page: PageRequest,
    found: Page<SkillRow>,
  ): void {
    const keep = this.gate.isCurrent(generation);
    for (const item of found.items) {
      Object.freeze(item);
      if (keep) this.skills.set(item.uri, item);
    }
    if (keep)
      this.skillPages.set(skillPageKey(uri, relation, page), {
        uris: found.items.map((item) => item.uri),
        totalCount: found.totalCount,
      });
  }

  private async read<R extends { uri: string }>(
    cache: LRUCache<string, R>,
    uris: readonly string[],
    fetch: (missing: readonly string[]) => Promise<R[]>,
  ): Promise<R[]> {
    const generation = await this.gate.enter();
    const found: R[] = [];
    const missing: string[] = [];
    for (const uri of new Set(uris)) {
      const hit = cache.get(uri);
      if (hit) found.push(hit);
      else missing.push(uri);
    }
    if (missing.length === 0) return found;
    const fetched = await fetch(missing);
    // A fetch that overlapped an import may hold records of either graph: keep it out of the
    // new generation's cache (the answer itself is as fresh as a database read).
    const keep = this.gate.isCurrent(generation);
    for (const row of fetched) {
      Object.freeze(row);
      if (keep) cache.set(row.uri, row);
      found.push(row);
    }
    return found;
  }
}

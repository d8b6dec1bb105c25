/**
 * Skill and occupation records by URI, kept across requests for as long as the ESCO graph stays
 * the same. Every coverage answer names its requirements' skills and every ranking its
 * occupations; without this each request paid a database round trip for labels that change only
 * with an ESCO import. The read model already follows imports (an import is a full change, which
 * reloads it), so its generation of full loads is the cache's key: a new generation empties it.
 */
import { LRUCache } from 'lru-cache';
import type { OccupationRow, SkillRow } from '../../db/repositories/esco-rows';

/** The record reads the skill and occupation DataLoaders make (the methods of `EscoRepository`). */
export interface ConceptReads {
  getSkillsByUris(uris: readonly string[]): Promise<SkillRow[]>;
  getOccupationsByUris(uris: readonly string[]): Promise<OccupationRow[]>;
}

/** Bounds of the cache; ESCO v1.1.1 has 13,896 skills and 3,007 occupations, so both fit whole. */
export interface ConceptCacheLimits {
  readonly maxSkills: number;
  readonly maxOccupations: number;
}

/** Room for all of ESCO v1.1.1 with margin for a later release; about 25 MB when full. */
export const DEFAULT_CONCEPT_CACHE_LIMITS: ConceptCacheLimits = { maxSkills: 20_000, maxOccupations: 5_000 };

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
  private generation: unknown;

  constructor(
    private readonly source: ConceptReads,
    private readonly currentGeneration: () => Promise<unknown>,
    limits: ConceptCacheLimits = DEFAULT_CONCEPT_CACHE_LIMITS,
  ) {
    this.skills = new LRUCache({ max: limits.maxSkills });
    this.occupations = new LRUCache({ max: limits.maxOccupations });
  }

  getSkillsByUris(uris: readonly string[]): Promise<SkillRow[]> {
    return this.read(this.skills, uris, (missing) => this.source.getSkillsByUris(missing));
  }

  getOccupationsByUris(uris: readonly string[]): Promise<OccupationRow[]> {
    return this.read(this.occupations, uris, (missing) => this.source.getOccupationsByUris(missing));
  }

  private async read<R extends { uri: string }>(
    cache: LRUCache<string, R>,
    uris: readonly string[],
    fetch: (missing: readonly string[]) => Promise<R[]>,
  ): Promise<R[]> {
    const generation = await this.currentGeneration();
    if (generation !== this.generation) {
      this.skills.clear();
      this.occupations.clear();
      this.generation = generation;
    }
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
    const keep = this.generation === generation;
    for (const row of fetched) {
      Object.freeze(row);
      if (keep) cache.set(row.uri, row);
      found.push(row);
    }
    return found;
  }
}

/**
 * Micro-credential records by id (the `credential` DataLoader's read), kept across requests while
 * the catalogue stays the same. Every plan names its steps' courses; under load that one read
 * came last, after the plan, and took 50-450 ms at 16 concurrent reskilling requests on two cores
 * (Neo4j shares them), pushing answers past their deadline. The key is the read model's catalogue
 * generation, as for `CachedTeachingPages`: every credential put or removed and every provider
 * changed moves it, on the writing replica before its next request, on the others once their
 * model has applied the change (within the polling interval).
 */
import { LRUCache } from 'lru-cache';
import type { CredentialRow } from '../../db/repositories/catalog-rows';
import { GenerationGate } from './generation-gate';

/** The read the `credential` DataLoader makes (a method of `CatalogRepository`). */
export interface CredentialReads {
  getCredentialsByIds(ids: readonly string[]): Promise<CredentialRow[]>;
}

/**
 * Records kept: a course with its description and taught skills is 1-3 KB, so the default holds
 * the courses plans and pages name most in 10-30 MB at most.
 */
export const DEFAULT_MAX_CREDENTIAL_RECORDS = 10_000;

/**
 * {@link CredentialReads} over a source, caching each found record by id. `generation` must
 * change whenever any credential or provider may have changed, after this process's own writes
 * are visible (the live read model's `freshCatalogGeneration`). Ids that match nothing are not
 * cached (a credential created later is found); records are frozen, as concurrent requests share
 * them.
 *
 * @example
 * const credentials = new CachedCredentialReads(new CatalogRepository(executor), () => live.freshCatalogGeneration());
 * await credentials.getCredentialsByIds(['c1']); // one query
 * await credentials.getCredentialsByIds(['c1']); // none, until a credential or provider changes
 */
export class CachedCredentialReads implements CredentialReads {
  private readonly records: LRUCache<string, CredentialRow>;
  private readonly gate: GenerationGate;

  constructor(
    private readonly source: CredentialReads,
    currentGeneration: () => Promise<unknown>,
    maxRecords: number = DEFAULT_MAX_CREDENTIAL_RECORDS,
  ) {
    this.records = new LRUCache({ max: maxRecords });
    this.gate = new GenerationGate(currentGeneration, () => this.records.clear());
  }

  /** The records of the ids found, cached ones first, in no particular order. */
  async getCredentialsByIds(ids: readonly string[]): Promise<CredentialRow[]> {
    const generation = await this.gate.enter();
    const found: CredentialRow[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = this.records.get(id);
      if (cached) found.push(cached);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const read = await this.source.getCredentialsByIds(missing);
    // What was read while the catalogue changed may be of either version: keep it out of the new one.
    const keep = this.gate.isCurrent(generation);
    for (const row of read) {
      const frozen = Object.freeze(row);
      if (keep) this.records.set(row.id, frozen);
      found.push(frozen);
    }
    return found;
  }
}

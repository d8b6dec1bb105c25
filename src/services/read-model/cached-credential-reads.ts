/**
 * Micro-credential records by id (the `credential` DataLoader's read), kept across requests while
 * the catalogue stays the same. Every plan names its steps' courses; under load that one read
 * came last, after the plan, and took 50-450 ms at 16 concurrent reskilling requests on two cores
 * (Neo4j shares them), pushing answers past their deadline. The key is the read model's catalogue
 * generation, as for `CachedTeachingPages`: every credential put or removed and every provider
 * changed moves it, on the writing replica before its next request, on the others once their
 * model has applied the change (within the polling interval). A plan now starts that read with its
 * heuristic answers (`prefetch`), and its reply joins it.
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

/** A read of the source under way: the ids it asks for, answered as one map. */
interface PendingRead {
  readonly generation: unknown;
  readonly rows: Promise<ReadonlyMap<string, CredentialRow>>;
}

/**
 * {@link CredentialReads} over a source, caching each found record by id. `generation` must
 * change whenever any credential or provider may have changed, after this process's own writes
 * are visible (the live read model's `freshCatalogGeneration`). Ids that match nothing are not
 * cached (a credential created later is found); records are frozen, as concurrent requests share
 * them. An id already being read in the current generation joins that read instead of reading
 * again: a plan's reply joins the read its heuristic answer started ({@link prefetch}), and
 * concurrent requests naming the same course read it once.
 *
 * @example
 * const credentials = new CachedCredentialReads(new CatalogRepository(executor), () => live.freshCatalogGeneration());
 * await credentials.getCredentialsByIds(['c1']); // one query
 * await credentials.getCredentialsByIds(['c1']); // none, until a credential or provider changes
 */
export class CachedCredentialReads implements CredentialReads {
  private readonly records: LRUCache<string, CredentialRow>;
  private readonly gate: GenerationGate;
  private readonly pending = new Map<string, PendingRead>();

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
    const joined = new Map<PendingRead, string[]>();
    for (const id of new Set(ids)) {
      const cached = this.records.get(id);
      const pending = this.pending.get(id);
      if (cached) found.push(cached);
      else if (pending !== undefined && pending.generation === generation) {
        const joinedIds = joined.get(pending);
        if (joinedIds) joinedIds.push(id);
        else joined.set(pending, [id]);
      } else missing.push(id);
    }
    if (missing.length === 0 && joined.size === 0) return found;
    const own = missing.length > 0 ? this.read(missing, generation).rows : undefined;
    for (const [pending, joinedIds] of joined) {
      // Another caller's read fails with that caller (its request was cancelled, say): not a
      // reason for this one to fail, so its ids are read again here.
      const rows = await pending.rows.catch(() => undefined);
      if (rows) found.push(...joinedIds.flatMap((id) => rows.get(id) ?? []));
      else for (const row of await this.source.getCredentialsByIds(joinedIds)) found.push(Object.freeze(row));
    }
    if (own !== undefined) for (const row of (await own).values()) found.push(row);
    return found;
  }

  /**
   * Starts reading the records of `ids` not cached yet, for a reply expected to name them soon
   * (a plan's heuristic answer names most of the courses of its final one); a failed read is
   * forgotten, and the reply reads again.
   */
  prefetch(ids: readonly string[]): void {
    this.getCredentialsByIds(ids).catch(() => undefined);
  }

  /** Reads `ids` from the source, cached if the generation still stands; joinable meanwhile. */
  private read(ids: readonly string[], generation: unknown): PendingRead {
    const rows = this.source.getCredentialsByIds(ids).then((read) => {
      // What was read while the catalogue changed may be of either version: keep it out of the new one.
      const keep = this.gate.isCurrent(generation);
      const byId = new Map<string, CredentialRow>();
      for (const row of read) {
        const frozen = Object.freeze(row);
        if (keep) this.records.set(row.id, frozen);
        byId.set(row.id, frozen);
      }
      return byId;
    });
    const pending: PendingRead = { generation, rows };
    for (const id of ids) this.pending.set(id, pending);
    const settled = () => {
      for (const id of ids) if (this.pending.get(id) === pending) this.pending.delete(id);
    };
    rows.then(settled, settled);
    return pending;
  }
}

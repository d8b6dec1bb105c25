/**
 * Reads what the in-memory read model holds, by pages (so a large population never arrives in one
 * result), and the change log that keeps it fresh. Every read is its own read transaction: a full
 * load is not one snapshot, which is why the loader notes the change sequence first and applies
 * the changes committed meanwhile afterwards.
 */
import type { QueryRunner, Row } from '../neo4j-executor';
import type {
  BroaderRow,
  CredentialRow,
  HoldingRow,
  LearnerRow,
  OccupationRow,
  PostingRow,
} from '../../domain/read-model/read-model-rows';

/** Rows per page of a full load. */
export const READ_MODEL_PAGE_SIZE = 5_000;

/** A learner row of `get-learners-page` / `get-learners-by-ids`, its holdings turned into records. */
function learnerRow(row: Row): LearnerRow {
  return {
    id: row.id as string,
    matchingConsent: row.matchingConsent === true,
    holdings: (row.holdings as [string, unknown, unknown, HoldingRow['verificationStatus']][]).map(
      ([credentialId, issuedOn, expiresOn, verificationStatus]) => ({
        credentialId,
        issuedOn,
        expiresOn,
        verificationStatus,
      }),
    ),
    declaredSkillUris: row.declaredSkillUris as string[],
    displayName: typeof row.displayName === 'string' ? row.displayName : null,
  };
}

/** One committed change of the log. */
export interface ChangeRow {
  readonly seq: number;
  readonly full: boolean;
  readonly learnerIds: readonly string[];
  readonly credentialIds: readonly string[];
  readonly postingIds: readonly string[];
  readonly providerIds: readonly string[];
}

/** Queries of the read model's loader. */
export class ReadModelRepository {
  constructor(
    private readonly executor: QueryRunner,
    private readonly pageSize: number = READ_MODEL_PAGE_SIZE,
  ) {}

  /**
   * Pages through a query keyed by `key` (ascending), handing each page to `onPage`. The next page
   * is requested before `onPage` runs, so the database reads page n + 1 while this process builds
   * page n.
   */
  private async paged(name: string, key: string, onPage: (rows: Row[]) => void): Promise<void> {
    let pending = this.executor.read(name, { after: '', limit: this.pageSize });
    for (;;) {
      const rows = await pending;
      if (rows.length === 0) return;
      const full = rows.length === this.pageSize;
      if (full)
        pending = this.executor.read(name, { after: rows[rows.length - 1]![key] as string, limit: this.pageSize });
      try {
        onPage(rows);
      } catch (error) {
        // The prefetched page is abandoned; its rejection must not go unhandled.
        if (full) pending.catch(() => undefined);
        throw error;
      }
      if (!full) return;
    }
  }

  /** cypher/read-model/get-skills-page: every skill URI and BROADER link. */
  async loadSkills(): Promise<{ uris: string[]; broader: BroaderRow[] }> {
    const uris: string[] = [];
    const broader: BroaderRow[] = [];
    await this.paged('read-model/get-skills-page', 'uri', (rows) => {
      for (const row of rows) {
        const uri = row.uri as string;
        uris.push(uri);
        for (const broaderUri of row.broaderUris as string[]) broader.push({ narrowerUri: uri, broaderUri });
      }
    });
    return { uris, broader };
  }

  /** cypher/read-model/get-occupations-page */
  async loadOccupations(): Promise<OccupationRow[]> {
    const all: OccupationRow[] = [];
    await this.paged('read-model/get-occupations-page', 'uri', (rows) =>
      all.push(...(rows as unknown as OccupationRow[])),
    );
    return all;
  }

  /** cypher/read-model/get-credentials-page */
  loadCredentials(onPage: (rows: CredentialRow[]) => void): Promise<void> {
    return this.paged('read-model/get-credentials-page', 'id', (rows) => onPage(rows as unknown as CredentialRow[]));
  }

  /** cypher/read-model/get-learners-page */
  loadLearners(onPage: (rows: LearnerRow[]) => void): Promise<void> {
    return this.paged('read-model/get-learners-page', 'id', (rows) => onPage(rows.map(learnerRow)));
  }

  /** cypher/read-model/get-postings-page */
  loadPostings(onPage: (rows: PostingRow[]) => void): Promise<void> {
    return this.paged('read-model/get-postings-page', 'id', (rows) => onPage(rows as unknown as PostingRow[]));
  }

  /** cypher/read-model/get-credentials-by-ids (the ones that exist) */
  async getCredentials(ids: readonly string[]): Promise<CredentialRow[]> {
    if (ids.length === 0) return [];
    return (await this.executor.read('read-model/get-credentials-by-ids', { ids })) as unknown as CredentialRow[];
  }

  /** cypher/read-model/get-learners-by-ids (the ones that exist) */
  async getLearners(ids: readonly string[]): Promise<LearnerRow[]> {
    if (ids.length === 0) return [];
    return (await this.executor.read('read-model/get-learners-by-ids', { ids })).map(learnerRow);
  }

  /** cypher/read-model/get-postings-by-ids (the ones that exist) */
  async getPostings(ids: readonly string[]): Promise<PostingRow[]> {
    if (ids.length === 0) return [];
    return (await this.executor.read('read-model/get-postings-by-ids', { ids })) as unknown as PostingRow[];
  }

  /** cypher/read-model/get-change-seq */
  async getChangeSeq(): Promise<number> {
    const [row] = await this.executor.read('read-model/get-change-seq');
    return Number(row?.seq ?? 0);
  }

  /** cypher/read-model/get-changes-since (oldest first, at most `limit`) */
  async getChangesSince(since: number, limit: number): Promise<ChangeRow[]> {
    const rows = await this.executor.read('read-model/get-changes-since', { since, limit });
    return rows.map((row) => ({
      seq: Number(row.seq),
      full: row.full === true,
      learnerIds: (row.learnerIds as string[] | null) ?? [],
      credentialIds: (row.credentialIds as string[] | null) ?? [],
      postingIds: (row.postingIds as string[] | null) ?? [],
      providerIds: (row.providerIds as string[] | null) ?? [],
    }));
  }

  /** cypher/read-model/prune-changes: deletes up to `limit` changes older than `before`. */
  async pruneChanges(before: Date, limit: number): Promise<number> {
    const [row] = await this.executor.write('read-model/prune-changes', { before: before.toISOString(), limit });
    return Number(row?.deleted ?? 0);
  }
}

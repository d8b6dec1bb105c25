/** Job postings. */
import type { QueryRunner } from '../neo4j-executor';
import type { ValidJobPosting } from '../../domain/catalog/job-posting-input';
import { findMissingReferences } from './reference-check';
import { assertOwnerInScope } from '../../domain/access/access-rules';
import type { JobPostingRow } from './catalog-rows';

/** Reads and writes job postings. */
export class JobPostingRepository {
  constructor(private readonly executor: QueryRunner) {}

  /**
   * cypher/postings/merge-job-posting, after cypher/locks/lock-or-create-job-posting and
   * cypher/postings/get-job-posting-owner in the same transaction.
   *
   * @param scope the portal the writer is confined to (null: ADMIN): another portal's existing
   *   posting is FORBIDDEN, checked after the posting is locked.
   */
  async mergeJobPosting(valid: ValidJobPosting, scope: string | null = null, runner: QueryRunner = this.executor): Promise<string> {
    return runner.transaction('WRITE', async (tx) => {
      const postingId = valid.record.id;
      const [lock] = await tx.write('locks/lock-or-create-job-posting', { postingId, now: new Date().toISOString() });
      if (lock?.created !== true) {
        const [owner] = await tx.read('postings/get-job-posting-owner', { postingId });
        assertOwnerInScope(scope, (owner?.portalId as string | null) ?? null, `job posting ${postingId}`);
      }
      await findMissingReferences(tx, { occupationUris: [valid.record.occupationUri], skillUris: valid.requirements.map((r) => r.uri) });
      const [row] = await tx.write('postings/merge-job-posting', {
        posting: valid.record,
        copyOccupation: valid.copyOccupation,
        requirements: valid.requirements,
        now: new Date().toISOString(),
      });
      return row!.id as string;
    });
  }

  /** cypher/postings/get-job-postings-by-ids */
  async getJobPostingsByIds(ids: readonly string[], runner: QueryRunner = this.executor): Promise<JobPostingRow[]> {
    const rows = await runner.read('postings/get-job-postings-by-ids', { ids });
    return rows.map((row) => {
      const posting = row.posting as JobPostingRow;
      return { ...posting, essentialCount: posting.essentialCount ?? 0, optionalCount: posting.optionalCount ?? 0 };
    });
  }
}

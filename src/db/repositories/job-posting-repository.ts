/** Job postings. */
import type { QueryRunner } from '../neo4j-executor';
import type { ValidJobPosting } from '../../domain/catalog/job-posting-input';
import { findMissingReferences } from './reference-check';
import { assertOwnerInScope } from '../../domain/access/access-rules';
import type { JobPostingRow } from './catalog-rows';
import { NotFoundError } from '../../domain/errors';
import type { Page, PageRequest } from '../../domain/pagination/cursor';

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
  async mergeJobPosting(
    valid: ValidJobPosting,
    scope: string | null = null,
    runner: QueryRunner = this.executor,
  ): Promise<string> {
    return runner.transaction('WRITE', async (tx) => {
      const postingId = valid.record.id;
      let [lock] = await tx.write('locks/lock-or-create-job-posting', { postingId, now: new Date().toISOString() });
      if (lock?.created !== true) {
        let [owner] = await tx.read('postings/get-job-posting-owner', { postingId });
        if (!owner) {
          // deleteJobPosting removed the posting while this waited for its lock: create it afresh.
          [lock] = await tx.write('locks/lock-or-create-job-posting', { postingId, now: new Date().toISOString() });
          if (lock?.created !== true) [owner] = await tx.read('postings/get-job-posting-owner', { postingId });
        }
        if (lock?.created !== true)
          assertOwnerInScope(scope, (owner?.portalId as string | null) ?? null, `job posting ${postingId}`);
      }
      await findMissingReferences(tx, {
        occupationUris: [valid.record.occupationUri],
        skillUris: valid.requirements.map((r) => r.uri),
      });
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

  /**
   * cypher/postings/list-portal-postings: one page of a portal's own postings (ids), by title then
   * id. Cost: one index seek on `portalId` and the portal's postings (migration 160).
   */
  async listPortalPostings(portalId: string, page: PageRequest): Promise<Page<string>> {
    const [row] = await this.executor.read('postings/list-portal-postings', {
      portalId,
      offset: page.offset,
      limit: page.limit,
    });
    return { items: (row?.ids as string[]) ?? [], totalCount: (row?.totalCount as number) ?? 0, offset: page.offset };
  }

  /**
   * cypher/postings/delete-job-posting after cypher/locks/lock-job-posting and
   * cypher/postings/get-job-posting-owner in the same transaction: the posting is locked before
   * its owner is compared, so a concurrent upsert or delete cannot slip in between.
   *
   * @param scope the portal the caller is confined to (null: ADMIN).
   * @throws NotFoundError no such posting (or deleted meanwhile).
   * @throws ForbiddenError the posting belongs to another portal.
   */
  async deleteJobPosting(postingId: string, scope: string | null, runner: QueryRunner = this.executor): Promise<void> {
    await runner.transaction('WRITE', async (tx) => {
      const [lock] = await tx.write('locks/lock-job-posting', { postingId });
      if (!lock) throw new NotFoundError(`unknown job posting: ${postingId}`, { items: [postingId] });
      const [owner] = await tx.read('postings/get-job-posting-owner', { postingId });
      assertOwnerInScope(scope, (owner?.portalId as string | null) ?? null, `job posting ${postingId}`);
      const [row] = await tx.write('postings/delete-job-posting', { postingId });
      if (row?.deleted !== true) throw new NotFoundError(`unknown job posting: ${postingId}`, { items: [postingId] });
    });
  }
}

/** Job postings. */
import type { Neo4jExecutor } from '../neo4j-executor';
import type { ValidJobPosting } from '../../domain/catalog/job-posting-input';
import { findMissingReferences } from './reference-check';
import type { JobPostingRow } from './catalog-rows';

/** Reads and writes job postings. */
export class JobPostingRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** cypher/postings/merge-job-posting */
  async mergeJobPosting(valid: ValidJobPosting): Promise<string> {
    return this.executor.writeTransaction(async (tx) => {
      await findMissingReferences(tx, { occupationUris: [valid.record.occupationUri], skillUris: valid.requirements.map((r) => r.uri) });
      const [row] = await tx.run('postings/merge-job-posting', {
        posting: valid.record,
        copyOccupation: valid.copyOccupation,
        requirements: valid.requirements,
        now: new Date().toISOString(),
      });
      return row!.id as string;
    });
  }

  /** cypher/postings/get-job-postings-by-ids */
  async getJobPostingsByIds(ids: readonly string[]): Promise<JobPostingRow[]> {
    const rows = await this.executor.read('postings/get-job-postings-by-ids', { ids });
    return rows.map((row) => {
      const posting = row.posting as JobPostingRow;
      return { ...posting, essentialCount: posting.essentialCount ?? 0, optionalCount: posting.optionalCount ?? 0 };
    });
  }
}

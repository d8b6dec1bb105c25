/** The demo loader's own writes (`cypher/demo/*`); providers, credentials, learners and postings go through PopulationRepository. */
import type { Neo4jExecutor } from '../../db/neo4j-executor';

/** Database access of the demo loader. */
export class DemoRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** cypher/demo/link-credential-parts (one transaction) */
  async linkCredentialParts(rows: readonly { id: string; partOfId: string }[]): Promise<void> {
    await this.executor.write('demo/link-credential-parts', { rows });
  }

  /** cypher/demo/grant-advisor-access (one transaction) */
  async grantAdvisorAccess(rows: readonly { learnerId: string; advisorSubjects: readonly string[] }[], now: string): Promise<void> {
    await this.executor.write('demo/grant-advisor-access', { rows, now });
  }
}

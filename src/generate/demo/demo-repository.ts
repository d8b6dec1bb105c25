/** The demo loader's own writes (`cypher/demo/*`); providers, credentials, learners and postings go through PopulationRepository. */
import type { Neo4jExecutor } from '../../db/neo4j-executor';
import type { DemoGraphState } from './demo-seeding-plan';

/** Database access of the demo loader. */
export class DemoRepository {
  constructor(private readonly executor: Neo4jExecutor) {}

  /** cypher/demo/link-credential-parts (one transaction) */
  async linkCredentialParts(rows: readonly { id: string; partOfId: string }[]): Promise<void> {
    await this.executor.write('demo/link-credential-parts', { rows });
  }

  /** cypher/demo/grant-advisor-access (one transaction) */
  async grantAdvisorAccess(
    rows: readonly { learnerId: string; advisorSubjects: readonly string[] }[],
    now: string,
  ): Promise<void> {
    await this.executor.write('demo/grant-advisor-access', { rows, now });
  }

  /** cypher/demo/get-demo-state */
  async getDemoState(): Promise<DemoGraphState> {
    const [row] = await this.executor.read('demo/get-demo-state');
    return {
      skills: Number(row?.skills ?? 0),
      escoVersion: (row?.escoVersion as string | null | undefined) ?? null,
      demoState: (row?.demoState as string | null | undefined) ?? null,
    };
  }

  /** cypher/demo/merge-demo-state (one transaction) */
  async recordDemoState(state: 'loading' | 'loaded', now: string): Promise<void> {
    await this.executor.write('demo/merge-demo-state', { state, now });
  }
}

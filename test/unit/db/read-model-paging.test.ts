/**
 * The read model's loader pages by key and asks for page n + 1 before building page n (issue #12:
 * load time at start). A query runner over an in-memory table stands in for the database: what is
 * checked is the paging, not Cypher.
 */
import { describe, expect, it } from 'vitest';
import type { QueryRunner, Row } from '../../../src/db/neo4j-executor';
import { ReadModelRepository } from '../../../src/db/repositories/read-model-repository';
import type { LearnerRow } from '../../../src/domain/read-model/read-model-rows';

function learnerTable(count: number): LearnerRow[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `learner-${String(i).padStart(4, '0')}`,
    matchingConsent: false,
    holdings: [],
    declaredSkillUris: [],
  }));
}

/** Answers keyed pages of `table` and logs every request and every page handed out. */
function tableRunner(table: readonly LearnerRow[], log: string[]): QueryRunner {
  return {
    async read(_name: string, params?: Record<string, unknown>): Promise<Row[]> {
      const after = params?.after as string;
      const limit = params?.limit as number;
      log.push(`read after '${after}'`);
      await Promise.resolve();
      return table.filter((row) => row.id > after).slice(0, limit) as unknown as Row[];
    },
    write: () => Promise.reject(new Error('the loader never writes')),
    transaction: () => Promise.reject(new Error('the loader opens no transaction')),
  };
}

describe('read model loader paging', () => {
  it.each([0, 1, 9, 10, 11, 23])('hands over all %i rows once, in key order', async (count) => {
    const table = learnerTable(count);
    const repo = new ReadModelRepository(tableRunner(table, []), 5);
    const seen: string[] = [];
    await repo.loadLearners((rows) => seen.push(...rows.map((row) => row.id)));
    expect(seen).toEqual(table.map((row) => row.id));
  });

  it('requests the next page before building the current one', async () => {
    const log: string[] = [];
    const repo = new ReadModelRepository(tableRunner(learnerTable(12), log), 5);
    await repo.loadLearners((rows) => log.push(`build ${rows[0]!.id}..${rows.at(-1)!.id}`));
    expect(log).toEqual([
      "read after ''",
      "read after 'learner-0004'",
      'build learner-0000..learner-0004',
      "read after 'learner-0009'",
      'build learner-0005..learner-0009',
      'build learner-0010..learner-0011',
    ]);
  });

  it('fails with the page builder’s error, leaving no unhandled rejection behind', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failing: QueryRunner = {
        ...tableRunner(learnerTable(12), []),
        read: async (_name, params) => {
          if (params?.after !== '') throw new Error('connection lost');
          return learnerTable(5) as unknown as Row[];
        },
      };
      const repo = new ReadModelRepository(failing, 5);
      await expect(
        repo.loadLearners(() => {
          throw new Error('bad row');
        }),
      ).rejects.toThrow('bad row');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

/**
 * The start-up warm-up plans the request path's reads with the same parameter types and size
 * buckets the repositories send, so their first real runs find their plans cached in Neo4j.
 * Counted with Neo4j's own plan cache: `db.clearQueryCaches()` reports how many plans it held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/test-database';
import { hotReadQueryWarmUps } from '../../src/db/plan-warm-up/hot-read-queries';
import { warmQueryPlans } from '../../src/db/plan-warm-up/warm-query-plans';
import { BrowseRepository } from '../../src/db/repositories/browse-repository';
import { CatalogRepository } from '../../src/db/repositories/catalog-repository';
import { EscoRepository } from '../../src/db/repositories/esco-repository';
import { LearnerRepository } from '../../src/db/repositories/learner-repository';
import { ReadModelRepository } from '../../src/db/repositories/read-model-repository';
import { labelKey, toFullTextQuery } from '../../src/domain/search/full-text-query';

let db: TestDatabase;

/** Empties Neo4j's query caches and returns how many plans they held. */
async function clearPlans(): Promise<number> {
  const { records } = await db.driver.executeQuery('CALL db.clearQueryCaches()');
  const message = String(records[0]?.get('value') ?? '');
  if (/already empty/i.test(message)) return 0;
  const count = /cleared of (\d+) quer/i.exec(message);
  if (!count) throw new Error(`unexpected answer from db.clearQueryCaches(): ${message}`);
  return Number(count[1]);
}

/**
 * Reads as requests make them: single ids, DataLoader batches, a plan's courses, a browse, the read
 * model's re-read after a write, searches.
 */
async function requestLikeReads(): Promise<void> {
  const ids = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `query-plan-test-${tag}-${i}`);
  const catalog = new CatalogRepository(db.executor);
  const esco = new EscoRepository(db.executor);
  await catalog.getCredentialsByIds(ids(1, 'a'));
  await catalog.getCredentialsByIds(ids(4, 'b'));
  await catalog.getCredentialsByIds(ids(37, 'c'));
  await esco.getSkillsByUris(ids(9, 'd'));
  await esco.getOccupationsByUris(ids(1, 'e'));
  await new LearnerRepository(db.executor).getLearnersByIds(ids(2, 'f'));
  await new BrowseRepository(db.executor).getOccupationBrowse(ids(1, 'g'), {
    relation: 'OPTIONAL',
    skillPage: { offset: 0, limit: 50 },
    coursePage: { offset: 0, limit: 5 },
  });
  // The read model's re-read after a learner's write.
  await new ReadModelRepository(db.executor).getLearners(ids(1, 'h'));
  await esco.searchSkills(toFullTextQuery('welding'), labelKey('welding'), 25);
  await esco.searchSkills(toFullTextQuery('Project Management'), labelKey('Project Management'), 25);
}

beforeAll(async () => {
  db = await openTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

describe('query plan warm-up', () => {
  it("caches one plan for each of its queries' parameter sizes", async () => {
    await clearPlans();
    const warmUps = hotReadQueryWarmUps();
    const summary = await warmQueryPlans(db.executor, warmUps);
    expect(summary).toMatchObject({ planned: warmUps.length, failed: 0, skipped: 0 });
    expect(await clearPlans()).toBe(warmUps.length);
  });

  it('leaves nothing to plan for reads shaped like requests', async () => {
    // Without the warm-up the same reads need plans of their own (the check can fail).
    await clearPlans();
    await requestLikeReads();
    const unwarmed = await clearPlans();
    expect(unwarmed).toBeGreaterThanOrEqual(9);

    const warmUps = hotReadQueryWarmUps();
    await warmQueryPlans(db.executor, warmUps);
    await requestLikeReads();
    expect(await clearPlans()).toBe(warmUps.length);
  });

  it('reports a query it cannot plan and goes on with the rest', async () => {
    const failed: string[] = [];
    const summary = await warmQueryPlans(
      db.executor,
      [{ name: 'catalog/get-credentials-by-ids', params: { id: 'one' } }, ...hotReadQueryWarmUps().slice(0, 1)],
      { onFailure: (warmUp) => failed.push(warmUp.name) },
    );
    expect(failed).toEqual(['catalog/get-credentials-by-ids']);
    expect(summary).toMatchObject({ planned: 1, failed: 1 });
  });
});

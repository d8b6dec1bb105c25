/**
 * Loads `seed/demo/` (invented catalog, learners, advisor grants, portal postings) into a graph
 * that already holds the ESCO demo seed: batched UNWIND writes through the generator's queries,
 * in dependency order (providers, credentials, stacks, learners, grants, postings).
 */
import type { Neo4jExecutor } from '../../db/neo4j-executor';
import { PopulationRepository } from '../population-repository';
import { DemoRepository } from './demo-repository';
import { readDemoFiles } from './demo-files';
import type { DemoData } from './build-demo-data';

/** Rows per write transaction: a few hundred keeps each transaction well under a second. */
const BATCH = 250;

/** What was loaded. */
export interface DemoLoadSummary {
  readonly providers: number;
  readonly credentials: number;
  readonly learners: number;
  readonly postings: number;
  readonly millis: number;
}

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/**
 * Writes the demo data. Not idempotent (ids are created, not merged): call it only on the empty
 * graph the ESCO demo seed was just loaded into.
 *
 * @example
 * await loadDemoSeed(db.executor);
 * await loadDemoData(db.executor);
 */
export async function loadDemoData(
  executor: Neo4jExecutor,
  data: DemoData = readDemoFiles(),
  now: string = new Date().toISOString(),
): Promise<DemoLoadSummary> {
  const started = Date.now();
  const population = new PopulationRepository(executor);
  const demo = new DemoRepository(executor);
  await population.createProviders(data.providers, now);
  for (const rows of batches(data.credentials)) {
    await population.createCredentials(
      rows.map((row) => ({ ...row, occupationIndex: 0 })),
      now,
    );
  }
  const parts = data.credentials.flatMap((c) => (c.partOfId === null ? [] : [{ id: c.id, partOfId: c.partOfId }]));
  for (const rows of batches(parts)) await demo.linkCredentialParts(rows);
  for (const rows of batches(data.learners)) await population.createLearners(rows, now);
  const grants = data.learners
    .filter((l) => l.advisorSubjects.length > 0)
    .map((l) => ({ learnerId: l.id, advisorSubjects: l.advisorSubjects }));
  await demo.grantAdvisorAccess(grants, now);
  for (const rows of batches(data.postings)) await population.createPostings(rows, now);
  return {
    providers: data.providers.length,
    credentials: data.credentials.length,
    learners: data.learners.length,
    postings: data.postings.length,
    millis: Date.now() - started,
  };
}

/**
 * The demo a first `npm start` loads: the ESCO demo seed, then the invented catalog and
 * population of `seed/demo/`. The load is marked in the graph before its first write and after its
 * last, so a start stopped half-way (Ctrl-C, a crash, a supervisor's kill) is finished by the next
 * start instead of leaving a graph without learners that no later start would fill.
 */
import type { Neo4jExecutor } from '../../db/neo4j-executor';
import { loadDemoSeed } from '../../esco/import/demo-seed';
import type { ImportSummary } from '../../esco/import/import-summary';
import { wipePopulation } from '../generate-population';
import { DemoRepository } from './demo-repository';
import { loadDemoData, type DemoLoadSummary } from './load-demo-data';
import { planDemoSeeding, type DemoSeedingPlan } from './demo-seeding-plan';

/** Every demo id starts with this prefix (providers, credentials, learners, postings). */
export const DEMO_ID_PREFIX = 'demo-';

/** What a start loaded; `plan` says which steps ran. */
export interface DemoSeedingOutcome {
  readonly plan: DemoSeedingPlan;
  readonly esco?: ImportSummary;
  /** Nodes of an interrupted demo load removed before loading it again. */
  readonly wipedNodes?: number;
  readonly demo?: DemoLoadSummary;
}

/** Progress lines for the start-up log. */
export interface DemoSeedingLog {
  info(message: string): void;
}

/**
 * Seeds the demo when the graph is empty or an earlier demo load was interrupted; otherwise does
 * nothing. Not meant for two processes starting on the same empty graph at once: start one first.
 *
 * @example
 * const outcome = await seedDemoIfNeeded(db.executor, config.seedOnEmpty, logger);
 * if (outcome.demo) logger.info({ demo: outcome.demo }, 'demo loaded');
 */
export async function seedDemoIfNeeded(
  executor: Neo4jExecutor,
  seedOnEmpty: boolean,
  log: DemoSeedingLog,
): Promise<DemoSeedingOutcome> {
  const repo = new DemoRepository(executor);
  const plan = planDemoSeeding(await repo.getDemoState(), seedOnEmpty);
  if (!plan.loadEscoSeed && !plan.loadDemoData) return { plan };
  await repo.recordDemoState('loading', new Date().toISOString());
  let esco: ImportSummary | undefined;
  if (plan.loadEscoSeed) {
    log.info(
      plan.resuming
        ? 'An earlier start was stopped while loading the demo: loading the ESCO demo seed again'
        : 'Empty graph: loading the ESCO demo seed',
    );
    esco = await loadDemoSeed(executor);
  }
  let wipedNodes = 0;
  if (plan.resuming) {
    log.info(
      'An earlier start was stopped while loading the demo: removing its partial demo data and loading it again',
    );
    wipedNodes = await wipePopulation(executor, DEMO_ID_PREFIX);
  }
  log.info(
    (esco ? `ESCO demo seed loaded in ${(esco.durationMs / 1000).toFixed(1)} s; ` : '') +
      'loading the invented demo catalog, learners, advisor grants and portal postings',
  );
  const demo = await loadDemoData(executor);
  await repo.recordDemoState('loaded', new Date().toISOString());
  return { plan, ...(esco ? { esco } : {}), wipedNodes, demo };
}

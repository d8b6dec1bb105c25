/**
 * `npm start`: resolves the database (local Neo4j unless NEO4J_URI is set), applies migrations,
 * loads the demo seed into an empty graph, and serves the API until SIGTERM or Ctrl-C, which also
 * stop the local Neo4j this process started.
 */
import 'reflect-metadata';
import { loadConfig, ConfigError } from './config/config';
import { createLogger } from './server/logger';
import { openDatabase } from './db/open-database';
import { createApp } from './server/create-app';
import { applyGarbageCollectionSettings } from './server/garbage-collection-settings';
import { compactHeap } from './compute/full-garbage-collection';
import { currentAllocator } from './server/memory-allocator';
import { seedDemoIfNeeded } from './generate/demo/seed-demo-if-needed';
import { hotReadQueryWarmUps } from './db/plan-warm-up/hot-read-queries';
import { warmQueryPlans } from './db/plan-warm-up/warm-query-plans';

/** Set once a signal starts the shutdown: from then on, the shutdown decides the exit code. */
let shuttingDown = false;

async function main(): Promise<void> {
  const config = loadConfig();
  applyGarbageCollectionSettings(config);
  const logger = createLogger(config.logLevel);
  logger.info({ allocator: currentAllocator() ?? 'unknown' }, 'memory allocator');
  const shutdown = async (signal: string, exitCode = 0) => {
    // A repeated signal (a second Ctrl-C, a supervisor's retry) must not cut the drain short.
    if (shuttingDown) return logger.info({ signal }, 'already shutting down');
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    await running?.close().catch(() => undefined);
    await app?.stop().catch(() => undefined);
    await db.close().catch((error: unknown) => logger.error({ err: error }, 'closing the database failed'));
    process.exit(exitCode);
  };
  const db = await openDatabase(
    config,
    { info: (message) => logger.info(message) },
    {
      // A local Neo4j that stays down means this process can never serve again: exit non-zero so
      // that whatever runs it (systemd, Kubernetes, a shell loop) restarts or reports it.
      supervise: {
        onGiveUp: (error) => {
          logger.fatal({ err: error }, 'the local Neo4j stays down; exiting');
          void shutdown('local Neo4j lost', 1);
        },
      },
    },
  );
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let running: Awaited<ReturnType<NonNullable<typeof app>['listen']>> | undefined;
  const seeded = await seedDemoIfNeeded(db.executor, config.seedOnEmpty, { info: (message) => logger.info(message) });
  if (seeded.esco) {
    logger.info({ summary: seeded.esco.files.map((f) => `${f.file}: ${f.imported}`) }, 'demo seed loaded');
  }
  if (seeded.demo) {
    logger.info(
      { demo: seeded.demo, wipedNodes: seeded.wipedNodes },
      'demo catalog, learners, advisor grants and portal postings loaded (invented data, see seed/demo/README.md)',
    );
    logger.warn(
      'This is a DEMO: a curated subset of ESCO (about 110 occupations) with an invented catalog and population. ' +
        'For real use load the full ESCO release with `npm run esco:import -- <dir>` and real course catalogs with ' +
        '`npm run catalog:import -- <csv>` into a database without the demo (set SEED_ON_EMPTY=false).',
    );
  }
  app = await createApp(config, logger, db.executor, db.driver);
  // Neo4j plans the request path's reads while this process warms its own parts: on a freshly
  // started database a first browse, search or plan reply would otherwise wait 0.3-1 s for its
  // query's plan. Not during the read model's load, which it slowed by a third.
  const queryPlans = warmQueryPlans(db.executor, hotReadQueryWarmUps(), {
    onFailure: (warmUp, error) => logger.warn({ err: error, query: warmUp.name }, 'planning a query at start failed'),
  });
  // Each worker's WebAssembly solver compiles on first use; pay that before the first request.
  await app.compute
    .warmUp()
    .catch((error: unknown) =>
      logger.warn({ err: error }, 'planner warm-up failed; plans fall back to greedy until it loads'),
    );
  // The skill index of suggestSkills is built once per process; build it now, not in a request.
  await app.services.skillSuggestions
    .warmUp()
    .catch((error: unknown) => logger.warn({ err: error }, 'skill suggestion warm-up failed'));
  await app.services.search.warmUp().then(
    (stats) => logger.info(stats, 'search indexes built'),
    (error: unknown) => logger.warn({ err: error }, 'search index warm-up failed; the first search builds them'),
  );
  logger.info(await queryPlans, 'query plans warmed');
  // Start-up built and dropped far more than it keeps; V8 would hand those pages back only after
  // some 10-30 s of idling. Nothing waits yet, so the pause (about 0.3 s on full ESCO) costs nobody.
  const compactionMs = compactHeap();
  logger.info({ ms: Math.round(compactionMs), heap: process.memoryUsage() }, 'heap compacted after start-up');
  running = await app.listen(config.host, config.port);
  logger.info({ url: running.url }, 'credgraph is serving');
  process.stdout.write(`\ncredgraph is serving GraphQL at ${running.url}\n\n`);
}

main().catch((error: unknown) => {
  // A signal during start-up (say, during the demo load) closes the database under the work in
  // progress; that work's failure is expected, and exiting here would cut the shutdown short
  // and leave the local Neo4j running.
  if (shuttingDown) return;
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`credgraph failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});

/**
 * Wires the application from an open database: repositories, services, schema, Apollo Server and
 * the HTTP handler. `main.ts` and the integration tests both start the API through this.
 */
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Config } from '../config/config';
import type { Neo4jExecutor } from '../db/neo4j-executor';
import type { Driver } from 'neo4j-driver';
import { EscoRepository } from '../db/repositories/esco-repository';
import { CachedConceptReads } from '../services/read-model/cached-concept-reads';
import { OccupationBrowseReads } from '../services/read-model/occupation-browse-reads';
import { BrowseRepository } from '../db/repositories/browse-repository';
import { CachedTeachingPages } from '../services/read-model/cached-teaching-pages';
import { CachedCredentialReads } from '../services/read-model/cached-credential-reads';
import { ConceptSearchService } from '../services/search/concept-search-service';
import { CatalogRepository } from '../db/repositories/catalog-repository';
import { LearnerRepository } from '../db/repositories/learner-repository';
import { JobPostingRepository } from '../db/repositories/job-posting-repository';
import { CoverageRepository } from '../db/repositories/coverage-repository';
import { CoverageService } from '../services/coverage-service';
import { PlanningService } from '../services/planning-service';
import { ComputePool } from '../compute/compute-pool';
import { responseWarningsPlugin } from './response-warnings-plugin';
import { refusalStatusPlugin } from './refusal-status-plugin';
import { InProcessCompute } from '../compute/in-process-compute';
import { fullGarbageCollector } from '../compute/full-garbage-collection';
import type { PlanningCompute, RankingCompute } from '../compute/compute-contracts';
import { PlanningRepository } from '../db/repositories/planning-repository';
import { loadPriceRates } from '../config/price-rates-file';
import { SkillSuggestionService } from '../services/skill-suggestion/skill-suggestion-service';
import { SharedStrings } from '../domain/text/shared-strings';
import { createCredentialVerifier } from '../services/verification/create-credential-verifier';
import { createRecordSigner } from '../services/exports/record-signer';
import { LearnerRecordExportService } from '../services/exports/learner-record-export-service';
import { PathwayExportService } from '../services/exports/pathway-export-service';
import { CredentialImportService } from '../services/credential-import-service';
import { buildCredgraphSchema } from '../graphql/build-schema';
import { createContext, type GraphQLContext, type Services } from '../graphql/context';
import { createErrorFormatter } from '../graphql/format-error';
import type { Logger } from './logger';
import { GraphQLError } from 'graphql';
import { createTokenVerifier } from '../auth/verify-token';
import { DomainError } from '../domain/errors';
import { startHttpServer, type HttpServerDeps, type RunningHttpServer } from './http-server';
import { DEFAULT_MAX_POOL_SIZE } from '../db/create-driver';
import { createArmorProtection } from './security/armor-protection';
import { requestLimitsPlugin } from './security/request-limits-plugin';
import { createRateLimitAdmit } from './rate-limit/create-rate-limit-admit';
import { createAppMetrics } from './metrics/app-metrics';
import { createRequestObserver } from './metrics/request-observer';
import { operationNamePlugin } from './metrics/operation-name-plugin';
import { errorCodePlugin } from './metrics/error-code-plugin';
import type { Viewer } from '../domain/access/viewer';
import { DatabaseIdentityRepository } from '../db/repositories/database-identity-repository';
import { DatabaseIdentityGuard } from '../services/database-identity-guard';
import { schemaVersionOf } from '../domain/database-identity';
import { createStaticSite } from './web/static-site';
import { handleDevSignIn } from './web/dev-sign-in';
import type { CourseSource, CoverageSource } from '../services/compute-sources';
import { ReadModelRepository } from '../db/repositories/read-model-repository';
import { changeFeedOf } from '../db/change-feed';
import { LiveReadModel } from '../services/read-model/live-read-model';
import { MemoryComputeSource } from '../services/read-model/memory-compute-source';

/** The assembled application, not yet listening. */
export interface App {
  readonly services: Services;
  readonly apollo: ApolloServer<GraphQLContext>;
  readonly deps: HttpServerDeps<GraphQLContext>;
  /** Checks that the database is still the one adopted at start. */
  readonly identity: DatabaseIdentityGuard;
  /** The compute tier's worker pool (warm it up before listening). */
  readonly compute: ComputePool;
  /** The scoring read model (COMPUTE_SOURCE=memory), else null. */
  readonly readModel: LiveReadModel | null;
  listen(host: string, port: number): Promise<RunningHttpServer>;
  stop(): Promise<void>;
}

/** Where scoring reads (defaults: the database repositories). */
export interface ComputeSources {
  readonly coverage: CoverageSource;
  readonly courses: CourseSource;
  /** Skill and occupation records for the DataLoaders (the database when absent). */
  readonly concepts?: CachedConceptReads;
  /** `taughtBy` pages for the DataLoaders (the database when absent). */
  readonly teaching?: CachedTeachingPages;
  /** Micro-credentials by id for the DataLoaders (the database when absent). */
  readonly credentials?: CachedCredentialReads;
}

/**
 * Loads the read model (COMPUTE_SOURCE=memory) and starts following the change log; logs the
 * load's time, entity counts and size (heap and array buffers kept, between full collections).
 * Stop it with {@link LiveReadModel.stop}.
 */
export async function startReadModel(
  executor: Neo4jExecutor,
  config: Pick<Config, 'readModelPollMs'>,
  logger: Logger,
): Promise<LiveReadModel> {
  const live = await LiveReadModel.start(new ReadModelRepository(executor), changeFeedOf(executor.driver), {
    pollMs: config.readModelPollMs,
    logger,
    collectGarbage: fullGarbageCollector(),
  });
  logger.info(
    {
      millis: Math.round(live.loadStats.millis),
      megabytes: Math.round(live.loadStats.bytes / 1e5) / 10,
      ...live.current.counts(),
    },
    'read model loaded',
  );
  return live;
}

/** Builds the services over one executor (scoring reads `sources` when given, else the database). */
export function createServices(
  executor: Neo4jExecutor,
  config: Pick<Config, 'limits' | 'credentials' | 'priceRatesFile' | 'jobTitlesFile'>,
  sources?: ComputeSources,
  compute: PlanningCompute & RankingCompute = new InProcessCompute(),
): Services {
  const planTimeLimitMs = config.limits.planTimeLimitMs;
  const priceRates = loadPriceRates(config.priceRatesFile);
  const verifier = createCredentialVerifier(config);
  const signer = config.credentials.signingKey
    ? createRecordSigner(config.credentials.signingKey)
    : Promise.resolve(null);
  // A bad key surfaces on the first export that awaits it; marked handled so start-up survives.
  signer.catch(() => undefined);
  const coverageData = sources?.coverage ?? new CoverageRepository(executor);
  const coverage = new CoverageService(coverageData, compute);
  // One in-memory skill index serves suggestSkills and the mapping of badges without alignments.
  // The search indexes and the skill index read the same skill labels: one copy of each is kept.
  const sharedStrings = new SharedStrings();
  const skillSuggestions = new SkillSuggestionService(executor, undefined, sharedStrings);
  const esco = new EscoRepository(executor);
  const catalog = new CatalogRepository(executor);
  const cachedCredentials = sources?.credentials;
  return {
    esco,
    concepts: sources?.concepts ?? esco,
    catalog,
    teaching: sources?.teaching ?? catalog,
    credentials: sources?.credentials ?? catalog,
    browse: new OccupationBrowseReads(new BrowseRepository(executor), sources?.concepts, sources?.teaching),
    learners: new LearnerRepository(executor),
    postings: new JobPostingRepository(executor),
    coverageData,
    coverage,
    planning: new PlanningService(
      coverage,
      sources?.courses ?? new PlanningRepository(executor),
      planTimeLimitMs,
      priceRates,
      compute,
      {
        prerequisiteTimeShare: config.limits.planPrerequisiteTimePercent / 100,
        // A plan's reply reads its courses' records through this cache, started with its heuristic answers.
        prefetchCourses: cachedCredentials ? (ids) => cachedCredentials.prefetch(ids) : undefined,
      },
    ),
    skillSuggestions,
    credentialImport: new CredentialImportService(
      executor,
      new CatalogRepository(executor),
      new LearnerRepository(executor),
      verifier,
      skillSuggestions,
    ),
    verifier,
    pathwayExport: new PathwayExportService(
      new CatalogRepository(executor),
      new EscoRepository(executor),
      new JobPostingRepository(executor),
    ),
    recordExport: new LearnerRecordExportService(
      new LearnerRepository(executor),
      new CatalogRepository(executor),
      new EscoRepository(executor),
      signer,
      config.credentials.issuerName,
    ),
    search: new ConceptSearchService(executor, config.jobTitlesFile, sharedStrings),
  };
}

/** The explorer's demo sign-in, signing like `npm run token -- --demo <persona>`. */
function devSignIn(config: Config, secret: string): NonNullable<HttpServerDeps<GraphQLContext>['devSignIn']> {
  const options = {
    secret,
    issuer: config.auth.jwtIssuer,
    audience: config.auth.jwtAudience,
    lifetimeSeconds: Math.min(8 * 3600, config.auth.jwtMaxLifetimeSeconds),
  };
  return (req, res, url) => handleDevSignIn(req, res, url, options);
}

/**
 * Assembles the app. Adopts the database's identity (writing one into a database that has none):
 * from then on the app serves only that database (see {@link DatabaseIdentityGuard}).
 */
export async function createApp(config: Config, logger: Logger, executor: Neo4jExecutor, driver: Driver): Promise<App> {
  const metrics = config.metricsEnabled
    ? createAppMetrics({
        load: () => appExecutor.load(),
        maxPoolSize: DEFAULT_MAX_POOL_SIZE,
        compute: () => computePool.stats(),
        readModel:
          config.computeSource === 'memory'
            ? () => ({
                loadMillis: readModel?.loadStats.millis ?? 0,
                bytes: readModel?.loadStats.bytes ?? 0,
                reloads: readModel?.reloads ?? 0,
                changeSeq: readModel?.current.seq ?? 0,
              })
            : undefined,
      })
    : undefined;
  const identity = await DatabaseIdentityGuard.adopt(
    new DatabaseIdentityRepository(executor),
    schemaVersionOf(executor.registry.namesUnder('migrations')),
    {
      checkIntervalMs: config.neo4j.identityCheckMs,
      onChange: (outcome) =>
        outcome.ok
          ? logger.info('the database identity matches again: serving')
          : logger.error({ reason: outcome.reason }, 'not serving: database identity check failed'),
    },
  );
  logger.info(
    { instanceId: identity.expected.instanceId, schemaVersion: identity.expected.schemaVersion },
    'adopted the database identity',
  );
  // Transactions time out with the request, so Neo4j stops work nobody waits for any more. A
  // failed query may mean the connection now leads elsewhere: the next request re-checks.
  const appExecutor = executor.withOptions({
    transactionTimeoutMs: config.limits.requestTimeoutMs,
    observer: (timing) => {
      metrics?.observeQuery(timing);
      if (!timing.ok) identity.suspect();
    },
  });
  // The read model loads before the server listens: a request never meets a half-loaded model.
  const readModel = config.computeSource === 'memory' ? await startReadModel(appExecutor, config, logger) : null;
  const memorySource = readModel ? new MemoryComputeSource(readModel) : undefined;
  // Planning and rankings run on worker threads, never on the request's event loop.
  const computePool = new ComputePool({
    threads: config.limits.computeThreads,
    maxQueue: config.limits.computeQueueMax,
    planAdmissionMax: config.limits.planAdmissionMax,
    planAdmissionMin: config.limits.planAdmissionMin,
    // A refused plan request can retry once the plans ahead of it are answered: about a time limit.
    planRetryAfterSeconds: Math.max(1, Math.ceil(config.limits.planTimeLimitMs / 1000)),
    solverMemoryLimitMb: config.limits.computeSolverMemoryMb,
    heapCollectMb: config.limits.computeWorkerHeapCollectMb,
    workerYoungGenerationMb: config.limits.computeWorkerYoungGenerationMb,
    expressThreads: config.limits.computeExpressThreads,
  });
  const services = createServices(
    appExecutor,
    config,
    memorySource && readModel
      ? {
          coverage: memorySource,
          courses: memorySource,
          concepts: new CachedConceptReads(new EscoRepository(appExecutor), () => readModel.freshGeneration()),
          teaching: new CachedTeachingPages(new CatalogRepository(appExecutor), () =>
            readModel.freshCatalogGeneration(),
          ),
          credentials: new CachedCredentialReads(new CatalogRepository(appExecutor), () =>
            readModel.freshCatalogGeneration(),
          ),
        }
      : undefined,
    computePool,
  );
  const schema = await buildCredgraphSchema();
  const armor = createArmorProtection(config.limits);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.limits.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: it drains HTTP first. Apollo's own handler would stop and
    // re-raise the signal, killing the process before the drain and the Neo4j shutdown finish.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger, config.env !== 'production', {
      maskSuggestions: config.limits.blockFieldSuggestions,
    }),
    // Automatic persisted queries are off: no client of this API needs them, and their cache is
    // memory any caller could fill. A request that sends one gets BAD_USER_INPUT.
    persistedQueries: false,
    ...armor,
    // The explorer is ours (GRAPHIQL); Apollo's own landing page would load a CDN page even in production.
    plugins: [
      ...armor.plugins,
      operationNamePlugin(),
      ApolloServerPluginLandingPageDisabled(),
      // No field carries a cache hint; the default cache-control plugin would still wrap every
      // field's resolver to collect hints (about 5 % of a coverage request's CPU).
      ApolloServerPluginCacheControlDisabled(),
      requestLimitsPlugin({
        maxCost: config.limits.maxCost,
        maxPageSize: config.limits.maxPageSize,
        maxResponseBytes: config.limits.maxResponseBytes,
        text: { search: config.limits.maxSearchTextLength, suggest: config.limits.maxSuggestTextLength },
      }),
      refusalStatusPlugin(),
      responseWarningsPlugin(),
      // Last: it records the code the client gets, after the size limit may have replaced the body.
      errorCodePlugin(),
    ],
  });
  await apollo.start();
  const limits = { maxPageSize: config.limits.maxPageSize };
  const verifyToken = createTokenVerifier({
    secret: config.auth.jwtSecret,
    jwksUrl: config.auth.jwksUrl,
    issuer: config.auth.jwtIssuer,
    audience: config.auth.jwtAudience,
    maxLifetimeSeconds: config.auth.jwtMaxLifetimeSeconds,
  });
  // One verification per request, shared by the rate limiter (which keys on verified subjects
  // only) and the GraphQL context.
  const viewers = new WeakMap<IncomingMessage, Promise<Viewer>>();
  const viewerOf = (req: IncomingMessage): Promise<Viewer> => {
    let viewer = viewers.get(req);
    if (viewer === undefined) {
      viewer = verifyToken(req.headers.authorization);
      viewer.catch(() => undefined); // observed by whoever awaits it; never an unhandled rejection
      viewers.set(req, viewer);
    }
    return viewer;
  };
  const deps: HttpServerDeps<GraphQLContext> = {
    apollo,
    logger,
    maxBodyBytes: config.limits.maxBodyBytes,
    requestTimeoutMs: config.limits.requestTimeoutMs,
    queryBudget: {
      maxConcurrent: config.limits.maxDbConcurrencyPerRequest,
      maxRoundTrips: config.limits.maxDbRoundTripsPerRequest,
    },
    admit: createRateLimitAdmit({
      perMinute: config.limits.rateLimitPerMinute,
      trustProxy: config.trustProxy,
      verifiedSubject: async (req) => (await viewerOf(req)).subject ?? undefined,
      onLimited: metrics?.rateLimited,
    }),
    metrics,
    metricsToken: config.metricsToken,
    graphiql: config.graphiql,
    site: createStaticSite(config.webDir),
    devSignIn:
      config.devSignIn && config.auth.jwtSecret !== undefined ? devSignIn(config, config.auth.jwtSecret) : undefined,
    context: async (req: IncomingMessage, requestId: string, receivedAt: number) => {
      try {
        const viewer = await viewerOf(req);
        await identity.assertServing();
        return createContext(services, limits, requestId, viewer, receivedAt);
      } catch (error) {
        // Apollo answers context failures itself; a GraphQLError keeps our code and the catalogue's status.
        if (error instanceof DomainError) {
          throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: error.status } } });
        }
        throw error;
      }
    },
    ready: async () => {
      try {
        await driver.verifyConnectivity({ database: config.neo4j.database });
      } catch {
        return { ready: false, reason: 'the database cannot be reached' };
      }
      const outcome = await identity.check();
      return outcome.ok ? { ready: true } : { ready: false, reason: outcome.reason };
    },
    onRequestDone: createRequestObserver(logger, metrics),
  };
  return {
    services,
    apollo,
    deps,
    identity,
    compute: computePool,
    listen: (host, port) => startHttpServer(deps, host, port),
    readModel,
    stop: async () => {
      readModel?.stop();
      await apollo.stop();
      await computePool.close();
    },
  };
}

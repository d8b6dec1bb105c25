/**
 * Wires the application from an open database: repositories, services, schema, Apollo Server and
 * the HTTP handler. `main.ts` and the integration tests both start the API through this.
 */
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import type { Config } from '../config/config';
import type { Neo4jExecutor } from '../db/neo4j-executor';
import type { Driver } from 'neo4j-driver';
import { EscoRepository } from '../db/repositories/esco-repository';
import { CatalogRepository } from '../db/repositories/catalog-repository';
import { LearnerRepository } from '../db/repositories/learner-repository';
import { JobPostingRepository } from '../db/repositories/job-posting-repository';
import { CoverageRepository } from '../db/repositories/coverage-repository';
import { CoverageService } from '../services/coverage-service';
import { PlanningService } from '../services/planning-service';
import { PlanningRepository } from '../db/repositories/planning-repository';
import { SkillSuggestionService } from '../services/skill-suggestion/skill-suggestion-service';
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

/** The assembled application, not yet listening. */
export interface App {
  readonly services: Services;
  readonly apollo: ApolloServer<GraphQLContext>;
  readonly deps: HttpServerDeps<GraphQLContext>;
  listen(host: string, port: number): Promise<RunningHttpServer>;
  stop(): Promise<void>;
}

/** Builds the services over one executor. */
export function createServices(executor: Neo4jExecutor, planTimeLimitMs: number): Services {
  const coverageData = new CoverageRepository(executor);
  const coverage = new CoverageService(coverageData);
  return {
    esco: new EscoRepository(executor),
    catalog: new CatalogRepository(executor),
    learners: new LearnerRepository(executor),
    postings: new JobPostingRepository(executor),
    coverageData,
    coverage,
    planning: new PlanningService(coverage, new PlanningRepository(executor), planTimeLimitMs),
    skillSuggestions: new SkillSuggestionService(executor),
    credentialImport: new CredentialImportService(executor, new CatalogRepository(executor), new LearnerRepository(executor)),
  };
}

/** Assembles the app. */
export async function createApp(config: Config, logger: Logger, executor: Neo4jExecutor, driver: Driver): Promise<App> {
  const metrics = config.metricsEnabled ? createAppMetrics({ load: () => appExecutor.load(), maxPoolSize: DEFAULT_MAX_POOL_SIZE }) : undefined;
  // Transactions time out with the request, so Neo4j stops work nobody waits for any more.
  const appExecutor = executor.withOptions({ transactionTimeoutMs: config.limits.requestTimeoutMs, observer: metrics?.observeQuery });
  const services = createServices(appExecutor, config.limits.planTimeLimitMs);
  const schema = await buildCredgraphSchema();
  const armor = createArmorProtection(config.limits);
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.limits.introspection,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGTERM/SIGINT: it drains HTTP first. Apollo's own handler would stop and
    // re-raise the signal, killing the process before the drain and the Neo4j shutdown finish.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger, config.env !== 'production', { maskSuggestions: config.limits.blockFieldSuggestions }),
    // Automatic persisted queries are off: no client of this API needs them, and their cache is
    // memory any caller could fill. A request that sends one gets BAD_USER_INPUT.
    persistedQueries: false,
    ...armor,
    plugins: [
      ...armor.plugins,
      operationNamePlugin(),
      requestLimitsPlugin({
        maxCost: config.limits.maxCost,
        maxPageSize: config.limits.maxPageSize,
        maxResponseBytes: config.limits.maxResponseBytes,
        text: { search: config.limits.maxSearchTextLength, suggest: config.limits.maxSuggestTextLength },
      }),
    ],
  });
  await apollo.start();
  const limits = { maxPageSize: config.limits.maxPageSize };
  const verifyToken = createTokenVerifier({
    secret: config.auth.jwtSecret,
    jwksUrl: config.auth.jwksUrl,
    issuer: config.auth.jwtIssuer,
    audience: config.auth.jwtAudience,
  });
  const deps: HttpServerDeps<GraphQLContext> = {
    apollo,
    logger,
    maxBodyBytes: config.limits.maxBodyBytes,
    requestTimeoutMs: config.limits.requestTimeoutMs,
    queryBudget: { maxConcurrent: config.limits.maxDbConcurrencyPerRequest, maxRoundTrips: config.limits.maxDbRoundTripsPerRequest },
    admit: createRateLimitAdmit({ perMinute: config.limits.rateLimitPerMinute, trustProxy: config.trustProxy, onLimited: metrics?.rateLimited }),
    metrics,
    context: async (req: IncomingMessage, requestId: string) => {
      try {
        return createContext(services, limits, requestId, await verifyToken(req.headers.authorization));
      } catch (error) {
        // Apollo answers context failures itself; a GraphQLError keeps our code and status.
        if (error instanceof DomainError) throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
        throw error;
      }
    },
    ready: async () => {
      try {
        await driver.verifyConnectivity({ database: config.neo4j.database });
        return true;
      } catch {
        return false;
      }
    },
    onRequestDone: createRequestObserver(logger, metrics),
  };
  return {
    services,
    apollo,
    deps,
    listen: (host, port) => startHttpServer(deps, host, port),
    stop: () => apollo.stop(),
  };
}

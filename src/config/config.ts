/**
 * The only module that reads `process.env`. Everything else receives a validated {@link Config}.
 * Invalid values fail fast with a message naming the variable, so a typo never turns into a
 * confusing runtime failure later.
 */
import fs from 'node:fs';
import path from 'node:path';
import proxyaddr from 'proxy-addr';
import os from 'node:os';
import { DEFAULT_PLAN_TIME_LIMIT_MS, MAX_PLAN_TIME_LIMIT_MS } from '../domain/planning/plan-request';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** The development-only HS256 secret (public: never valid in production). */
export const DEVELOPMENT_JWT_SECRET = 'credgraph-development-secret-not-for-production';

/** Validated runtime configuration. */
export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  readonly neo4j: {
    /** Set: use that database and never start Java. Unset: the local embedded Neo4j. */
    readonly uri: string | undefined;
    readonly user: string;
    readonly password: string;
    readonly database: string | undefined;
    /** Where the local Neo4j keeps its store when `uri` is unset. */
    readonly localDataDir: string;
    readonly localPort: number | undefined;
    /** JAVA_HOME, where the local Neo4j's `java` is looked for first. */
    readonly javaHome: string | undefined;
    /** JVM max heap of the local Neo4j (JVM size syntax); unset: sized from the machine's memory. */
    readonly localHeap: string | undefined;
    /** Page cache of the local Neo4j; unset: sized from the machine's memory. */
    readonly localPageCache: string | undefined;
    /** Restarts of a crashed local Neo4j before the server gives up and exits non-zero. */
    readonly localMaxRestarts: number;
    /** Longest time a verified database identity is trusted before requests re-check it. */
    readonly identityCheckMs: number;
  };
  readonly esco: {
    readonly apiUrl: string;
    readonly version: string;
  };
  readonly auth: {
    readonly jwtSecret: string | undefined;
    readonly jwksUrl: string | undefined;
    readonly jwtIssuer: string | undefined;
    readonly jwtAudience: string | undefined;
    /** Longest lifetime a token may have (exp - iat, or exp - now without iat), in seconds. */
    readonly jwtMaxLifetimeSeconds: number;
  };
  readonly limits: {
    readonly maxPageSize: number;
    readonly maxBodyBytes: number;
    readonly requestTimeoutMs: number;
    readonly rateLimitPerMinute: number;
    readonly introspection: boolean;
    readonly planTimeLimitMs: number;
    /**
     * Share of a plan's time (percent, `PLAN_PREREQUISITE_TIME_PERCENT`, default 60) within which
     * its gathering follows course prerequisites; past it the plan goes to the workers with what it
     * has (courses needing the rest are left out as prerequisites-not-followed).
     */
    readonly planPrerequisiteTimePercent: number;
    /** Deepest selection nesting a document may have (graphql-armor max depth). */
    readonly maxDepth: number;
    /** Largest estimated cost of an operation, computed with its variables (see `src/server/security/operation-cost.ts`). */
    readonly maxCost: number;
    readonly maxAliases: number;
    readonly maxDirectives: number;
    /** Lexer tokens per document; parsing stops beyond this. */
    readonly maxTokens: number;
    /** Masks graphql-js "Did you mean ...?" hints, which reveal the schema when introspection is off. */
    readonly blockFieldSuggestions: boolean;
    /** Longest `text` of searchSkills, searchOccupations and the catalog filter, in characters. */
    readonly maxSearchTextLength: number;
    /** Longest `text` of suggestSkills, in characters. */
    readonly maxSuggestTextLength: number;
    /** Most database queries one request may have running at the same time. */
    readonly maxDbConcurrencyPerRequest: number;
    /** Most database round trips one request may make. */
    readonly maxDbRoundTripsPerRequest: number;
    /** Largest JSON response, in bytes (UTF-16 code units, as serialised). */
    readonly maxResponseBytes: number;
    /** Worker threads of the compute tier (planning off the event loop). */
    readonly computeThreads: number;
    /** Heavy tasks that may wait for a worker; more are refused at once with SERVER_BUSY (503). */
    readonly computeQueueMax: number;
    /**
     * The most plan requests in flight at once (`PLAN_ADMISSION_MAX`; default: compute threads plus
     * `COMPUTE_QUEUE_MAX`). The server learns a lower limit under overload (see `plan-admission`).
     */
    readonly planAdmissionMax: number;
    /**
     * Plan requests always admitted at once while fewer are in flight, whatever the server learnt
     * (`PLAN_ADMISSION_MIN`; default 1; at most `PLAN_ADMISSION_MAX`).
     */
    readonly planAdmissionMin: number;
    /**
     * HiGHS memory (MB) past which a compute worker drops its solver after a task and loads a
     * fresh one: WebAssembly memory only grows, so without this each worker keeps the memory of
     * the largest plan it ever solved.
     */
    readonly computeSolverMemoryMb: number;
    /**
     * V8 heap (MB, reserved) past which a compute worker collects its garbage once idle for a
     * moment after a task: a large job (a reskilling plan over hundreds of occupations) left the
     * heap it grew to reserved long after, and two or three workers each held the peak of the
     * largest job.
     */
    readonly computeWorkerHeapCollectMb: number;
    /**
     * Young generation of each solver worker (MB; V8's own is 48): under load a worker's heap runs
     * at its young generation's full size, so this is most of what each one holds beyond its small
     * live heap. Smaller collects more often, which costs planning time.
     */
    readonly computeWorkerYoungGenerationMb: number;
    /**
     * Threads of the compute tier's express lane: a plan still waiting for a worker near its
     * deadline is answered there, without the solver (greedy plans with their bounds), instead of
     * late by the plans ahead of it, and rankings run there while every solver worker is busy,
     * some with a plan. 0: no lane.
     */
    readonly computeExpressThreads: number;
  };
  /**
   * Which X-Forwarded-For hops to believe: a number of proxy hops in front of the API (0: none,
   * the socket's peer is the client), or the addresses/subnets of trusted proxies.
   */
  readonly trustProxy: TrustProxy;
  /**
   * Where coverage, ranking and planning read their evidence: `memory`, the read model loaded at
   * start and kept fresh from the change log; `database`, Cypher per request (the reference).
   */
  readonly computeSource: ComputeSource;
  /** How often a memory read model polls the change log for other replicas' writes, in ms. */
  readonly readModelPollMs: number;
  /**
   * How far V8 lets a heap grow past what its last full collection kept before collecting again,
   * in percent (0: V8's own factor, up to 300 %). The process holds the read model and the skill
   * indexes (hundreds of MB live), so V8's factor lets it reserve twice that under load.
   */
  readonly heapGrowthPercent: number;
  /**
   * Whether V8's young-generation collections use helper threads (`GC_PARALLEL_SCAVENGE`, on by
   * default, as in V8). Off, each thread collects its own young generation alone: with four heavy
   * plans running the request thread's event-loop delay is lower (p99 about 25 against 32 ms), but
   * rankings and plans at concurrency 16 serve fewer requests (docs/benchmarks.md, eighteenth pass).
   */
  readonly gcParallelScavenge: boolean;
  /** Serve Prometheus metrics at `/metrics`. */
  readonly metricsEnabled: boolean;
  /** When set, `/metrics` requires `Authorization: Bearer <metricsToken>`. */
  readonly metricsToken: string | undefined;
  /** Serve the GraphiQL explorer at GET /graphql. */
  readonly graphiql: boolean;
  /** Load the demo seed into an empty database at start. */
  readonly seedOnEmpty: boolean;
  /** The explorer page served at `/`: the directory of its built files (`index.html`, `assets/`). */
  readonly webDir: string;
  /**
   * Serve `POST /dev/sign-in?persona=...`, which mints a demo persona's token for the explorer.
   * Only ever on outside production, and by default only while tokens are signed with the
   * published development secret (anyone can mint those already).
   */
  readonly devSignIn: boolean;
  /** JSON table of exchange rates for price plans; undefined: the shipped snapshot (`seed/price-rates/`). */
  readonly priceRatesFile: string | undefined;
  /** Job titles occupation search learns (`occupationUri,titles` CSV); undefined: the shipped file (`seed/job-titles/`). */
  readonly jobTitlesFile: string | undefined;
  /** Verifiable credentials: network reach of the verifier, and the server's signing key. */
  readonly credentials: {
    /** Fetch did:web documents, JWKS and status lists; off: those checks are UNVERIFIABLE. */
    readonly fetchEnabled: boolean;
    readonly fetchTimeoutMs: number;
    /**
     * Ed25519 secret key (multibase `z…`, as @digitalbazaar/ed25519-multikey exports it) that signs
     * exported learner records; unset: exports are unsigned. Never generated.
     */
    readonly signingKey: string | undefined;
    /** Name of the issuer in exported records. */
    readonly issuerName: string;
  };
}

/** Where scoring reads its evidence (see {@link Config.computeSource}). */
export type ComputeSource = 'memory' | 'database';
const COMPUTE_SOURCES: readonly ComputeSource[] = ['memory', 'database'];

/** Trusted proxies: a hop count, or addresses, CIDR subnets and proxy-addr's names (`loopback`, ...). */
export type TrustProxy = number | readonly string[];

/** Thrown when an environment variable is present but invalid. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must lie in [${min}, ${max}], got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

// An Ed25519 secret key in multibase: 'z' + base58btc of the multicodec 0x8026 header and 64 bytes.
function signingKey(env: Env): string | undefined {
  const value = text(env, 'VC_SIGNING_KEY');
  if (value === undefined) return undefined;
  if (!/^z[1-9A-HJ-NP-Za-km-z]{40,120}$/.test(value)) {
    throw new ConfigError(
      'VC_SIGNING_KEY',
      'must be an Ed25519 secret key in multibase (base58btc, starting with "z"), as `npm run vc:keygen` prints it',
    );
  }
  return value;
}

function url(env: Env, name: string, schemes: readonly string[]): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL, got "${raw}"`);
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (!schemes.includes(scheme)) {
    throw new ConfigError(name, `must use one of ${schemes.join(', ')}, got "${scheme}"`);
  }
  return raw;
}

function existingFile(env: Env, name: string, cwd: string): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  const resolved = path.resolve(cwd, raw);
  if (!fs.existsSync(resolved) || !fs.statSync(resolved).isFile())
    throw new ConfigError(name, `must name an existing file, got "${raw}"`);
  return resolved;
}

/**
 * TRUST_PROXY: `false`/`0` (default) trusts no proxy; a number N trusts N hops (`true` means 1: one
 * proxy in front); anything else is a comma-separated list of proxy addresses or subnets.
 */
function trustProxy(env: Env): TrustProxy {
  const raw = text(env, 'TRUST_PROXY');
  if (raw === undefined) return 0;
  const lower = raw.toLowerCase();
  if (['0', 'false', 'no', 'off'].includes(lower)) return 0;
  if (['true', 'yes', 'on'].includes(lower)) return 1;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 20);
  const list = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  try {
    proxyaddr.compile(list);
  } catch (error) {
    throw new ConfigError(
      'TRUST_PROXY',
      `must be a number of proxy hops or a comma-separated list of proxy addresses/subnets: ${(error as Error).message}`,
    );
  }
  return list;
}

/** A JVM/Neo4j memory size such as `512m` or `2g`. */
function memorySize(env: Env, name: string): string | undefined {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  if (!/^\d+[kmg]$/i.test(raw)) throw new ConfigError(name, `must be a size like 512m or 2g, got "${raw}"`);
  return raw.toLowerCase();
}

/**
 * Reads and validates the configuration.
 *
 * @example
 * loadConfig({ NEO4J_URI: 'bolt://localhost:7687', PORT: '4000' }).neo4j.uri // 'bolt://localhost:7687'
 * loadConfig({ PORT: 'abc' }) // throws ConfigError: Invalid configuration: PORT must be a whole number, got "abc"
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const nodeEnv = text(env, 'NODE_ENV') ?? 'development';
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError('NODE_ENV', `must be development, production or test, got "${nodeEnv}"`);
  }
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }
  const production = nodeEnv === 'production';
  const jwtSecret = text(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  const jwksUrl = url(env, 'JWKS_URL', ['http', 'https']);
  if (production && jwtSecret === undefined && jwksUrl === undefined) {
    throw new ConfigError('JWT_SECRET', 'or JWKS_URL must be set in production (tokens cannot be verified otherwise)');
  }
  const metricsToken = text(env, 'METRICS_TOKEN');
  if (metricsToken !== undefined && metricsToken.length < 16)
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters long');
  // Metrics carry operation names and load figures: in production they are served only behind a token.
  const metricsEnabled = bool(env, 'METRICS_ENABLED', !production || metricsToken !== undefined);
  if (production && metricsEnabled && metricsToken === undefined) {
    throw new ConfigError(
      'METRICS_TOKEN',
      'must be set in production when METRICS_ENABLED is on (metrics are never public in production)',
    );
  }
  // Demo tokens signed by the server itself: never in production, whatever the variable says.
  const devSignIn = bool(env, 'DEV_SIGN_IN', !production && jwtSecret === undefined && jwksUrl === undefined);
  if (production && devSignIn)
    throw new ConfigError('DEV_SIGN_IN', 'cannot be on in production (it hands out demo tokens)');
  if (devSignIn && jwksUrl !== undefined)
    throw new ConfigError(
      'DEV_SIGN_IN',
      'needs JWT_SECRET tokens (with JWKS_URL tokens come from your identity provider)',
    );
  const computeThreads = integer(env, 'COMPUTE_THREADS', os.availableParallelism(), 1, 256);
  const computeQueueMax = integer(env, 'COMPUTE_QUEUE_MAX', 16 * os.availableParallelism(), 0, 100_000);
  const planAdmissionMax = integer(env, 'PLAN_ADMISSION_MAX', computeThreads + computeQueueMax, 1, 100_000);
  const computeSource = (text(env, 'COMPUTE_SOURCE') ?? 'memory').toLowerCase();
  if (!COMPUTE_SOURCES.includes(computeSource as ComputeSource)) {
    throw new ConfigError('COMPUTE_SOURCE', `must be one of ${COMPUTE_SOURCES.join(', ')}, got "${computeSource}"`);
  }
  const localDataDir = path.resolve(cwd, text(env, 'NEO4J_LOCAL_DATA_DIR') ?? '.data/neo4j');
  const localPortRaw = text(env, 'NEO4J_LOCAL_PORT');
  return {
    env: nodeEnv as Config['env'],
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: text(env, 'HOST') ?? '127.0.0.1',
    logLevel: logLevel as LogLevel,
    neo4j: {
      uri: url(env, 'NEO4J_URI', ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc']),
      user: text(env, 'NEO4J_USER') ?? 'neo4j',
      password: text(env, 'NEO4J_PASSWORD') ?? '',
      database: text(env, 'NEO4J_DATABASE'),
      localDataDir,
      localPort: localPortRaw === undefined ? undefined : integer(env, 'NEO4J_LOCAL_PORT', 7687, 1, 65535),
      javaHome: text(env, 'JAVA_HOME'),
      localHeap: memorySize(env, 'NEO4J_LOCAL_HEAP'),
      localPageCache: memorySize(env, 'NEO4J_LOCAL_PAGECACHE'),
      localMaxRestarts: integer(env, 'NEO4J_LOCAL_MAX_RESTARTS', 3, 0, 100),
      identityCheckMs: integer(env, 'NEO4J_IDENTITY_CHECK_MS', 1_000, 100, 600_000),
    },
    esco: {
      apiUrl: url(env, 'ESCO_API_URL', ['http', 'https']) ?? 'https://ec.europa.eu/esco/api',
      version: text(env, 'ESCO_VERSION') ?? 'v1.1.1',
    },
    auth: {
      // Outside production a fixed, published development secret lets `npm run token` mint
      // tokens that `npm start` accepts; production refuses to start without a real key.
      jwtSecret: jwtSecret ?? (jwksUrl === undefined ? DEVELOPMENT_JWT_SECRET : undefined),
      jwksUrl,
      jwtIssuer: text(env, 'JWT_ISSUER'),
      jwtAudience: text(env, 'JWT_AUDIENCE'),
      jwtMaxLifetimeSeconds: integer(env, 'JWT_MAX_LIFETIME_SECONDS', 86_400, 60, 31_536_000),
    },
    limits: {
      maxPageSize: integer(env, 'MAX_PAGE_SIZE', 100, 1, 10_000),
      maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1_000_000, 1_000, 100_000_000),
      requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 600_000),
      rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 10_000_000),
      introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
      planTimeLimitMs: integer(env, 'PLAN_TIME_LIMIT_MS', DEFAULT_PLAN_TIME_LIMIT_MS, 10, MAX_PLAN_TIME_LIMIT_MS),
      planPrerequisiteTimePercent: integer(env, 'PLAN_PREREQUISITE_TIME_PERCENT', 60, 0, 100),
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 50_000, 10, 100_000_000),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30, 0, 10_000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 50, 0, 10_000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 2_000, 50, 1_000_000),
      blockFieldSuggestions: bool(env, 'GRAPHQL_BLOCK_FIELD_SUGGESTIONS', production),
      maxSearchTextLength: integer(env, 'MAX_SEARCH_TEXT_LENGTH', 500, 10, 100_000),
      maxSuggestTextLength: integer(env, 'MAX_SUGGEST_TEXT_LENGTH', 20_000, 10, 100_000),
      maxDbConcurrencyPerRequest: integer(env, 'MAX_DB_CONCURRENCY_PER_REQUEST', 4, 1, 1_000),
      maxDbRoundTripsPerRequest: integer(env, 'MAX_DB_ROUND_TRIPS_PER_REQUEST', 200, 1, 1_000_000),
      maxResponseBytes: integer(env, 'MAX_RESPONSE_BYTES', 10_000_000, 1_000, 500_000_000),
      computeThreads,
      computeQueueMax,
      planAdmissionMax,
      planAdmissionMin: integer(env, 'PLAN_ADMISSION_MIN', 1, 1, planAdmissionMax),
      computeSolverMemoryMb: integer(env, 'COMPUTE_SOLVER_MEMORY_MB', 48, 24, 4_096),
      computeWorkerHeapCollectMb: integer(env, 'COMPUTE_WORKER_HEAP_COLLECT_MB', 64, 16, 65_536),
      computeWorkerYoungGenerationMb: integer(env, 'COMPUTE_WORKER_YOUNG_GENERATION_MB', 24, 8, 1_024),
      computeExpressThreads: integer(env, 'COMPUTE_EXPRESS_THREADS', 1, 0, 16),
    },
    computeSource: computeSource as ComputeSource,
    readModelPollMs: integer(env, 'READ_MODEL_POLL_MS', 500, 50, 60_000),
    heapGrowthPercent: integer(env, 'HEAP_GROWTH_PERCENT', 30, 0, 300),
    gcParallelScavenge: bool(env, 'GC_PARALLEL_SCAVENGE', true),
    trustProxy: trustProxy(env),
    metricsEnabled,
    metricsToken,
    graphiql: bool(env, 'GRAPHIQL', !production),
    seedOnEmpty: bool(env, 'SEED_ON_EMPTY', true),
    webDir: path.resolve(cwd, text(env, 'WEB_DIR') ?? 'dist/web'),
    devSignIn,
    priceRatesFile: existingFile(env, 'PRICE_RATES_FILE', cwd),
    jobTitlesFile: existingFile(env, 'JOB_TITLES_FILE', cwd),
    credentials: {
      fetchEnabled: bool(env, 'VC_FETCH', true),
      fetchTimeoutMs: integer(env, 'VC_FETCH_TIMEOUT_MS', 3_000, 100, 60_000),
      signingKey: signingKey(env),
      issuerName: text(env, 'VC_ISSUER_NAME') ?? 'credgraph',
    },
  };
}

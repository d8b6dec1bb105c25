import type { Dispatcher } from 'undici';
import { BadInputError, NotFoundError } from '../../domain/errors';
import type {
  EscoConcept,
  EscoOccupation,
  EscoRelatedPage,
  EscoSearchResult,
  EscoSearchType,
  EscoSkill,
} from './esco-types';
import { EscoTransport, unexpectedResponse, type EscoCall, type EscoRetryEvent } from './esco-transport';
import { HalShapeError } from './hal-reader';
import { parseRelatedPage, parseSearchResult } from './parse-list';
import { parseConcept, parseOccupation, parseSkill } from './parse-resource';

/** Settings of `EscoApiClient`. Every field is optional; see `ESCO_API_DEFAULTS`. */
export interface EscoApiClientOptions {
  /** Default `https://ec.europa.eu/esco/api`. */
  baseUrl?: string;
  /** ESCO release sent as `selectedVersion` on every call; must match the imported CSVs. */
  selectedVersion?: string;
  /** Language used when a call does not name one. */
  language?: string;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** Hard ceiling on one attempt, including a body that trickles in. */
  attemptTimeoutMs?: number;
  /** Requests in flight at once across the whole client. */
  maxConcurrency?: number;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Cached responses kept at most; 0 disables the cache. */
  cacheMaxEntries?: number;
  cacheTtlMs?: number;
  /** Total size of cached bodies, in bytes of JSON text. */
  cacheMaxBytes?: number;
  /** Larger bodies are refused rather than buffered. */
  maxResponseBytes?: number;
  userAgent?: string;
  /** An undici dispatcher to use instead of the client's own pool (tests, proxies). */
  dispatcher?: Dispatcher;
  /** Called before each retry. */
  onRetry?: (event: EscoRetryEvent) => void;
}

/** Defaults of `EscoApiClientOptions`. */
export const ESCO_API_DEFAULTS = {
  baseUrl: 'https://ec.europa.eu/esco/api',
  selectedVersion: 'v1.1.1',
  language: 'en',
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 10_000,
  bodyTimeoutMs: 10_000,
  attemptTimeoutMs: 30_000,
  maxConcurrency: 4,
  maxAttempts: 3,
  retryBaseDelayMs: 250,
  retryMaxDelayMs: 5_000,
  cacheMaxEntries: 1_000,
  cacheTtlMs: 60 * 60 * 1000,
  cacheMaxBytes: 64 * 1024 * 1024,
  maxResponseBytes: 8 * 1024 * 1024,
  userAgent: 'credgraph-esco-client/0.1',
} as const;

/** Arguments of `EscoApiClient.search`. */
export interface EscoSearchParams {
  text: string;
  type?: EscoSearchType;
  language?: string;
  /** Page size, 1–100; default 20. */
  limit?: number;
  /** Zero-based page index (sent as the API's `offset`, which counts pages); default 0. */
  page?: number;
}

/** Arguments of `EscoApiClient.suggest`. */
export interface EscoSuggestParams extends EscoSearchParams {
  /** Also match alternative labels (the API's `alt`); default false. */
  alternativeLabels?: boolean;
}

/** Paging of `EscoApiClient.getRelated`. */
export interface EscoPageParams {
  /** Page size, 1–100; default 20. */
  limit?: number;
  /** Zero-based page index; default 0. */
  page?: number;
  language?: string;
}

/** Options of the single-resource getters. */
export interface EscoResourceParams {
  language?: string;
}

const SEARCH_TYPES: readonly EscoSearchType[] = ['skill', 'occupation', 'concept'];
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;

/**
 * Typed client of the ESCO web-service API (`/search`, `/suggest2`, `/resource/*`).
 *
 * Every call sends `selectedVersion` so answers match the imported ESCO release, and `language`
 * for the single-language fields. Failures surface as domain errors only:
 * - `BadInputError` for arguments rejected before any request (empty text, bad URI, bad paging);
 * - `NotFoundError` for a 404 on a concept lookup (never retried);
 * - `UpstreamUnavailableError` for everything else: 5xx/429/timeouts after the retries are spent,
 *   any other 4xx (a 400 means *our* request was wrong or uses a parameter this API version
 *   lacks, which the end user cannot fix, so it is reported as an upstream failure with its status
 *   and not retried), and bodies that are not JSON or not the expected HAL shape.
 *
 * @example
 * const esco = new EscoApiClient({ selectedVersion: 'v1.1.1' });
 * const { results } = await esco.search({ text: 'software developer', type: 'occupation', limit: 5 });
 * const occupation = await esco.getOccupation(results[0].uri);
 * await esco.close();
 */
export class EscoApiClient {
  /** The ESCO release every call pins; store it with anything imported through this client. */
  readonly selectedVersion: string;
  /** Default language of calls. */
  readonly language: string;
  private readonly transport: EscoTransport;

  constructor(options: EscoApiClientOptions = {}) {
    const o = { ...ESCO_API_DEFAULTS, ...stripUndefined(options) };
    for (const key of [
      'connectTimeoutMs',
      'headersTimeoutMs',
      'bodyTimeoutMs',
      'attemptTimeoutMs',
      'maxConcurrency',
      'maxAttempts',
    ] as const) {
      requirePositiveInteger(key, o[key]);
    }
    for (const key of [
      'retryBaseDelayMs',
      'retryMaxDelayMs',
      'cacheMaxEntries',
      'cacheTtlMs',
      'cacheMaxBytes',
      'maxResponseBytes',
    ] as const) {
      requireNonNegativeInteger(key, o[key]);
    }
    if (!/^v\d+(\.\d+)*$/.test(o.selectedVersion)) {
      throw new RangeError(`selectedVersion must look like "v1.1.1", got ${JSON.stringify(o.selectedVersion)}`);
    }
    requireLanguageOption(o.language);
    try {
      new URL(o.baseUrl);
    } catch {
      throw new RangeError(`baseUrl is not an absolute URL: ${JSON.stringify(o.baseUrl)}`);
    }
    this.selectedVersion = o.selectedVersion;
    this.language = o.language;
    this.transport = new EscoTransport({
      baseUrl: o.baseUrl,
      connectTimeoutMs: o.connectTimeoutMs,
      headersTimeoutMs: o.headersTimeoutMs,
      bodyTimeoutMs: o.bodyTimeoutMs,
      attemptTimeoutMs: o.attemptTimeoutMs,
      maxConcurrency: o.maxConcurrency,
      maxAttempts: o.maxAttempts,
      retryBaseDelayMs: o.retryBaseDelayMs,
      retryMaxDelayMs: o.retryMaxDelayMs,
      cacheMaxEntries: o.cacheMaxEntries,
      cacheTtlMs: o.cacheTtlMs,
      cacheMaxBytes: Math.max(1, o.cacheMaxBytes),
      maxResponseBytes: o.maxResponseBytes,
      userAgent: o.userAgent,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      ...(options.onRetry ? { onRetry: options.onRetry } : {}),
    });
  }

  /** Full-text search over labels (`/search`). */
  async search(params: EscoSearchParams): Promise<EscoSearchResult> {
    const { call, language } = this.listCall('/search', params, []);
    return this.call(call, (body) => parseSearchResult(body, language));
  }

  /** Type-ahead suggestions (`/suggest2`); same envelope as `search`. */
  async suggest(params: EscoSuggestParams): Promise<EscoSearchResult> {
    const extra: Array<[string, string]> = params.alternativeLabels ? [['alt', 'true']] : [];
    const { call, language } = this.listCall('/suggest2', params, extra);
    return this.call(call, (body) => parseSearchResult(body, language));
  }

  /**
   * One occupation with its essential and optional skills.
   *
   * @throws NotFoundError when ESCO has no occupation with this URI (or the URI names another class).
   */
  async getOccupation(uri: string, params: EscoResourceParams = {}): Promise<EscoOccupation> {
    const language = this.languageOf(params.language);
    const occupation = await this.call(this.resourceCall('occupation', uri, language), (body) =>
      parseOccupation(body, language),
    );
    this.requireClass(occupation.className, 'Occupation', 'occupation', uri);
    return occupation;
  }

  /**
   * One skill or knowledge concept with its type, reuse level and broader/narrower skills.
   *
   * @throws NotFoundError when ESCO has no skill with this URI (or the URI names another class).
   */
  async getSkill(uri: string, params: EscoResourceParams = {}): Promise<EscoSkill> {
    const language = this.languageOf(params.language);
    const skill = await this.call(this.resourceCall('skill', uri, language), (body) => parseSkill(body, language));
    this.requireClass(skill.className, 'Skill', 'skill', uri);
    return skill;
  }

  /**
   * Any other concept: ISCO groups, skill groups, skill types, reuse levels, ISCED-F fields.
   *
   * @throws NotFoundError when ESCO has no concept with this URI.
   */
  async getConcept(uri: string, params: EscoResourceParams = {}): Promise<EscoConcept> {
    const language = this.languageOf(params.language);
    return this.call(this.resourceCall('concept', uri, language), (body) => parseConcept(body, language));
  }

  /**
   * One page of the concepts linked to `uri` by `relation` (`/resource/related`), e.g.
   * `hasEssentialSkill`, `narrowerConcept`, `hasTopConcept`.
   *
   * @param full embed complete resources (parsed into each item's `resource`) instead of bare links.
   * @throws NotFoundError when ESCO has no concept with this URI.
   */
  async getRelated(uri: string, relation: string, paging: EscoPageParams = {}, full = false): Promise<EscoRelatedPage> {
    requireUri(uri);
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(relation)) {
      throw new BadInputError('relation must be an ESCO relation name such as "hasEssentialSkill"', {
        field: 'relation',
        value: relation,
      });
    }
    const language = this.languageOf(paging.language);
    const { limit, page } = pagingOf(paging);
    const call: EscoCall = {
      endpoint: '/resource/related',
      uri,
      params: [
        ['uri', uri],
        ['relation', relation],
        ['language', language],
        ['offset', String(page)],
        ['limit', String(limit)],
        ['full', String(full)],
        ['selectedVersion', this.selectedVersion],
      ],
      notFound: () => this.notFound('concept', uri),
    };
    return this.call(call, (body) => parseRelatedPage(body, uri, relation, language, full));
  }

  /** Closes the connection pool and empties the cache; later calls fail. */
  async close(): Promise<void> {
    await this.transport.close();
  }

  // Fetches and parses; a body of the wrong shape is evicted so a later call can fetch afresh.
  private async call<T>(call: EscoCall, parse: (body: unknown) => T): Promise<T> {
    const { url, body } = await this.transport.getJson(call);
    try {
      return parse(body);
    } catch (error) {
      if (!(error instanceof HalShapeError)) throw error;
      this.transport.evict(url);
      throw unexpectedResponse(call, error.message);
    }
  }

  private listCall(
    endpoint: string,
    params: EscoSearchParams,
    extra: Array<[string, string]>,
  ): { call: EscoCall; language: string } {
    const text = typeof params.text === 'string' ? params.text.trim() : '';
    if (text === '') throw new BadInputError('search text must not be empty', { field: 'text' });
    if (text.length > 200) throw new BadInputError('search text must be at most 200 characters', { field: 'text' });
    if (params.type !== undefined && !SEARCH_TYPES.includes(params.type)) {
      throw new BadInputError(`type must be one of ${SEARCH_TYPES.join(', ')}`, { field: 'type', value: params.type });
    }
    const language = this.languageOf(params.language);
    const { limit, page } = pagingOf(params);
    const call: EscoCall = {
      endpoint,
      params: [
        ['text', text],
        ...(params.type ? [['type', params.type] as [string, string]] : []),
        ['language', language],
        ['offset', String(page)],
        ['limit', String(limit)],
        ['full', 'false'],
        ['viewObsolete', 'false'],
        ...extra,
        ['selectedVersion', this.selectedVersion],
      ],
    };
    return { call, language };
  }

  private resourceCall(kind: 'occupation' | 'skill' | 'concept', uri: string, language: string): EscoCall {
    requireUri(uri);
    return {
      endpoint: `/resource/${kind}`,
      uri,
      params: [
        ['uri', uri],
        ['language', language],
        ['selectedVersion', this.selectedVersion],
      ],
      notFound: () => this.notFound(kind, uri),
    };
  }

  private notFound(kind: string, uri: string, className?: string): NotFoundError {
    return new NotFoundError(`ESCO ${this.selectedVersion} has no ${kind} with URI ${uri}`, {
      items: [uri],
      upstream: { version: this.selectedVersion },
      ...(className ? { reason: 'WRONG_CLASS', value: className } : {}),
    });
  }

  // Asking /resource/occupation for a skill URI is the caller's mistake, not an upstream fault.
  private requireClass(actual: string, expected: string, kind: string, uri: string): void {
    if (actual !== '' && actual !== expected) throw this.notFound(kind, uri, actual);
  }

  private languageOf(language: string | undefined): string {
    if (language === undefined) return this.language;
    if (!LANGUAGE.test(language)) {
      throw new BadInputError('language must be an ISO 639-1 code such as "en" or "en-us"', {
        field: 'language',
        value: language,
      });
    }
    return language.toLowerCase();
  }
}

const LANGUAGE = /^[a-z]{2}(-[a-z]{2})?$/i;

function requireLanguageOption(language: string): void {
  if (!LANGUAGE.test(language))
    throw new RangeError(`language must be an ISO 639-1 code, got ${JSON.stringify(language)}`);
}

function requireUri(uri: string): void {
  let ok = false;
  try {
    const parsed = new URL(uri);
    ok = parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) throw new BadInputError('uri must be an absolute http(s) concept URI', { field: 'uri', value: uri });
}

function pagingOf(params: { limit?: number | undefined; page?: number | undefined }): { limit: number; page: number } {
  const limit = params.limit ?? DEFAULT_LIMIT;
  const page = params.page ?? 0;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new BadInputError(`limit must be an integer from 1 to ${MAX_LIMIT}`, { field: 'limit', value: limit });
  }
  if (!Number.isSafeInteger(page) || page < 0) {
    throw new BadInputError('page must be a non-negative integer', { field: 'page', value: page });
  }
  return { limit, page };
}

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
}

function requireNonNegativeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

function stripUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import { Agent, request, type Dispatcher } from 'undici';
import { setTimeout as sleep } from 'node:timers/promises';
import { LRUCache } from 'lru-cache';
import {
  type DomainError,
  UpstreamUnavailableError,
  type ErrorDetails,
  type UpstreamDetails,
} from '../../domain/errors';
import { Semaphore } from './semaphore';
import { backoffDelayMs, errorCode, isRetryableError, isRetryableStatus, retryAfterMs } from './retry-policy';

/** Settings of the HTTP layer under `EscoApiClient`; every field has a default in the client. */
export interface EscoTransportOptions {
  baseUrl: string;
  connectTimeoutMs: number;
  /** Longest wait for the response headers of one attempt. */
  headersTimeoutMs: number;
  /** Longest silence between two body chunks of one attempt. */
  bodyTimeoutMs: number;
  /** Hard ceiling on one attempt, however the server trickles its bytes. */
  attemptTimeoutMs: number;
  maxConcurrency: number;
  maxAttempts: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** 0 disables the cache. */
  cacheMaxEntries: number;
  cacheTtlMs: number;
  cacheMaxBytes: number;
  maxResponseBytes: number;
  userAgent: string;
  /** When given, used instead of an own `Agent`; its connect timeout is then the caller's business. */
  dispatcher?: Dispatcher;
  onRetry?: (event: EscoRetryEvent) => void;
}

/** Reported before each retry, for logging and metrics. */
export interface EscoRetryEvent {
  endpoint: string;
  url: string;
  /** The attempt that failed (1-based). */
  attempt: number;
  delayMs: number;
  status?: number;
  reason: string;
}

/** One GET against the API. */
export interface EscoCall {
  /** Path under the base URL, e.g. `/resource/occupation`; also names the call in errors. */
  endpoint: string;
  /** Query parameters in a fixed order, so equal calls make equal URLs (the cache key). */
  params: ReadonlyArray<readonly [string, string]>;
  /** The concept the call is about, for error messages and details. */
  uri?: string;
  /** Builds the error for a 404; without it a 404 is an upstream failure (wrong base URL). */
  notFound?: () => DomainError;
}

/** A JSON body and the URL it came from. */
export interface EscoJson {
  url: string;
  body: unknown;
}

interface CacheEntry {
  body: unknown;
  bytes: number;
}

// The abort reason of an attempt cut short by one of our timers; its message is the failure reason.
class AttemptTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttemptTimeoutError';
  }
}

/** How one attempt went wrong: an HTTP status, the transport, or a body we cannot use. */
type FailureKind = 'status' | 'transport' | 'malformed' | 'too-large';

// A failure of one attempt, carrying what the retry loop and the final error need.
class AttemptFailure extends Error {
  readonly kind: FailureKind;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly upstreamMessage: string | undefined;
  /** What a `Retry-After` header asked for. */
  readonly waitMs: number | undefined;

  constructor(
    kind: FailureKind,
    reason: string,
    init: { retryable: boolean; status?: number; upstreamMessage?: string; waitMs?: number },
  ) {
    super(reason);
    this.kind = kind;
    this.retryable = init.retryable;
    this.status = init.status;
    this.upstreamMessage = init.upstreamMessage;
    this.waitMs = init.waitMs;
  }
}

/** The message a failed call reports, shared so both layers say "unexpected response" alike. */
export function unexpectedResponse(call: EscoCall, why: string): UpstreamUnavailableError {
  return new UpstreamUnavailableError(
    `ESCO API returned an unexpected response for ${describe(call)}: ${why}`,
    details(call, { message: why }),
  );
}

function describe(call: EscoCall): string {
  return call.uri ? `${call.endpoint} (uri ${call.uri})` : call.endpoint;
}

function details(call: EscoCall, upstream: Omit<UpstreamDetails, 'endpoint'>): ErrorDetails {
  return { upstream: { endpoint: call.endpoint, ...upstream }, ...(call.uri ? { items: [call.uri] } : {}) };
}

/**
 * GETs JSON from the ESCO API with timeouts, bounded concurrency, retries and an LRU cache.
 *
 * Concurrency is bounded per attempt, not per call: a call waiting out its backoff holds no slot,
 * so one flaky endpoint cannot starve the rest. Identical calls in flight at the same time share
 * one request, and only 2xx JSON bodies are cached (errors never are).
 */
export class EscoTransport {
  private readonly gate: Semaphore;
  private readonly cache: LRUCache<string, CacheEntry> | undefined;
  private readonly inFlight = new Map<string, Promise<EscoJson>>();
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly base: URL;
  private closed = false;

  constructor(private readonly options: EscoTransportOptions) {
    this.gate = new Semaphore(options.maxConcurrency);
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.cache =
      options.cacheMaxEntries > 0
        ? new LRUCache<string, CacheEntry>({
            max: options.cacheMaxEntries,
            ttl: options.cacheTtlMs,
            maxSize: options.cacheMaxBytes,
            sizeCalculation: (entry) => Math.max(1, entry.bytes),
          })
        : undefined;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        connect: { timeout: options.connectTimeoutMs },
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.bodyTimeoutMs,
        connections: options.maxConcurrency,
      });
  }

  /** The full URL of a call; also its cache key. */
  urlOf(call: EscoCall): string {
    const url = new URL(call.endpoint.replace(/^\//, ''), this.base);
    // encodeURIComponent rather than URLSearchParams: spaces as %20, like the API's own links.
    url.search = call.params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    return url.toString();
  }

  /**
   * The JSON body of a call, from the cache or the network.
   *
   * @throws UpstreamUnavailableError when every attempt failed, the status is not retryable, or the
   *   body is not JSON; `call.notFound()` for a 404 when given.
   */
  async getJson(call: EscoCall): Promise<EscoJson> {
    if (this.closed) {
      throw new UpstreamUnavailableError(`ESCO API client is closed; cannot call ${call.endpoint}`, details(call, {}));
    }
    const url = this.urlOf(call);
    const hit = this.cache?.get(url);
    if (hit) return { url, body: hit.body };
    const pending = this.inFlight.get(url);
    if (pending !== undefined) return pending;
    const promise = this.fetchWithRetries(call, url).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, promise);
    return promise;
  }

  /** Drops a cached body, e.g. one that parsed as JSON but had the wrong shape. */
  evict(url: string): void {
    this.cache?.delete(url);
  }

  /** Empties the cache and closes the connection pool this transport created (not an injected one). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cache?.clear();
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private async fetchWithRetries(call: EscoCall, url: string): Promise<EscoJson> {
    const { maxAttempts, retryBaseDelayMs, retryMaxDelayMs } = this.options;
    for (let attempt = 1; ; attempt++) {
      let failure: AttemptFailure;
      try {
        const { body, bytes } = await this.gate.run(() => this.attempt(call, url));
        this.cache?.set(url, { body, bytes });
        return { url, body };
      } catch (error) {
        if (!(error instanceof AttemptFailure)) throw error;
        failure = error;
      }
      // After close() the pool is gone; further attempts could only fail the same way.
      if (!failure.retryable || attempt >= maxAttempts || this.closed) throw this.finalError(call, failure, attempt);
      const backoff = backoffDelayMs(attempt, retryBaseDelayMs, retryMaxDelayMs);
      const delayMs = Math.min(retryMaxDelayMs, Math.max(backoff, failure.waitMs ?? 0));
      this.options.onRetry?.({
        endpoint: call.endpoint,
        url,
        attempt,
        delayMs,
        reason: failure.message,
        ...(failure.status !== undefined ? { status: failure.status } : {}),
      });
      await sleep(delayMs);
    }
  }

  private finalError(call: EscoCall, failure: AttemptFailure, attempts: number): DomainError {
    if (failure.status === 404 && call.notFound) return call.notFound();
    if (failure.kind === 'malformed') return unexpectedResponse(call, failure.message);
    const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
    const said = failure.upstreamMessage ? `: ${failure.upstreamMessage}` : '';
    return new UpstreamUnavailableError(
      `ESCO API ${describe(call)} failed: ${failure.message}${said} (${tries})`,
      details(call, {
        ...(failure.status !== undefined ? { status: failure.status } : {}),
        attempts,
        message: failure.upstreamMessage ? `${failure.message}: ${failure.upstreamMessage}` : failure.message,
      }),
    );
  }

  /*
   * One HTTP exchange; every failure leaves as an AttemptFailure saying whether to retry.
   *
   * The timeouts are enforced here with native timers: undici runs its headers/body timeouts on a
   * coarse shared clock (about a second of slack), which would let a 150 ms limit take a second.
   * undici still gets the same values as a backstop. The headers timer starts with the attempt, so
   * it also covers connecting.
   */
  private async attempt(_call: EscoCall, url: string): Promise<{ body: unknown; bytes: number }> {
    const { headersTimeoutMs, bodyTimeoutMs, attemptTimeoutMs, maxResponseBytes } = this.options;
    const controller = new AbortController();
    const abortAfter = (ms: number, reason: string): NodeJS.Timeout =>
      setTimeout(() => controller.abort(new AttemptTimeoutError(reason)), ms);
    const deadline = abortAfter(attemptTimeoutMs, `attempt exceeded ${attemptTimeoutMs} ms`);
    let phase = abortAfter(headersTimeoutMs, `no response headers within ${headersTimeoutMs} ms`);
    try {
      const response = await request(url, {
        method: 'GET',
        dispatcher: this.dispatcher,
        headers: { accept: 'application/json', 'user-agent': this.options.userAgent },
        headersTimeout: headersTimeoutMs,
        bodyTimeout: bodyTimeoutMs,
        signal: controller.signal,
      });
      clearTimeout(phase);
      phase = abortAfter(bodyTimeoutMs, `response body stalled for ${bodyTimeoutMs} ms`);
      const onChunk = (): void => void phase.refresh();
      const { statusCode } = response;
      if (statusCode < 200 || statusCode >= 300) {
        // The error body only adds detail; failing to read it must not hide the status.
        const text = await readCapped(response.body, 64 * 1024, onChunk).catch(() => undefined);
        const message = text === undefined ? undefined : upstreamMessage(text);
        const waitMs =
          statusCode === 429 || statusCode === 503 ? retryAfterMs(response.headers['retry-after']) : undefined;
        throw new AttemptFailure('status', `HTTP ${statusCode}`, {
          retryable: isRetryableStatus(statusCode),
          status: statusCode,
          ...(message !== undefined ? { upstreamMessage: message } : {}),
          ...(waitMs !== undefined ? { waitMs } : {}),
        });
      }
      const text = await readCapped(response.body, maxResponseBytes, onChunk);
      if (text === undefined) {
        throw new AttemptFailure('too-large', `response larger than ${maxResponseBytes} bytes`, { retryable: false });
      }
      try {
        return { body: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
      } catch {
        // A 200 whose body is not JSON (a proxy's HTML page, a broken server) will not fix itself.
        throw new AttemptFailure('malformed', 'malformed JSON body', { retryable: false });
      }
    } catch (error) {
      if (error instanceof AttemptFailure) throw error;
      const reason: unknown = controller.signal.reason;
      if (controller.signal.aborted && reason instanceof AttemptTimeoutError) {
        throw new AttemptFailure('transport', reason.message, { retryable: true });
      }
      throw new AttemptFailure('transport', transportReason(error, this.options), {
        retryable: isRetryableError(error),
      });
    } finally {
      clearTimeout(deadline);
      clearTimeout(phase);
    }
  }
}

// Reads a body as UTF-8 text, or returns undefined (and drops the connection) past `limit` bytes.
async function readCapped(
  body: Dispatcher.ResponseData['body'],
  limit: number,
  onChunk: () => void,
): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    onChunk();
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// The `message` of the API's error body (`{logref, status, message}`), shortened for logs.
function upstreamMessage(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 300);
  } catch {
    // not JSON: nothing worth passing on
  }
  return undefined;
}

function transportReason(error: unknown, options: EscoTransportOptions): string {
  switch (errorCode(error)) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `connect timeout (${options.connectTimeoutMs} ms)`;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `no response headers within ${options.headersTimeoutMs} ms`;
    case 'UND_ERR_BODY_TIMEOUT':
      return `response body stalled for ${options.bodyTimeoutMs} ms`;
    default: {
      const code = errorCode(error);
      const message = error instanceof Error ? error.message : String(error);
      return code ? `connection error ${code}: ${message}` : `request failed: ${message}`;
    }
  }
}

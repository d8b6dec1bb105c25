/**
 * Fetches the few JSON documents verification may need from the network: a did:web DID document,
 * a JWKS, a status list credential. Every such fetch goes through a {@link JsonFetcher}, so tests
 * and deployments without network inject their own, and the default one is bounded in time, size
 * and reach.
 */
import { isInternalHost } from './internal-host';

/** Fetches and parses one JSON document; rejects with an Error whose message says why. */
export type JsonFetcher = (url: string) => Promise<unknown>;

/** Options of {@link createHttpJsonFetcher}. */
export interface HttpJsonFetcherOptions {
  /** Per-request limit; the verifier answers UNVERIFIABLE when it passes. */
  readonly timeoutMs: number;
  /** Largest response body accepted. */
  readonly maxBytes?: number;
  /**
   * Allow plain `http:` and loopback / private IP literals. Off by default: a credential is
   * attacker-controlled input, and the server must not become a proxy into its own network.
   * Tests turn it on to reach a server on 127.0.0.1.
   */
  readonly allowInsecure?: boolean;
}

/** Default response size limit: DID documents, JWKS and status lists are far smaller. */
export const DEFAULT_MAX_FETCH_BYTES = 1_000_000;

/**
 * A fetcher over Node's `fetch`: HTTPS only, no redirects, JSON only, `timeoutMs` per request,
 * `maxBytes` per body, and no IP-literal hosts in loopback, link-local or private ranges.
 *
 * @example
 * const fetchJson = createHttpJsonFetcher({ timeoutMs: 3000 });
 * await fetchJson('https://example.edu/.well-known/did.json');
 */
export function createHttpJsonFetcher(options: HttpJsonFetcherOptions): JsonFetcher {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FETCH_BYTES;
  return async (url: string) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`${JSON.stringify(url)} is not a URL`);
    }
    if (!options.allowInsecure) {
      if (parsed.protocol !== 'https:') throw new Error(`${url} is not an https URL; only https is fetched`);
      if (isInternalHost(parsed.hostname)) throw new Error(`${url} names an internal address; it is not fetched`);
    } else if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      throw new Error(`${url} is not an http(s) URL`);
    }
    let response: Response;
    try {
      response = await fetch(parsed, {
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: 'application/json, application/ld+json, application/did+json, application/jwk-set+json' },
      });
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs} ms` : describeCause(error);
      throw new Error(`${url} could not be fetched: ${reason}`);
    }
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    const body = await readLimited(response, maxBytes, url);
    try {
      return JSON.parse(body) as unknown;
    } catch {
      throw new Error(`${url} did not answer JSON`);
    }
  };
}

/** A fetcher for deployments with fetching turned off: every call fails with that reason. */
export const noNetworkFetcher: JsonFetcher = async (url) => {
  throw new Error(`${url} was not fetched: network fetching is turned off (VC_FETCH=false)`);
};

async function readLimited(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw new Error(`${url} answered ${declared} bytes, more than ${maxBytes}`);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`${url} answered more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

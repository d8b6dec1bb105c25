import { afterEach, describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { EscoApiClient, type EscoApiClientOptions } from '../../../src/esco/api';
import { BadInputError, NotFoundError, UpstreamUnavailableError } from '../../../src/domain/errors';
import {
  SOFTWARE_DEVELOPER,
  delay,
  recordedRoutes,
  sampleText,
  sendError,
  sendJson,
  startFakeEsco,
  type FakeEsco,
  type Handler,
} from './fake-esco-server';

const SEARCH = sampleText('cognitivestaffing-2025', 'search_software_engineer.json');

// Small timeouts and near-zero backoff keep the fault tests fast.
const FAST: EscoApiClientOptions = {
  headersTimeoutMs: 150,
  bodyTimeoutMs: 150,
  attemptTimeoutMs: 2_000,
  retryBaseDelayMs: 1,
  retryMaxDelayMs: 5,
};

let fake: FakeEsco | undefined;
let client: EscoApiClient | undefined;

async function setup(
  handler: Handler,
  options: EscoApiClientOptions = {},
): Promise<{ fake: FakeEsco; client: EscoApiClient }> {
  fake = await startFakeEsco(handler);
  client = new EscoApiClient({ baseUrl: fake.baseUrl, ...FAST, ...options });
  return { fake, client };
}

afterEach(async () => {
  await client?.close();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('request parameters', () => {
  it('search sends text, type, language, page as offset, limit, selectedVersion and Accept', async () => {
    const { fake, client } = await setup(recordedRoutes);
    await client.search({ text: 'software engineer', type: 'occupation', limit: 5, page: 3 });

    const req = fake.requests[0]!;
    expect(req.path).toBe('/search');
    expect(req.query.get('text')).toBe('software engineer');
    expect(req.query.get('type')).toBe('occupation');
    expect(req.query.get('language')).toBe('en');
    expect(req.query.get('offset')).toBe('3');
    expect(req.query.get('limit')).toBe('5');
    expect(req.query.get('selectedVersion')).toBe('v1.1.1');
    expect(req.headers['accept']).toBe('application/json');
  });

  it('every resource call pins the configured selectedVersion', async () => {
    const { fake, client } = await setup(recordedRoutes, { selectedVersion: 'v1.2.0', language: 'de' });
    await client.getOccupation(SOFTWARE_DEVELOPER);
    await client.getConcept('http://data.europa.eu/esco/skill-type/knowledge');
    await client.getRelated(
      'http://data.europa.eu/esco/concept-scheme/skills',
      'hasTopConcept',
      { page: 1, limit: 20 },
      true,
    );

    expect(fake.requests.map((r) => r.query.get('selectedVersion'))).toEqual(['v1.2.0', 'v1.2.0', 'v1.2.0']);
    expect(fake.requests.map((r) => r.query.get('language'))).toEqual(['de', 'de', 'de']);
    expect(fake.requests[0]!.query.get('uri')).toBe(SOFTWARE_DEVELOPER);
    const related = fake.requests[2]!.query;
    expect([related.get('relation'), related.get('offset'), related.get('limit'), related.get('full')]).toEqual([
      'hasTopConcept',
      '1',
      '20',
      'true',
    ]);
  });

  it('rejects bad arguments before any request', async () => {
    const { fake, client } = await setup(recordedRoutes);
    await expect(client.search({ text: '   ' })).rejects.toBeInstanceOf(BadInputError);
    await expect(client.search({ text: 'x', limit: 0 })).rejects.toBeInstanceOf(BadInputError);
    await expect(client.search({ text: 'x', page: -1 })).rejects.toBeInstanceOf(BadInputError);
    await expect(client.getOccupation('not a uri')).rejects.toBeInstanceOf(BadInputError);
    await expect(client.getRelated(SOFTWARE_DEVELOPER, 'has skill')).rejects.toBeInstanceOf(BadInputError);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries a 500 and succeeds; the server sees 2 requests', async () => {
    const { fake, client } = await setup((_req, res, n) =>
      n === 1 ? sendError(res, 500, 'boom') : sendJson(res, 200, SEARCH),
    );
    const result = await client.search({ text: 'software engineer' });

    expect(result.total).toBe(420);
    expect(fake.requests).toHaveLength(2);
  });

  it('retries a 429, honouring Retry-After up to the backoff cap', async () => {
    const retries: number[] = [];
    const { fake, client } = await setup(
      (_req, res, n) =>
        n === 1 ? sendJson(res, 429, { status: 429 }, { 'retry-after': '1' }) : sendJson(res, 200, SEARCH),
      { retryMaxDelayMs: 20, onRetry: (e) => retries.push(e.delayMs) },
    );
    await client.search({ text: 'software engineer' });

    expect(fake.requests).toHaveLength(2);
    expect(retries).toEqual([20]);
  });

  it('gives up after maxAttempts 503s with one error naming endpoint, status and attempts', async () => {
    const { fake, client } = await setup((_req, res) => sendError(res, 503, 'maintenance'));
    const error = await failure(client.search({ text: 'software engineer' }));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).toContain('/search');
    expect(error.message).toContain('HTTP 503');
    expect(error.message).toContain('3 attempts');
    expect((error as UpstreamUnavailableError).details).toMatchObject({
      upstream: { endpoint: '/search', status: 503, attempts: 3 },
    });
    expect(fake.requests).toHaveLength(3);
  });

  it('times out on missing headers within the limit and maps to UpstreamUnavailableError after retries', async () => {
    const { fake, client } = await setup(() => undefined /* never answers */, {
      headersTimeoutMs: 100,
      maxAttempts: 2,
    });
    const started = Date.now();
    const error = await failure(client.getOccupation(SOFTWARE_DEVELOPER));
    const elapsed = Date.now() - started;

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).toMatch(/no response headers within 100 ms/);
    expect((error as UpstreamUnavailableError).details).toMatchObject({
      upstream: { attempts: 2 },
      items: [SOFTWARE_DEVELOPER],
    });
    expect(fake.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('times out on a stalled body', async () => {
    const { fake, client } = await setup(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"total": ');
      },
      { bodyTimeoutMs: 100, maxAttempts: 2 },
    );
    const error = await failure(client.search({ text: 'software engineer' }));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).toMatch(/body stalled/);
    expect(fake.requests).toHaveLength(2);
  });

  it('bounds a whole attempt even when the body trickles in', async () => {
    const { fake, client } = await setup(
      async (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        for (let i = 0; i < 100 && !res.destroyed; i++) {
          res.write(' ');
          await delay(20);
        }
        res.end('{}');
      },
      { attemptTimeoutMs: 150, bodyTimeoutMs: 1_000, maxAttempts: 1 },
    );
    const error = await failure(client.search({ text: 'software engineer' }));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).toMatch(/attempt exceeded 150 ms/);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries refused connections, then reports them', async () => {
    const dead = await startFakeEsco();
    const baseUrl = dead.baseUrl;
    await dead.close();
    client = new EscoApiClient({ baseUrl, ...FAST });
    const error = await failure(client.search({ text: 'x' }));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect((error as UpstreamUnavailableError).details).toMatchObject({ upstream: { attempts: 3 } });
  });
});

describe('responses that are not retried', () => {
  it('malformed JSON → UpstreamUnavailableError "unexpected response", one request', async () => {
    const { fake, client } = await setup((_req, res) => sendJson(res, 200, '{"total": 420, "results": ['));
    const error = await failure(client.search({ text: 'software engineer' }));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).toMatch(/^ESCO API returned an unexpected response for \/search/);
    expect(fake.requests).toHaveLength(1);
  });

  it('valid JSON of the wrong shape → UpstreamUnavailableError naming the path, and is not cached', async () => {
    const { fake, client } = await setup((_req, res, n) =>
      n === 1 ? sendJson(res, 200, { total: 'many', _embedded: { results: [] } }) : sendJson(res, 200, SEARCH),
    );
    const error = await failure(client.search({ text: 'software engineer' }));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).toMatch(/unexpected response for \/search: expected a non-negative integer at total/);

    await expect(client.search({ text: 'software engineer' })).resolves.toMatchObject({ total: 420 });
    expect(fake.requests).toHaveLength(2);
  });

  it('a link without a URI is an unexpected response', async () => {
    const { client } = await setup((_req, res) =>
      sendJson(res, 200, {
        className: 'Occupation',
        uri: SOFTWARE_DEVELOPER,
        title: 't',
        _links: { hasEssentialSkill: [{ title: 'x' }] },
      }),
    );
    const error = await failure(client.getOccupation(SOFTWARE_DEVELOPER));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).toContain('_links.hasEssentialSkill[0].uri');
  });

  it('404 → NotFoundError with the URI, without retry', async () => {
    const { fake, client } = await setup((_req, res) => sendError(res, 404, 'not found'));
    const missing = 'http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000';
    const error = await failure(client.getOccupation(missing));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain(missing);
    expect((error as NotFoundError).details).toMatchObject({ items: [missing], upstream: { version: 'v1.1.1' } });
    expect(fake.requests).toHaveLength(1);
  });

  it('404 on /search (wrong base URL) is an upstream failure, not NotFound', async () => {
    const { fake, client } = await setup((_req, res) => sendError(res, 404, 'no such path'));
    const error = await failure(client.search({ text: 'x' }));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(fake.requests).toHaveLength(1);
  });

  it('a resource of another class → NotFoundError', async () => {
    // The recorded skill-type concept, served where an occupation was asked for.
    const { client } = await setup((_req, res) =>
      sendJson(res, 200, sampleText('r-scraping-json-2018', 'skillset.json')),
    );
    const error = await failure(client.getOccupation('http://data.europa.eu/esco/skill-type/knowledge'));

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).details).toMatchObject({ reason: 'WRONG_CLASS', value: 'Concept' });
  });

  it('400 → UpstreamUnavailableError with status and upstream message, without retry', async () => {
    const { fake, client } = await setup((_req, res) => sendError(res, 400, 'Invalid selectedVersion value: v9'));
    const error = await failure(client.search({ text: 'software engineer' }));

    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).toContain('HTTP 400');
    expect(error.message).toContain('Invalid selectedVersion value');
    expect((error as UpstreamUnavailableError).details).toMatchObject({ upstream: { status: 400, attempts: 1 } });
    expect(fake.requests).toHaveLength(1);
  });

  it('a body over maxResponseBytes is refused', async () => {
    const { client } = await setup(recordedRoutes, { maxResponseBytes: 10_000 });
    const error = await failure(client.getOccupation(SOFTWARE_DEVELOPER));
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect(error.message).toMatch(/larger than 10000 bytes/);
  });
});

describe('suggest2 (no recorded body exists)', () => {
  it('reads hits without `title` from their preferredLabel in the requested language', async () => {
    const body = JSON.parse(SEARCH);
    for (const hit of body._embedded.results) delete hit.title;
    const { fake, client } = await setup((_req, res) => sendJson(res, 200, body));
    const result = await client.suggest({ text: 'softw', language: 'de' });

    expect(fake.requests[0]!.path).toBe('/suggest2');
    expect(result.results[0]!.title).toBe(body._embedded.results[0].preferredLabel.de);
  });
});

describe('cache', () => {
  it('serves a repeated request without a second server hit', async () => {
    const { fake, client } = await setup(recordedRoutes);
    const a = await client.getOccupation(SOFTWARE_DEVELOPER);
    a.essentialSkills.length = 0; // callers own their copies: mutating one must not touch the cache
    const b = await client.getOccupation(SOFTWARE_DEVELOPER);

    expect(b.essentialSkills).toHaveLength(23);
    expect(fake.requests).toHaveLength(1);

    await client.getOccupation(SOFTWARE_DEVELOPER, { language: 'de' });
    expect(fake.requests).toHaveLength(2); // another URL, another entry
  });

  it('shares one request between identical calls in flight', async () => {
    const { fake, client } = await setup(async (req, res, n) => {
      await delay(30);
      await recordedRoutes(req, res, n);
    });
    const [a, b] = await Promise.all([
      client.getOccupation(SOFTWARE_DEVELOPER),
      client.getOccupation(SOFTWARE_DEVELOPER),
    ]);
    expect(a.uri).toBe(b.uri);
    expect(fake.requests).toHaveLength(1);
  });

  it('expires entries after the TTL', async () => {
    const { fake, client } = await setup(recordedRoutes, { cacheTtlMs: 30 });
    await client.search({ text: 'python' });
    await delay(60);
    await client.search({ text: 'python' });
    expect(fake.requests).toHaveLength(2);
  });

  it('does not cache failures', async () => {
    const { fake, client } = await setup(
      (_req, res, n) => (n === 1 ? sendError(res, 500, 'boom') : sendJson(res, 200, SEARCH)),
      {
        maxAttempts: 1,
      },
    );
    await expect(client.search({ text: 'software engineer' })).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(client.search({ text: 'software engineer' })).resolves.toMatchObject({ total: 420 });
    await client.search({ text: 'software engineer' });
    expect(fake.requests).toHaveLength(2);
  });
});

describe('concurrency', () => {
  it('keeps at most maxConcurrency requests in flight', async () => {
    const { fake, client } = await setup(
      async (_req, res) => {
        await delay(60);
        sendJson(res, 200, SEARCH);
      },
      // Generous header and body timeouts: on a loaded machine a 60 ms answer can miss the suite's
      // 150 ms ones and be retried, which this test would count as an 11th request.
      { maxConcurrency: 3, headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000 },
    );
    await Promise.all(Array.from({ length: 10 }, (_, i) => client.search({ text: `query ${i}` })));

    expect(fake.requests).toHaveLength(10);
    expect(fake.maxInFlight()).toBeLessThanOrEqual(3);
    expect(fake.maxInFlight()).toBe(3); // and the bound is actually used, not serialised
  });
});

describe('lifecycle', () => {
  it('uses an injected dispatcher and leaves it open on close()', async () => {
    const agent = new Agent();
    const { fake } = await setup(recordedRoutes);
    const injected = new EscoApiClient({ baseUrl: fake.baseUrl, dispatcher: agent, cacheMaxEntries: 0 });
    await injected.search({ text: 'python' });
    await injected.close();

    expect(agent.closed).toBe(false);
    await expect(injected.search({ text: 'python' })).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await agent.close();
  });

  it('rejects invalid configuration early', () => {
    expect(() => new EscoApiClient({ maxConcurrency: 0 })).toThrow(RangeError);
    expect(() => new EscoApiClient({ selectedVersion: '1.1.1' })).toThrow(RangeError);
    expect(() => new EscoApiClient({ baseUrl: 'not a url' })).toThrow(RangeError);
  });
});

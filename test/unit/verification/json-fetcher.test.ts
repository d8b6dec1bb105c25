import { describe, expect, it } from 'vitest';
import { createHttpJsonFetcher } from '../../../src/services/verification/json-fetcher';
import { loadConfig, ConfigError } from '../../../src/config/config';

describe('createHttpJsonFetcher', () => {
  const fetchJson = createHttpJsonFetcher({ timeoutMs: 500 });
  it.each([
    ['http://issuer.example/.well-known/did.json', /only https/],
    ['https://127.0.0.1/status', /internal address/],
    ['https://10.1.2.3/status', /internal address/],
    ['https://169.254.169.254/latest/meta-data', /internal address/],
    ['https://[::1]/x', /internal address/],
    ['https://localhost/x', /internal address/],
    ['file:///etc/passwd', /only https/],
  ])('refuses %s without sending anything (credentials are untrusted input)', async (url, reason) => {
    await expect(fetchJson(url)).rejects.toThrow(reason);
  });
});

describe('VC configuration', () => {
  it('validates VC_SIGNING_KEY and defaults fetching on with a 3 s timeout', () => {
    expect(loadConfig({}).credentials).toEqual({
      fetchEnabled: true,
      fetchTimeoutMs: 3000,
      signingKey: undefined,
      issuerName: 'credgraph',
    });
    expect(() => loadConfig({ VC_SIGNING_KEY: 'not-a-key' })).toThrow(ConfigError);
    expect(loadConfig({ VC_FETCH: 'false', VC_FETCH_TIMEOUT_MS: '500' }).credentials).toMatchObject({
      fetchEnabled: false,
      fetchTimeoutMs: 500,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config';

const SECRET = { JWT_SECRET: 'x'.repeat(32) };

describe('abuse-resistance settings', () => {
  it('has safe defaults', () => {
    const config = loadConfig({});
    expect(config.limits).toMatchObject({
      maxDepth: 12,
      maxCost: 50_000,
      maxAliases: 30,
      maxDirectives: 50,
      maxTokens: 2_000,
      rateLimitPerMinute: 600,
      requestTimeoutMs: 15_000,
      blockFieldSuggestions: false,
      introspection: true,
    });
    expect(config.trustProxy).toBe(0);
    expect(config.metricsEnabled).toBe(true);
  });

  it('blocks field suggestions and introspection in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...SECRET }).limits).toMatchObject({
      blockFieldSuggestions: true,
      introspection: false,
    });
    expect(
      loadConfig({ NODE_ENV: 'production', GRAPHQL_BLOCK_FIELD_SUGGESTIONS: 'false', ...SECRET }).limits
        .blockFieldSuggestions,
    ).toBe(false);
  });

  it('has documented defaults for the per-request limits, each configurable', () => {
    expect(loadConfig({}).limits).toMatchObject({
      maxSearchTextLength: 500,
      maxSuggestTextLength: 20_000,
      maxDbConcurrencyPerRequest: 4,
      maxDbRoundTripsPerRequest: 200,
      maxResponseBytes: 10_000_000,
    });
    const config = loadConfig({
      MAX_SEARCH_TEXT_LENGTH: '100',
      MAX_SUGGEST_TEXT_LENGTH: '1000',
      MAX_DB_CONCURRENCY_PER_REQUEST: '2',
      MAX_DB_ROUND_TRIPS_PER_REQUEST: '50',
      MAX_RESPONSE_BYTES: '5000',
    });
    expect(config.limits).toMatchObject({
      maxSearchTextLength: 100,
      maxSuggestTextLength: 1000,
      maxDbConcurrencyPerRequest: 2,
      maxDbRoundTripsPerRequest: 50,
      maxResponseBytes: 5000,
    });
    expect(() => loadConfig({ MAX_DB_CONCURRENCY_PER_REQUEST: '0' })).toThrow(
      /MAX_DB_CONCURRENCY_PER_REQUEST must lie in/,
    );
    expect(() => loadConfig({ MAX_RESPONSE_BYTES: '1e9' })).toThrow(/MAX_RESPONSE_BYTES must be a whole number/);
  });

  it('reads and validates the variables', () => {
    const config = loadConfig({
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_COST: '1000',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_DIRECTIVES: '3',
      GRAPHQL_MAX_TOKENS: '500',
      TRUST_PROXY: 'yes',
      METRICS_ENABLED: 'off',
    });
    expect(config.limits).toMatchObject({
      maxDepth: 8,
      maxCost: 1000,
      maxAliases: 5,
      maxDirectives: 3,
      maxTokens: 500,
    });
    expect([config.trustProxy, config.metricsEnabled]).toEqual([1, false]);
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ GRAPHQL_MAX_COST: 'lots' })).toThrow(/GRAPHQL_MAX_COST must be a whole number/);
    expect(() => loadConfig({ GRAPHQL_MAX_TOKENS: '10' })).toThrow(/GRAPHQL_MAX_TOKENS must lie in/);
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(
      /TRUST_PROXY must be a number of proxy hops or a comma-separated list/,
    );
  });
});

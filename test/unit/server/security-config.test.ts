import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config';

const PROD = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };

describe('security settings', () => {
  it('TRUST_PROXY: a hop count, true meaning one proxy, or a list of proxy addresses and subnets', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toEqual(['10.0.0.0/8', 'loopback']);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/99' })).toThrow(/TRUST_PROXY must be a number of proxy hops/);
    expect(() => loadConfig({ TRUST_PROXY: '21' })).toThrow(/TRUST_PROXY must lie in \[0, 20\]/);
  });

  it('GraphiQL is served outside production only, unless configured', () => {
    expect(loadConfig({}).graphiql).toBe(true);
    expect(loadConfig(PROD).graphiql).toBe(false);
    expect(loadConfig({ ...PROD, GRAPHIQL: 'on' }).graphiql).toBe(true);
    expect(loadConfig({ GRAPHIQL: 'off' }).graphiql).toBe(false);
  });

  it('metrics are never public in production: off without METRICS_TOKEN, refused when forced on without one', () => {
    expect(loadConfig({}).metricsEnabled).toBe(true);
    expect(loadConfig(PROD).metricsEnabled).toBe(false);
    expect(loadConfig({ ...PROD, METRICS_TOKEN: 't'.repeat(16) })).toMatchObject({
      metricsEnabled: true,
      metricsToken: 't'.repeat(16),
    });
    expect(() => loadConfig({ ...PROD, METRICS_ENABLED: 'true' })).toThrow(/METRICS_TOKEN must be set in production/);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
  });

  it('token lifetime, identity checks and local Neo4j sizes are validated', () => {
    expect(loadConfig({}).auth.jwtMaxLifetimeSeconds).toBe(86_400);
    expect(loadConfig({ JWT_MAX_LIFETIME_SECONDS: '3600' }).auth.jwtMaxLifetimeSeconds).toBe(3600);
    expect(() => loadConfig({ JWT_MAX_LIFETIME_SECONDS: '10' })).toThrow(/JWT_MAX_LIFETIME_SECONDS must lie in/);
    expect(loadConfig({}).neo4j).toMatchObject({
      identityCheckMs: 1_000,
      localHeap: undefined,
      localPageCache: undefined,
      localMaxRestarts: 3,
    });
    expect(loadConfig({ NEO4J_LOCAL_HEAP: '2G', NEO4J_LOCAL_PAGECACHE: '512m' }).neo4j).toMatchObject({
      localHeap: '2g',
      localPageCache: '512m',
    });
    expect(() => loadConfig({ NEO4J_LOCAL_HEAP: 'lots' })).toThrow(/NEO4J_LOCAL_HEAP must be a size like 512m or 2g/);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config';

describe('COMPUTE_SOURCE and READ_MODEL_POLL_MS', () => {
  it('default to the memory read model polled every 500 ms', () => {
    expect(loadConfig({})).toMatchObject({ computeSource: 'memory', readModelPollMs: 500 });
  });

  it('accept the database engine and another interval', () => {
    expect(loadConfig({ COMPUTE_SOURCE: 'database', READ_MODEL_POLL_MS: '250' })).toMatchObject({
      computeSource: 'database',
      readModelPollMs: 250,
    });
  });

  it('refuse anything else, naming the variable', () => {
    expect(() => loadConfig({ COMPUTE_SOURCE: 'gpu' })).toThrow(ConfigError);
    expect(() => loadConfig({ COMPUTE_SOURCE: 'gpu' })).toThrow(/COMPUTE_SOURCE/);
    expect(() => loadConfig({ READ_MODEL_POLL_MS: '5' })).toThrow(/READ_MODEL_POLL_MS/);
  });
});

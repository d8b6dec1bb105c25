import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { loadAll, loadPresent } from '../../../src/graphql/loaders/load-all';
import { DatabaseUnavailableError } from '../../../src/domain/errors';

function failingLoader(): DataLoader<string, string | null> {
  return new DataLoader<string, string | null>(async () => {
    throw new DatabaseUnavailableError();
  });
}

describe('loadAll / loadPresent', () => {
  it('rethrows the error of a failed batch instead of returning an empty list', async () => {
    await expect(loadAll(failingLoader(), ['a', 'b'])).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(loadPresent(failingLoader(), ['a'])).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
  });

  it('rethrows when only one key of the batch failed', async () => {
    const loader = new DataLoader<string, string | null>(async (keys) =>
      keys.map((key) => (key === 'bad' ? new DatabaseUnavailableError() : key)),
    );
    await expect(loadAll(loader, ['a', 'bad', 'c'])).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });

  it('keeps order and nulls (loadAll) or drops missing entities (loadPresent)', async () => {
    const loader = () =>
      new DataLoader<string, string | null>(async (keys) =>
        keys.map((key) => (key.startsWith('x') ? null : key.toUpperCase())),
      );
    expect(await loadAll(loader(), ['a', 'x1', 'b'])).toEqual(['A', null, 'B']);
    expect(await loadPresent(loader(), ['a', 'x1', 'b'])).toEqual(['A', 'B']);
    expect(await loadPresent(loader(), [])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { CredentialRow } from '../../../src/db/repositories/catalog-rows';
import { CachedCredentialReads, type CredentialReads } from '../../../src/services/read-model/cached-credential-reads';

/** A catalogue of course titles by id; records every read, and can hold a read until released. */
class CatalogueSource implements CredentialReads {
  titles = new Map<string, string>([
    ['c1', 'Alpha'],
    ['c2', 'Beta'],
  ]);
  readonly reads: string[] = [];
  hold: Promise<void> | undefined;

  async getCredentialsByIds(ids: readonly string[]): Promise<CredentialRow[]> {
    this.reads.push(ids.join(','));
    const rows = ids
      .filter((id) => this.titles.has(id))
      .map((id) => ({ id, title: this.titles.get(id) }) as CredentialRow);
    await this.hold;
    return rows;
  }

  /** Holds every read until the returned function is called. */
  holdReads(): () => void {
    let release!: () => void;
    this.hold = new Promise((resolve) => {
      release = resolve;
    });
    return release;
  }

  /** Holds every read until the returned function fails them. */
  holdReadsToFail(): (error: Error) => void {
    let fail!: (error: Error) => void;
    this.hold = new Promise((_resolve, reject) => {
      fail = reject;
    });
    return fail;
  }
}

/** Lets the reads started so far reach the source. */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

const titles = (rows: CredentialRow[]) => Object.fromEntries(rows.map((row) => [row.id, row.title]));

describe('CachedCredentialReads', () => {
  it('reads each credential once while the catalogue generation stands, and never caches an unknown id', async () => {
    const source = new CatalogueSource();
    const credentials = new CachedCredentialReads(source, async () => 1);
    expect(titles(await credentials.getCredentialsByIds(['c1', 'nope']))).toEqual({ c1: 'Alpha' });
    expect(titles(await credentials.getCredentialsByIds(['c1', 'c2', 'c1']))).toEqual({ c1: 'Alpha', c2: 'Beta' });
    // c1 came from the cache; the unknown id is asked again and is found once it exists.
    source.titles.set('nope', 'Created later');
    expect(titles(await credentials.getCredentialsByIds(['nope']))).toEqual({ nope: 'Created later' });
    expect(source.reads).toEqual(['c1,nope', 'c2', 'nope']);
  });

  it('reads again once the catalogue generation moves on (a credential or provider changed)', async () => {
    const source = new CatalogueSource();
    let generation = 1;
    const credentials = new CachedCredentialReads(source, async () => generation);
    await credentials.getCredentialsByIds(['c1']);
    source.titles.set('c1', 'Alpha, renamed');
    expect(titles(await credentials.getCredentialsByIds(['c1']))).toEqual({ c1: 'Alpha' });
    generation = 2;
    expect(titles(await credentials.getCredentialsByIds(['c1']))).toEqual({ c1: 'Alpha, renamed' });
    source.titles.delete('c2');
    expect(await credentials.getCredentialsByIds(['c2'])).toEqual([]);
    expect(source.reads).toEqual(['c1', 'c1', 'c2']);
  });

  it('keeps a record read while the generation moved on out of the cache', async () => {
    const source = new CatalogueSource();
    let generation = 1;
    const credentials = new CachedCredentialReads(source, async () => generation);
    const release = source.holdReads();
    // This read began in generation 1 and may have seen either version of c1.
    const slow = credentials.getCredentialsByIds(['c1']);
    await nextTurn();
    generation = 2;
    source.hold = undefined;
    source.titles.set('c1', 'Alpha, renamed');
    // A read of the new generation does not join the one still under way.
    expect(titles(await credentials.getCredentialsByIds(['c1']))).toEqual({ c1: 'Alpha, renamed' });
    release();
    expect(titles(await slow)).toEqual({ c1: 'Alpha' });
    // The old read was not cached over the new one.
    expect(titles(await credentials.getCredentialsByIds(['c1']))).toEqual({ c1: 'Alpha, renamed' });
    expect(source.reads).toEqual(['c1', 'c1']);
  });

  it('lets a read join one under way for the same ids instead of reading them again', async () => {
    const source = new CatalogueSource();
    const credentials = new CachedCredentialReads(source, async () => 1);
    const release = source.holdReads();
    // A plan's heuristic answer started reading c1 and c2; its reply asks for c1 and c3 meanwhile.
    credentials.prefetch(['c1', 'c2']);
    await nextTurn();
    source.titles.set('c3', 'Gamma');
    const reply = credentials.getCredentialsByIds(['c1', 'c3']);
    await nextTurn();
    release();
    expect(titles(await reply)).toEqual({ c1: 'Alpha', c3: 'Gamma' });
    expect(source.reads).toEqual(['c1,c2', 'c3']);
    // Both are cached now.
    expect(titles(await credentials.getCredentialsByIds(['c2', 'c3']))).toEqual({ c2: 'Beta', c3: 'Gamma' });
    expect(source.reads).toHaveLength(2);
  });

  it('reads again what a failed read it joined was asked for, and forgets a failed prefetch', async () => {
    const source = new CatalogueSource();
    const credentials = new CachedCredentialReads(source, async () => 1);
    const fail = source.holdReadsToFail();
    credentials.prefetch(['c1']);
    await nextTurn();
    const reply = credentials.getCredentialsByIds(['c1']);
    await nextTurn();
    source.hold = undefined;
    // The prefetching request was cancelled: its read fails, the reply's does not.
    fail(new Error('the prefetching request was cancelled'));
    expect(titles(await reply)).toEqual({ c1: 'Alpha' });
    expect(source.reads).toEqual(['c1', 'c1']);
  });

  it('shares frozen records between requests', async () => {
    const credentials = new CachedCredentialReads(new CatalogueSource(), async () => 1);
    const [row] = await credentials.getCredentialsByIds(['c1']);
    expect(Object.isFrozen(row)).toBe(true);
    expect((await credentials.getCredentialsByIds(['c1']))[0]).toBe(row);
  });
});

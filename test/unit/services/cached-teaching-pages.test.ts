import { describe, expect, it } from 'vitest';
import type { TeachingCredential } from '../../../src/db/repositories/catalog-repository';
import type { Page, PageRequest } from '../../../src/domain/pagination/cursor';
import { CachedTeachingPages, type TeachingPageSource } from '../../../src/services/read-model/cached-teaching-pages';

/** A catalogue: skill → course ids in title order, and course titles; records every read. */
class CatalogueSource implements TeachingPageSource {
  teachers = new Map<string, string[]>([['s1', ['c1', 'c2', 'c3']]]);
  titles = new Map<string, string>([
    ['c1', 'Alpha'],
    ['c2', 'Beta'],
    ['c3', 'Gamma'],
  ]);
  readonly reads: string[] = [];

  private record(id: string): TeachingCredential {
    return { credential: { id, title: this.titles.get(id) } as TeachingCredential['credential'], provider: null };
  }

  async getTeachingCredentialsPage(uris: readonly string[], page: PageRequest) {
    this.reads.push(`page ${uris.join(',')}`);
    const pages = new Map<string, Page<TeachingCredential>>();
    for (const uri of uris) {
      const ids = this.teachers.get(uri);
      if (!ids) continue;
      const items = ids.slice(page.offset, page.offset + page.limit).map((id) => this.record(id));
      pages.set(uri, { items, totalCount: ids.length, offset: page.offset });
    }
    return pages;
  }

  async getTeachingCredentialsByIds(ids: readonly string[]) {
    this.reads.push(`ids ${ids.join(',')}`);
    return new Map(ids.filter((id) => this.titles.has(id)).map((id) => [id, this.record(id)] as const));
  }
}

const titles = (page: Page<TeachingCredential> | undefined) => page?.items.map((item) => item.credential.title);

describe('CachedTeachingPages', () => {
  it('reads a page and its records once, then nothing while the catalogue generation stands', async () => {
    const source = new CatalogueSource();
    const pages = new CachedTeachingPages(source, async () => 1);
    const first = await pages.getTeachingCredentialsPage(['s1', 'unknown'], { offset: 0, limit: 2 });
    expect(titles(first.get('s1'))).toEqual(['Alpha', 'Beta']);
    expect(first.has('unknown')).toBe(false);
    const again = await pages.getTeachingCredentialsPage(['s1'], { offset: 0, limit: 2 });
    expect(titles(again.get('s1'))).toEqual(['Alpha', 'Beta']);
    expect(again.get('s1')?.totalCount).toBe(3);
    expect(source.reads).toEqual(['page s1,unknown']);
  });

  it('reads pages and records again once the catalogue generation moves on (a course or provider changed)', async () => {
    const source = new CatalogueSource();
    let generation = 1;
    const pages = new CachedTeachingPages(source, async () => generation);
    await pages.getTeachingCredentialsPage(['s1'], { offset: 0, limit: 2 });
    source.teachers.set('s1', ['c0', 'c1', 'c2', 'c3']);
    source.titles.set('c0', 'Aardvark');
    source.titles.set('c1', 'Alpha, renamed');
    generation = 2;
    const renewed = await pages.getTeachingCredentialsPage(['s1'], { offset: 0, limit: 2 });
    expect(titles(renewed.get('s1'))).toEqual(['Aardvark', 'Alpha, renamed']);
    expect(renewed.get('s1')?.totalCount).toBe(4);
  });

  it('reads by id the records it no longer keeps, and drops a credential deleted since', async () => {
    const source = new CatalogueSource();
    const pages = new CachedTeachingPages(source, async () => 1, { maxRecords: 1 });
    await pages.getTeachingCredentialsPage(['s1'], { offset: 0, limit: 3 });
    source.titles.delete('c2');
    source.titles.set('c1', 'Alpha, as read again');
    expect(titles((await pages.getTeachingCredentialsPage(['s1'], { offset: 0, limit: 3 })).get('s1'))).toEqual([
      'Alpha, as read again',
      'Gamma',
    ]);
    // Only the last record of the first page was kept (c3): the other two were read by id.
    expect(source.reads).toEqual(['page s1', 'ids c1,c2']);
  });

  it('keeps nothing read while the catalogue changed', async () => {
    const source = new CatalogueSource();
    let generation = 1;
    const pages = new CachedTeachingPages(source, async () => generation);
    const reading = pages.getTeachingCredentialsPage(['s1'], { offset: 0, limit: 2 });
    generation = 2;
    await reading;
    await pages.getTeachingCredentialsPage(['s1'], { offset: 0, limit: 2 });
    expect(source.reads).toEqual(['page s1', 'page s1']);
  });

  it('keeps pages of other sizes apart', async () => {
    const source = new CatalogueSource();
    const pages = new CachedTeachingPages(source, async () => 1);
    await pages.getTeachingCredentialsPage(['s1'], { offset: 0, limit: 2 });
    const other = await pages.getTeachingCredentialsPage(['s1'], { offset: 1, limit: 2 });
    expect(titles(other.get('s1'))).toEqual(['Beta', 'Gamma']);
    expect(source.reads).toEqual(['page s1', 'page s1']);
  });
});

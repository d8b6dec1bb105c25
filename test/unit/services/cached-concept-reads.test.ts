import { describe, expect, it } from 'vitest';
import type { Page, PageRequest } from '../../../src/domain/pagination/cursor';
import type { OccupationRow, SkillRow } from '../../../src/db/repositories/esco-rows';
import { CachedConceptReads, type ConceptReads } from '../../../src/services/read-model/cached-concept-reads';
import { skillRowFixture } from '../../support/skill-row-fixture';

const skill = skillRowFixture;

/** A record source over a mutable table, recording which URIs each read asked for. */
class TableSource implements ConceptReads {
  readonly asked: string[][] = [];
  labels = new Map<string, string>([
    ['s1', 'one'],
    ['s2', 'two'],
  ]);
  beforeAnswer: () => void = () => undefined;

  async getSkillsByUris(uris: readonly string[]): Promise<SkillRow[]> {
    this.asked.push([...uris]);
    this.beforeAnswer();
    return uris.flatMap((uri) => {
      const label = this.labels.get(uri);
      return label === undefined ? [] : [skill(uri, label)];
    });
  }

  async getOccupationsByUris(): Promise<OccupationRow[]> {
    return [];
  }

  /** Occupation → its essential skill URIs. */
  essentials = new Map<string, string[]>([['o1', ['s1', 's2']]]);
  pagesAsked: string[][] = [];

  async getOccupationSkillsPage(
    uris: readonly string[],
    _relation: 'ESSENTIAL' | 'OPTIONAL',
    page: PageRequest,
  ): Promise<Map<string, Page<SkillRow>>> {
    this.pagesAsked.push([...uris]);
    const pages = new Map<string, Page<SkillRow>>();
    for (const uri of uris) {
      const skills = this.essentials.get(uri);
      if (!skills) continue;
      const items = skills.slice(page.offset, page.offset + page.limit).map((s) => skill(s, this.labels.get(s)));
      pages.set(uri, { items, totalCount: skills.length, offset: page.offset });
    }
    return pages;
  }
}

const labels = (rows: SkillRow[]) => Object.fromEntries(rows.map((r) => [r.uri, r.preferredLabel]));

describe('CachedConceptReads', () => {
  it('asks the source only for URIs it has not cached in this generation', async () => {
    const source = new TableSource();
    const cached = new CachedConceptReads(source, async () => 1);
    expect(labels(await cached.getSkillsByUris(['s1']))).toEqual({ s1: 'one' });
    expect(labels(await cached.getSkillsByUris(['s1', 's2', 's1']))).toEqual({ s1: 'one', s2: 'two' });
    expect(source.asked).toEqual([['s1'], ['s2']]);
  });

  it('does not cache a URI that matched nothing, so a concept created later is found', async () => {
    const source = new TableSource();
    const cached = new CachedConceptReads(source, async () => 1);
    expect(await cached.getSkillsByUris(['s3'])).toEqual([]);
    source.labels.set('s3', 'three');
    expect(labels(await cached.getSkillsByUris(['s3']))).toEqual({ s3: 'three' });
  });

  it('forgets everything when the generation changes', async () => {
    const source = new TableSource();
    let generation = 1;
    const cached = new CachedConceptReads(source, async () => generation);
    await cached.getSkillsByUris(['s1']);
    source.labels.set('s1', 'renamed');
    expect(labels(await cached.getSkillsByUris(['s1']))).toEqual({ s1: 'one' });
    generation = 2;
    expect(labels(await cached.getSkillsByUris(['s1']))).toEqual({ s1: 'renamed' });
  });

  it('keeps a read that overlapped a generation change out of the new generation', async () => {
    let generation = 1;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const asked: string[] = [];
    const cached = new CachedConceptReads(
      {
        getSkillsByUris: async (uris) => {
          asked.push(...uris);
          if (uris.includes('s1') && asked.length === 1) await gate;
          return uris.map((uri) => skill(uri, `gen ${generation}`));
        },
        getOccupationsByUris: async () => [],
        getOccupationSkillsPage: async () => new Map(),
      },
      async () => generation,
    );
    const first = cached.getSkillsByUris(['s1']); // starts in generation 1 and waits
    await new Promise((resolve) => setImmediate(resolve));
    generation = 2;
    await cached.getSkillsByUris(['s2']); // opens generation 2
    release();
    await first;
    await cached.getSkillsByUris(['s1', 's2']);
    expect(asked).toEqual(['s1', 's2', 's1']);
  });

  it('evicts the least recently used records beyond its bound', async () => {
    const source = new TableSource();
    source.labels = new Map(['a', 'b', 'c'].map((u) => [u, u]));
    const cached = new CachedConceptReads(source, async () => 1, { maxSkills: 2, maxOccupations: 1, maxSkillPages: 1 });
    await cached.getSkillsByUris(['a', 'b']);
    await cached.getSkillsByUris(['c']);
    await cached.getSkillsByUris(['a', 'b', 'c']);
    expect(source.asked).toEqual([['a', 'b'], ['c'], ['a']]);
  });

  it('hands out frozen records, shared safely by concurrent requests', async () => {
    const cached = new CachedConceptReads(new TableSource(), async () => 1);
    const [row] = await cached.getSkillsByUris(['s1']);
    expect(Object.isFrozen(row)).toBe(true);
  });

  it('serves an occupation skill page again without the source, and its skills as records', async () => {
    const source = new TableSource();
    const cached = new CachedConceptReads(source, async () => 1);
    const first = await cached.getOccupationSkillsPage(['o1', 'o9'], 'ESSENTIAL', { offset: 0, limit: 5 });
    expect(first.get('o1')?.items.map((r) => r.uri)).toEqual(['s1', 's2']);
    expect(first.has('o9')).toBe(false);
    const again = await cached.getOccupationSkillsPage(['o1'], 'ESSENTIAL', { offset: 0, limit: 5 });
    expect(again.get('o1')).toEqual({ items: first.get('o1')?.items, totalCount: 2, offset: 0 });
    await cached.getSkillsByUris(['s1', 's2']);
    expect(source.pagesAsked).toEqual([['o1', 'o9']]);
    expect(source.asked).toEqual([]);
    // Another page size or relation is another page.
    await cached.getOccupationSkillsPage(['o1'], 'ESSENTIAL', { offset: 0, limit: 1 });
    expect(source.pagesAsked).toHaveLength(2);
  });

  it('asks again for a page whose skill records were evicted, and forgets pages with the generation', async () => {
    const source = new TableSource();
    source.labels = new Map(['s1', 's2', 'x', 'y'].map((u) => [u, u]));
    let generation = 1;
    const cached = new CachedConceptReads(source, async () => generation, {
      maxSkills: 2,
      maxOccupations: 1,
      maxSkillPages: 10,
    });
    await cached.getOccupationSkillsPage(['o1'], 'ESSENTIAL', { offset: 0, limit: 5 });
    await cached.getSkillsByUris(['x', 'y']); // evicts s1 and s2
    await cached.getOccupationSkillsPage(['o1'], 'ESSENTIAL', { offset: 0, limit: 5 });
    expect(source.pagesAsked).toHaveLength(2);
    source.essentials.set('o1', ['s2']);
    generation = 2;
    const renewed = await cached.getOccupationSkillsPage(['o1'], 'ESSENTIAL', { offset: 0, limit: 5 });
    expect(renewed.get('o1')?.items.map((r) => r.uri)).toEqual(['s2']);
    expect(source.pagesAsked).toHaveLength(3);
  });
});
